import Foundation
import RedlineCore

/// What a cached result depends on besides the file itself: Redline's version, the effective
/// options, the rules on offer, and the bytes of every dictionary, word list and rule file.
public enum ConfigFingerprint {
    public static func compute(options: LintOptions, dataDirectory: String, ruleIDs: [String]) -> UInt64 {
        var hasher = FNV64()
        hasher.add("redline " + RedlineVersion.string)
        for language in options.languages { hasher.add("lang " + language) }
        hasher.add("date " + (options.defaultDate ?? ""))
        for key in options.values.keys.sorted() { hasher.add("value \(key)=\(options.values[key]!)") }
        for key in options.ruleSettings.keys.sorted() { hasher.add("rule \(key)=\(options.ruleSettings[key]!)") }
        for pattern in options.ignorePatterns { hasher.add("ignore " + pattern) }
        for id in ruleIDs.sorted() { hasher.add("id " + id) }
        var files: [String] = []
        for folder in [dataDirectory + "/Dictionaries", dataDirectory + "/Rules"] + options.rulePaths {
            files += filesBelow(folder)
        }
        files += options.wordFiles
        for language in options.languages where language.contains("/") {
            files += [language, language + ".dic", language + ".aff"]
        }
        for file in files {
            hasher.add("file " + file)
            if let data = FileManager.default.contents(atPath: file) { data.withUnsafeBytes { hasher.add(wordsOf: $0) } }
        }
        return hasher.value
    }

    /// Every regular file below a folder (or the path itself when it is a file), sorted.
    static func filesBelow(_ path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        guard isDir.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var sub: ObjCBool = false
            let full = path + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
        }
        return found.sorted()
    }
}
