import Foundation
import RedlineCore

/// Writes fixed files safely: only a file that has not changed since it was checked, through a
/// temporary file in the same folder, flushed to disk and renamed over the original (so a crash
/// or a kill leaves the old or the new version, never a mix), keeping the original's permissions.
public enum FixWriter {
    public enum Outcome: Equatable, Sendable {
        case written(fixes: Int)
        case unchanged
        /// Not written, with the reason (changed since read, not UTF-8, read-only, …).
        case refused(String)
    }

    /// The current bytes of a checked file, or why they cannot be used for fixing.
    public static func currentBytes(of file: FileResult) -> Result<[UInt8], FixError> {
        if let stdin = file.stdinBytes { return .success(stdin) }
        guard let path = file.fileSystemPath, let data = FileManager.default.contents(atPath: path) else {
            return .failure(FixError("cannot read the file again"))
        }
        let bytes = [UInt8](data)
        guard contentHash(bytes) == file.contentHash else {
            return .failure(FixError("changed since it was checked; not written (run again)"))
        }
        return .success(bytes)
    }

    /// Applies the file's safe fixes and writes it back atomically.
    public static func fix(_ file: FileResult) -> Outcome {
        guard file.isRewritable else { return .refused("not valid UTF-8; Redline never rewrites such a file") }
        guard let path = file.fileSystemPath else { return .refused("standard input is written to standard output") }
        let fixes = FixApplier.select(file.diagnostics)
        guard !fixes.isEmpty else { return .unchanged }
        let bytes: [UInt8]
        switch currentBytes(of: file) {
        case .success(let b): bytes = b
        case .failure(let e): return .refused(e.message)
        }
        let fixed = FixApplier.apply(fixes, to: bytes)
        if fixed == bytes { return .unchanged }
        do {
            try writeAtomically(fixed, to: path)
        } catch let e as FixError {
            return .refused(e.message)
        } catch {
            return .refused("\(error)")
        }
        return .written(fixes: fixes.count)
    }

    /// Temporary file beside `path`, same permissions, then rename over it.
    /// With `creating`, a file that does not exist yet is created (reports).
    public static func writeAtomically(_ bytes: [UInt8], to givenPath: String, creating: Bool = false) throws {
        let fm = FileManager.default
        // A symbolic link stays a link: the file it points to is replaced.
        let url = URL(fileURLWithPath: givenPath).resolvingSymlinksInPath()
        let path = url.path
        let exists = fm.fileExists(atPath: path)
        let attributes = try? fm.attributesOfItem(atPath: path)
        // Refuse files without write permission even for root: read-only is the owner's wish.
        let mode = (attributes?[.posixPermissions] as? Int) ?? 0o644
        if exists || !creating {
            guard fm.isWritableFile(atPath: path), mode & 0o222 != 0 else { throw FixError("read-only; not written") }
        }
        let dir = url.deletingLastPathComponent()
        // Hidden, and not ending in a checked extension: a leftover (after a crash) is never
        // picked up by a folder walk.
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).redline-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try writeDurably(bytes, to: temp.path, permissions: mode_t(mode))
        } catch {
            unlink(temp.path)
            throw error
        }
        FaultInjection.afterTemporaryFile()
        if rename(temp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw FixError("cannot replace the file (\(reason))")
        }
        // The rename itself reaches the disk with the folder's entry.
        let dirFD = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// Creates `path` (which must not exist), writes all of `bytes`, sets the permissions and
    /// flushes it to disk, so that the rename that follows never exposes a partial file.
    private static func writeDurably(_ bytes: [UInt8], to path: String, permissions: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FixError("cannot write a temporary file in \((path as NSString).deletingLastPathComponent) (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FixError("cannot write a temporary file (\(String(cString: strerror(errno))))")
                }
                written += n
            }
        }
        guard fchmod(fd, permissions) == 0, fsync(fd) == 0 else {
            throw FixError("cannot write a temporary file (\(String(cString: strerror(errno))))")
        }
    }
}

/// A crash on purpose, for the tests that show a killed `fix` loses nothing: with
/// `REDLINE_TEST_KILL_AFTER_TEMP_FILES=N`, the process kills itself (SIGKILL) once the Nth
/// temporary file is written, before it is renamed over the original.
enum FaultInjection {
    private static let limit = ProcessInfo.processInfo.environment["REDLINE_TEST_KILL_AFTER_TEMP_FILES"].flatMap(Int.init)
    private static let counter = LockedCounter()

    static func afterTemporaryFile() {
        guard let limit else { return }
        if counter.increment() >= limit { kill(getpid(), SIGKILL) }
    }

    private final class LockedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}

/// Why a file could not be fixed.
public struct FixError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
