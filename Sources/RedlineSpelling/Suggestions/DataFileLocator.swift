import Foundation

/// Finds the per-language data files the suggestions use beside a dictionary:
/// `<folder>/<name>.tsv` or `<folder>/<language>.tsv` in the dictionary's own folder
/// (`Dictionaries/en_US.dic` → `Dictionaries/frequency/en.tsv`).
enum DataFileLocator {
    /// The path of the first file that exists, if any.
    static func locate(folder: String, besides dictionary: DictionaryFiles) -> String? {
        let directory = (dictionary.dictionaryPath as NSString).deletingLastPathComponent
        let name = dictionary.name
        let language = name.split(whereSeparator: { $0 == "_" || $0 == "-" }).first.map(String.init) ?? name
        for candidate in [name, language] {
            let path = directory + "/" + folder + "/" + candidate + ".tsv"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
