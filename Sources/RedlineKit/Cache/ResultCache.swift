import Foundation
import RedlineCore

/// Per-file results kept between runs (`--cache`, `--cache-dir`), so an unchanged file is not
/// checked again.
///
/// Layout: `<directory>/<fingerprint>/` holds, per file, `<key>.json` (its diagnostics) and
/// `<key>.facts.json` (its cross-file facts), where the key mixes the file's path and the hash of
/// its bytes; and `run-<key>.json`, the cross-file diagnostics of a whole run of unchanged files.
/// The fingerprint (`ConfigFingerprint`) covers Redline's version, the effective options, the
/// rules and every dictionary, word list and rule file, so any change to them starts afresh.
/// Entries are written atomically; an unreadable or damaged entry counts as a miss.
public final class ResultCache: Sendable {
    public let folder: String

    public init(directory: String, fingerprint: UInt64) {
        folder = (directory as NSString).appendingPathComponent(Hex.string(fingerprint))
    }

    /// A file's cached result, when its path and bytes match an entry.
    public func result(path: String, contentHash: UInt64, fileSystemPath: String?) -> FileResult? {
        guard let data = FileManager.default.contents(atPath: entryPath(path, contentHash, ".json")),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.path == path, entry.contentHash == contentHash else { return nil }
        return FileResult(path: path, diagnostics: entry.diagnostics, fileSystemPath: fileSystemPath,
                          contentHash: contentHash, isRewritable: entry.rewritable)
    }

    /// Whether the cache holds a file's facts (for files a run reads only for them).
    public func hasFacts(path: String, contentHash: UInt64) -> Bool {
        FileManager.default.fileExists(atPath: entryPath(path, contentHash, ".facts.json"))
    }

    /// The cached facts of a file (decoded with the rules' `FactsTypes`).
    public func facts(path: String, contentHash: UInt64, types: FactsTypes) -> FileFacts? {
        guard let data = FileManager.default.contents(atPath: entryPath(path, contentHash, ".facts.json")) else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[FactsTypes.userInfoKey] = types
        guard let facts = try? decoder.decode(FileFacts.self, from: data), facts.path == path else { return nil }
        return facts
    }

    /// Keeps a checked file's result and facts.
    public func store(_ file: CheckedFile) {
        let result = file.result
        let entry = Entry(path: result.path, contentHash: result.contentHash, rewritable: result.isRewritable,
                          diagnostics: result.diagnostics)
        guard let data = try? JSONEncoder().encode(entry), let facts = try? JSONEncoder().encode(file.facts) else { return }
        write(data, to: entryPath(result.path, result.contentHash, ".json"))
        write(facts, to: entryPath(result.path, result.contentHash, ".facts.json"))
    }

    /// The cross-file diagnostics of a run whose files all had these hashes, if kept.
    public func runDiagnostics(key: UInt64) -> [String: [Diagnostic]]? {
        guard let data = FileManager.default.contents(atPath: runPath(key)) else { return nil }
        return try? JSONDecoder().decode([String: [Diagnostic]].self, from: data)
    }

    public func storeRunDiagnostics(_ diagnostics: [String: [Diagnostic]], key: UInt64) {
        guard let data = try? JSONEncoder().encode(diagnostics) else { return }
        write(data, to: runPath(key))
    }

    /// The key of a run: every file's path and content hash, in order.
    public static func runKey(_ files: [(path: String, contentHash: UInt64)], extra: UInt64 = 0) -> UInt64 {
        var hasher = FNV64()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.add(file.path)
            hasher.add(file.contentHash)
        }
        hasher.add(extra)
        return hasher.value
    }

    private struct Entry: Codable {
        var path: String
        var contentHash: UInt64
        var rewritable: Bool
        var diagnostics: [Diagnostic]
    }

    private func entryPath(_ path: String, _ contentHash: UInt64, _ suffix: String) -> String {
        var hasher = FNV64()
        hasher.add(path)
        hasher.add(contentHash)
        let name = Hex.string(hasher.value)
        return folder + "/" + name.prefix(2) + "/" + name + suffix
    }

    private func runPath(_ key: UInt64) -> String { folder + "/run-" + Hex.string(key) + ".json" }

    /// Writes to a temporary file beside the target, then renames it: readers never see half an entry.
    private func write(_ data: Data, to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temporary = dir + "/.tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}

/// FNV-1a, 64 bits, fed piece by piece.
public struct FNV64: Sendable {
    public private(set) var value: UInt64 = 0xcbf29ce484222325
    public init() {}
    public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x100000001b3 }
    }
    public mutating func add(_ string: String) {
        add(bytes: string.utf8)
        add(bytes: CollectionOfOne(0))
    }
    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }
}

/// Sixteen hexadecimal digits for a 64-bit key.
enum Hex {
    static func string(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
