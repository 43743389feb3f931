import Foundation

/// A Hunspell dictionary on disk: its `.aff` and `.dic` files.
public struct DictionaryFiles: Sendable, Hashable {
    public var name: String
    public var affixPath: String
    public var dictionaryPath: String
}

/// An error finding or reading a dictionary or word list, naming the file.
public struct DictionaryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds a dictionary by name (`en_US`) or path (`/x/de_DE`, `/x/de_DE.dic`).
///
/// Redline's own `Dictionaries/` folder is searched first, so results do not depend on what
/// a machine has installed; then the usual system folders.
public enum DictionaryLocator {
    public static let systemFolders = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                                       "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell"]

    public static func locate(_ nameOrPath: String, dataDirectory: String) throws -> DictionaryFiles {
        let fm = FileManager.default
        var base = nameOrPath
        if base.hasSuffix(".dic") || base.hasSuffix(".aff") { base.removeLast(4) }
        let isPath = base.contains("/")
        let candidates = isPath ? [base] : ([dataDirectory + "/Dictionaries"] + systemFolders).map { $0 + "/" + base }
        for c in candidates {
            let aff = c + ".aff", dic = c + ".dic"
            let hasAff = fm.fileExists(atPath: aff), hasDic = fm.fileExists(atPath: dic)
            if hasAff && hasDic {
                return DictionaryFiles(name: (base as NSString).lastPathComponent, affixPath: aff, dictionaryPath: dic)
            }
            if hasAff != hasDic {
                throw DictionaryError("\(hasAff ? dic : aff): missing (the dictionary '\(nameOrPath)' needs both .aff and .dic)")
            }
        }
        let looked = candidates.map { $0 + ".dic" }.joined(separator: ", ")
        throw DictionaryError("dictionary '\(nameOrPath)' not found (looked for \(looked)); "
            + "install it (e.g. apt-get install hunspell-en-gb) or pass a path to its .dic file")
    }
}
