import Foundation
import RedlineCore

/// Per-file results kept between runs (`--cache`, `--cache-dir`), so an unchanged file is not
/// checked again.
///
/// Layout: `<directory>/<fingerprint>/results.pack` holds, per file path, the hash of the bytes
/// it was checked at, its size and modification time, its diagnostics, its cross-file facts and
/// their links (`FactLinks`, so a partial judgement can pick the facts it needs). It is one file
/// (creating thousands of small files costs more than checking them), mapped into memory when
/// read and appended to when written, in segments (see `save`). `run-<key>.json` holds the
/// cross-file diagnostics of a run (the last `runsKept`). The fingerprint (`ConfigFingerprint`)
/// covers Redline's version, the effective options, the rules and every dictionary, word list
/// and rule file, so any change to them starts afresh. A file whose size and modification time
/// match its entry is not even read. A damaged pack counts as empty, a torn last segment as absent.
public final class ResultCache: @unchecked Sendable {
    public let folder: String
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Paths whose entries this run added or changed (appended to the pack by `save`).
    private var dirty = Set<String>()
    /// The pack's size as read, and whether it must be written afresh (damaged, or another format).
    private var packSize = 0
    private var packIsWhole = false

    /// One file's cached result.
    struct Entry {
        var contentHash: UInt64
        var size: Int64
        var modified: Int64
        var rewritable: Bool
        /// Ranges of the mapped pack, or new encodings.
        var diagnostics: CacheBytes
        var facts: CacheBytes
        /// `FactLinks` in compact form (empty when unknown).
        var links: CacheBytes
    }

    public init(directory: String, fingerprint: UInt64) {
        folder = (directory as NSString).appendingPathComponent(Hex.string(fingerprint))
        if let pack = CacheBytes.Storage(mapping: packPath) {
            packSize = pack.buffer.count
            if let (parsed, whole) = Self.parse(pack) {
                entries = parsed
                packIsWhole = whole
            }
        }
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
            dirty.insert(path)
        }
        lock.unlock()
        guard let diagnostics = DiagnosticCodec.decode(e.diagnostics.slice) else { return nil }
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
        guard let facts = try? decoder.decode(FileFacts.self, from: Data(entry.facts.buffer)), facts.path == path else { return nil }
        return facts
    }

    /// The links of a file's cached facts (see `RunJudging.links`) in compact form, when kept.
    func links(path: String, contentHash: UInt64) -> CacheBytes? {
        lock.lock()
        let entry = entries[path]
        lock.unlock()
        guard let entry, entry.contentHash == contentHash, !entry.links.isEmpty else { return nil }
        return entry.links
    }

    /// Keeps a checked file's result, facts and the facts' links (written by `save`).
    public func store(_ file: CheckedFile, links: FactLinks?, stat: FileStamp?) {
        let result = file.result
        let diagnostics = CacheBytes(DiagnosticCodec.encode(result.diagnostics))
        guard let facts = try? CacheBytes([UInt8](JSONEncoder().encode(file.facts))) else { return }
        // A file modified in the last two seconds could change again within the clock's
        // granularity without its stamp changing ("racy git"): its stamp is not trusted.
        let stat = stat.flatMap { $0.isRecent ? nil : $0 }
        let entry = Entry(contentHash: result.contentHash, size: stat?.size ?? -1, modified: stat?.modified ?? -1,
                          rewritable: result.isRewritable, diagnostics: diagnostics, facts: facts,
                          links: CacheBytes(links?.encoded ?? []))
        lock.lock()
        entries[result.path] = entry
        dirty.insert(result.path)
        lock.unlock()
    }

    /// Writes what this run added: appended to the pack as one segment, or (when the pack is
    /// missing or damaged, or more than half of it is superseded entries) the whole pack
    /// afresh, atomically (a temporary file, then a rename). An append cut short by a crash
    /// leaves a torn last segment, which the next read passes over.
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        guard !dirty.isEmpty else { return }
        let live = entries.reduce(0) { $0 + Self.encodedSize($1.key, $1.value) }
        let appended = dirty.reduce(0) { $0 + Self.encodedSize($1, entries[$1]!) }
        if packIsWhole && packSize > 0 && packSize + appended + 16 <= 2 * live, append(segment(dirty.sorted())) {
            dirty = []
            return
        }
        write(Data(Array(Self.magic.utf8) + segment(entries.keys.sorted())), to: packPath)
        dirty = []
    }

    /// Entries of the pack, end to end, framed by their length before and after.
    private func segment(_ paths: [String]) -> [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u64(0)
        for path in paths {
            let e = entries[path]!
            u32(path.utf8.count); out += path.utf8
            u64(e.contentHash); u64(UInt64(bitPattern: e.size)); u64(UInt64(bitPattern: e.modified))
            out.append(e.rewritable ? 1 : 0)
            for bytes in [e.diagnostics, e.facts, e.links] {
                u32(bytes.count)
                out += bytes.buffer
            }
        }
        let length = UInt64(out.count - 8)
        withUnsafeBytes(of: length.littleEndian) { out.replaceSubrange(0..<8, with: $0) }
        u64(length)
        return out
    }

    private static func encodedSize(_ path: String, _ e: Entry) -> Int {
        4 + path.utf8.count + 25 + 12 + e.diagnostics.count + e.facts.count + e.links.count
    }

    /// Appends a segment to the pack under an exclusive lock; false when that fails.
    private func append(_ segment: [UInt8]) -> Bool {
        let fd = open(packPath, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return false }
        defer { flock(fd, LOCK_UN) }
        return segment.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
    }

    /// The pack's format (a pack of another format counts as empty).
    static let magic = "RLC3"

    /// Reads a pack: its entries (later segments' replacing earlier ones') and whether every
    /// segment was whole; nil when it is not a pack of this format.
    static func parse(_ pack: CacheBytes.Storage) -> (entries: [String: Entry], whole: Bool)? {
        let bytes = pack.buffer
        guard bytes.starts(with: magic.utf8) else { return nil }
        var i = 4
        var end = bytes.count
        func take(_ n: Int) -> Range<Int>? {
            guard n >= 0, n <= end - i else { return nil }
            defer { i += n }
            return i..<(i + n)
        }
        func u64() -> UInt64? { take(8).map { bytes.loadUnaligned(fromByteOffset: $0.lowerBound, as: UInt64.self).littleEndian } }
        func u32() -> Int? { take(4).map { Int(bytes.loadUnaligned(fromByteOffset: $0.lowerBound, as: UInt32.self).littleEndian) } }
        var entries: [String: Entry] = [:]
        while i < bytes.count {
            // A segment: its length, its entries, its length again.
            end = bytes.count
            guard let length = u64(), end - i >= 8, length <= UInt64(end - i - 8) else { return (entries, false) }
            let bodyEnd = i + Int(length)
            guard bytes.loadUnaligned(fromByteOffset: bodyEnd, as: UInt64.self).littleEndian == length else {
                return (entries, false)
            }
            end = bodyEnd
            while i < bodyEnd {
                guard let pathLength = u32(), let path = take(pathLength), let hash = u64(), let size = u64(),
                      let modified = u64(), let flag = take(1), let dLength = u32(), let d = take(dLength),
                      let fLength = u32(), let f = take(fLength), let lLength = u32(), let l = take(lLength)
                else { return (entries, false) }
                entries[String(decoding: UnsafeRawBufferPointer(rebasing: bytes[path]), as: UTF8.self)] = Entry(
                    contentHash: hash, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                    rewritable: bytes[flag.lowerBound] == 1, diagnostics: CacheBytes(pack, d), facts: CacheBytes(pack, f),
                    links: CacheBytes(pack, l))
            }
            i = bodyEnd + 8
        }
        return (entries, true)
    }

    /// The cross-file diagnostics of a run whose files all had these hashes, if kept.
    public func runDiagnostics(key: UInt64) -> [String: [Diagnostic]]? {
        guard let data = FileManager.default.contents(atPath: runPath(key)) else { return nil }
        return try? JSONDecoder().decode([String: [Diagnostic]].self, from: data)
    }

    public func storeRunDiagnostics(_ diagnostics: [String: [Diagnostic]], key: UInt64) {
        guard let data = try? JSONEncoder().encode(diagnostics) else { return }
        write(data, to: runPath(key))
        pruneRuns(keeping: Self.runsKept)
    }

    /// How many run verdicts are kept (each edit of a `--changed-since` run makes a new one).
    static let runsKept = 8

    /// Deletes all but the `count` most recent run verdicts.
    private func pruneRuns(keeping count: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let runs = names.filter { $0.hasPrefix("run-") && $0.hasSuffix(".json") }
        guard runs.count > count else { return }
        let dated = runs.map { name -> (String, Int64) in (name, FileStamp.of(folder + "/" + name)?.modified ?? 0) }
        for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(count) {
            unlink(folder + "/" + name)
        }
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

/// Sixteen hexadecimal digits for a 64-bit key.
enum Hex {
    static func string(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
