import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A per-user folder of built suggestion indexes, so that only the first run with a set of
/// dictionaries pays for building one (about a second of CPU for en_US, en_GB and the house
/// lists); later runs read it back in milliseconds.
///
/// A file is named by a 128-bit hash of everything the index is built from: the bytes of every
/// dictionary (`.aff` and `.dic`), the extra words in order, the frequency list, the index
/// format and `version` (Redline's version and, for `standard`, the size and time of the
/// running executable, so that a rebuilt Redline never reads an index an older build made).
/// Files are written to a temporary name and renamed (readers never see half a file); a file
/// that is damaged, cut short or of another format is ignored and replaced. The folder keeps
/// the `maximumFiles` most recently used indexes.
public struct SuggestionIndexCache: Sendable {
    /// Where the files are kept.
    public let directory: String
    /// Part of every key: what built the index.
    public let version: String
    /// Set to a folder to keep the indexes there instead, or to `off` (or empty) to build the
    /// index afresh on every run.
    public static let environmentVariable = "REDLINE_INDEX_CACHE"
    /// How many index files the folder keeps (each is some 10 to 30 MB).
    public static let maximumFiles = 4

    public init(directory: String, version: String) {
        self.directory = directory
        self.version = version
    }

    /// The per-user cache: `$REDLINE_INDEX_CACHE` if set (nil when it is `off` or empty), else
    /// `$XDG_CACHE_HOME/redline`, else `~/.cache/redline`; nil when there is no home folder.
    public static func standard(version: String,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> SuggestionIndexCache? {
        let stamped = version + " " + executableStamp()
        if let setting = environment[environmentVariable] {
            if setting.isEmpty || setting.lowercased() == "off" { return nil }
            return SuggestionIndexCache(directory: setting, version: stamped)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return SuggestionIndexCache(directory: xdg + "/redline", version: stamped)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return SuggestionIndexCache(directory: home + "/.cache/redline", version: stamped)
    }

    /// The size and modification time of the running executable ("" when unknown).
    static func executableStamp() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(time)"
    }

    /// The key of the index built from these inputs (32 hexadecimal digits); nil when a
    /// dictionary cannot be read (the index is then built, and not stored).
    func key(dictionaries: [DictionaryFiles], extraWords: [String], frequencyListPath: String?) -> String? {
        var hasher = StableHasher()
        hasher.combine("redline suggestion index \(SuggestionIndexCodec.formatVersion)")
        hasher.combine(version)
        hasher.combine(UInt64(dictionaries.count))
        for files in dictionaries {
            hasher.combine(files.name)
            for path in [files.affixPath, files.dictionaryPath] {
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                hasher.combine(UInt64(data.count))
                data.withUnsafeBytes { hasher.combine($0) }
            }
        }
        hasher.combine(UInt64(extraWords.count))
        for word in extraWords { hasher.combine(word) }
        if let frequencyListPath, let data = FileManager.default.contents(atPath: frequencyListPath) {
            hasher.combine(UInt64(data.count))
            data.withUnsafeBytes { hasher.combine($0) }
        } else {
            hasher.combine(UInt64.max)
        }
        return hasher.hexDigest()
    }

    /// The path of the file for `key`.
    func path(forKey key: String) -> String { directory + "/suggestions-" + key + ".index" }

    /// The stored index for `key`, or nil when there is none or it cannot be used.
    func load(key: String, dictionaries: [DictionaryFiles], irregularFormsPath: String?) -> SuggestionIndex? {
        let start = Date()
        let path = path(forKey: key)
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
              let contents = data.withUnsafeBytes({ SuggestionIndexCodec.decode($0, key: key) }) else { return nil }
        // Marks the file as recently used (the folder keeps the most recently used).
        _ = utimes(path, nil)
        return SuggestionIndex.restore(contents, dictionaries: dictionaries, irregularFormsPath: irregularFormsPath,
                                       seconds: Date().timeIntervalSince(start))
    }

    /// Writes the index for `key` (and builds its sound-alike index first, if it is English and
    /// that is not built yet). Failures are silent: the cache only saves time.
    func store(_ index: SuggestionIndex, key: String) {
        let bytes = SuggestionIndexCodec.encode(index.storedContents, key: key)
        let fm = FileManager.default
        guard (try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])) != nil else { return }
        let final = path(forKey: key)
        let temporary = directory + "/.suggestions-" + key + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard fm.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, final) != 0 { _ = unlink(temporary) }
        prune()
    }

    /// Removes all but the `maximumFiles` most recently used indexes, and temporary files over
    /// an hour old (left by a run that ended while writing).
    func prune() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
        var indexes: [(path: String, used: Date)] = []
        for name in names where name.hasPrefix("suggestions-") && name.hasSuffix(".index") || name.hasPrefix(".suggestions-") && name.hasSuffix(".tmp") {
            let path = directory + "/" + name
            guard let used = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if name.hasSuffix(".tmp") {
                if used.timeIntervalSinceNow < -3600 { try? fm.removeItem(atPath: path) }
            } else {
                indexes.append((path, used))
            }
        }
        indexes.sort { $0.used > $1.used }
        for old in indexes.dropFirst(Self.maximumFiles) { try? fm.removeItem(atPath: old.path) }
    }
}
