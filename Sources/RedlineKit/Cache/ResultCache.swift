import Foundation
import RedlineCore

/// Per-file results kept between runs (`--cache`, `--cache-dir`), so an unchanged file is not
/// checked again.
///
/// Layout: `<directory>/<fingerprint>/results.pack` holds, per file path, the hash of the bytes
/// it was checked at, its size and modification time, its diagnostics and its cross-file facts
/// (one file, read once and written once per run: creating thousands of small files costs more
/// than checking them); `run-<key>.json` holds the cross-file diagnostics of a whole run of
/// unchanged files. The fingerprint (`ConfigFingerprint`) covers Redline's version, the effective
/// options, the rules and every dictionary, word list and rule file, so any change to them starts
/// afresh. A file whose size and modification time match its entry is not even read. The pack is
/// written atomically; a damaged one counts as empty.
public final class ResultCache: @unchecked Sendable {
    public let folder: String
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var changed = false

    /// One file's cached result.
    struct Entry {
        var contentHash: UInt64
        var size: Int64
        var modified: Int64
        var rewritable: Bool
        /// Slices of the pack as read (not copied), or of a new encoding.
        var diagnostics: ArraySlice<UInt8>
        var facts: ArraySlice<UInt8>
    }

    public init(directory: String, fingerprint: UInt64) {
        folder = (directory as NSString).appendingPathComponent(Hex.string(fingerprint))
        if let data = FileManager.default.contents(atPath: packPath) { entries = Self.parse([UInt8](data)) ?? [:] }
    }

    private var packPath: String { folder + "/results.pack" }

    /// The content hash of a file whose size and modification time are those it was cached
    /// with (so it need not be read), if any.
    public func unchangedHash(path: String, stat: FileStamp) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        guard let e = entries[path], e.size == stat.size, e.modified == stat.modified else { return nil }
        return e.contentHash
    }

    /// A file's cached result, when its path and bytes match an entry.
    public func result(path: String, contentHash: UInt64, fileSystemPath: String?, stat: FileStamp? = nil) -> FileResult? {
        lock.lock()
        guard var e = entries[path], e.contentHash == contentHash else { lock.unlock(); return nil }
        if let stat, !stat.isRecent, stat.size != e.size || stat.modified != e.modified {
            // Same bytes, new time stamp (a checkout): remember the stamp so the next run need not read it.
            e.size = stat.size
            e.modified = stat.modified
            entries[path] = e
            changed = true
        }
        lock.unlock()
        guard let diagnostics = DiagnosticCodec.decode(e.diagnostics) else { return nil }
        return FileResult(path: path, diagnostics: diagnostics, fileSystemPath: fileSystemPath,
                          contentHash: contentHash, isRewritable: e.rewritable)
    }

    /// Whether the cache holds a file's facts (for files a run reads only for them).
    public func hasFacts(path: String, contentHash: UInt64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return entries[path]?.contentHash == contentHash
    }

    /// The cached facts of a file (decoded with the rules' `FactsTypes`).
    public func facts(path: String, contentHash: UInt64, types: FactsTypes) -> FileFacts? {
        lock.lock()
        let entry = entries[path]
        lock.unlock()
        guard let entry, entry.contentHash == contentHash else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[FactsTypes.userInfoKey] = types
        guard let facts = try? decoder.decode(FileFacts.self, from: Data(entry.facts)), facts.path == path else { return nil }
        return facts
    }

    /// Keeps a checked file's result and facts (written by `save`).
    public func store(_ file: CheckedFile, stat: FileStamp?) {
        let result = file.result
        let diagnostics = ArraySlice(DiagnosticCodec.encode(result.diagnostics))
        guard let facts = try? JSONEncoder().encode(file.facts).map({ $0 })[...] else { return }
        // A file modified in the last two seconds could change again within the clock's
        // granularity without its stamp changing ("racy git"): its stamp is not trusted.
        let stat = stat.flatMap { $0.isRecent ? nil : $0 }
        let entry = Entry(contentHash: result.contentHash, size: stat?.size ?? -1, modified: stat?.modified ?? -1,
                          rewritable: result.isRewritable, diagnostics: diagnostics, facts: facts)
        lock.lock()
        entries[result.path] = entry
        changed = true
        lock.unlock()
    }

    /// Writes the pack if this run added to it (atomically: a temporary file, then a rename).
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        guard changed else { return }
        var out: [UInt8] = Array("RLC2".utf8)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        for path in entries.keys.sorted() {
            let e = entries[path]!
            u32(path.utf8.count); out += path.utf8
            u64(e.contentHash); u64(UInt64(bitPattern: e.size)); u64(UInt64(bitPattern: e.modified))
            out.append(e.rewritable ? 1 : 0)
            u32(e.diagnostics.count); out += e.diagnostics
            u32(e.facts.count); out += e.facts
        }
        write(Data(out), to: packPath)
        changed = false
    }

    /// Reads a pack; nil when it is damaged.
    static func parse(_ bytes: [UInt8]) -> [String: Entry]? {
        guard bytes.starts(with: Array("RLC2".utf8)) else { return nil }
        var i = 4
        func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, i + n <= bytes.count else { return nil }
            defer { i += n }
            return bytes[i..<(i + n)]
        }
        func u64() -> UInt64? { take(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } } }
        func u32() -> Int? { take(4).map { Int($0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) } }
        var entries: [String: Entry] = [:]
        while i < bytes.count {
            guard let pathLength = u32(), let path = take(pathLength), let hash = u64(), let size = u64(),
                  let modified = u64(), let flag = take(1), let dLength = u32(), let d = take(dLength),
                  let fLength = u32(), let f = take(fLength) else { return nil }
            entries[String(decoding: path, as: UTF8.self)] = Entry(
                contentHash: hash, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                rewritable: flag.first == 1, diagnostics: d, facts: f)
        }
        return entries
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

    private func runPath(_ key: UInt64) -> String { folder + "/run-" + Hex.string(key) + ".json" }

    /// Writes to a temporary file beside the target, then renames it: readers never see half a file.
    private func write(_ data: Data, to path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temporary = dir + "/.tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}

/// A file's size and modification time (nanoseconds), to tell an untouched file without reading it.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var modified: Int64

    /// Modified less than two seconds ago.
    var isRecent: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - modified < 2_000_000_000
    }

    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
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
