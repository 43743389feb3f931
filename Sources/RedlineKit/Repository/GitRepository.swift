import Foundation

/// A git work tree, asked through the `git` command: which files it holds (tracked, and
/// untracked but not ignored) and which changed since a commit.
public struct GitRepository: Sendable {
    /// The work tree's top folder (absolute).
    public let root: String

    /// The work tree containing `folder`, or nil when it is not in one (or git is missing).
    /// Asked once per folder in a process.
    public static func containing(_ folder: String) -> GitRepository? {
        roots.value(for: realPath(folder)) {
            guard let out = try? Git.run(["rev-parse", "--show-toplevel"], in: folder) else { return nil }
            let root = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return root.isEmpty ? nil : root
        }.map(GitRepository.init(root:))
    }

    private static let roots = Memo<String, String?>()

    /// The files below `folder` that git tracks or would track (`.gitignore` respected), as paths
    /// relative to `folder`, sorted. Tracked files deleted from the work tree are listed too
    /// (reading them tells).
    public func files(below folder: String) throws -> [String] {
        let base = Self.realPath(folder)
        let listed: [String]
        if base == root || base.hasPrefix(root + "/") {
            // From the one listing of the whole work tree.
            let all = try listing()
            let prefix = base == root ? "" : String(base.dropFirst(root.count + 1)) + "/"
            listed = (all.tracked + all.untracked).compactMap { path in
                prefix.isEmpty ? path : path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
            }
        } else {
            listed = Git.split(try Git.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], in: folder))
        }
        var seen = Set<String>()
        return listed.filter { seen.insert($0).inserted }.sorted()
    }

    /// The work tree's files, relative to its top: tracked, and untracked but not ignored.
    struct Listing: Sendable {
        var tracked: [String] = []
        var untracked: [String] = []
    }

    /// Listed once per process (walking a large work tree for untracked files takes a while).
    func listing() throws -> Listing {
        let root = root
        return try Self.listings.value(for: root) {
            Result { () throws -> Listing in
                // -t tags each path: "? " for untracked ones.
                var listing = Listing()
                for entry in try Git.run(["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard"], in: root)
                    .split(separator: 0) where entry.count > 2 {
                    let path = String(decoding: entry.dropFirst(2), as: UTF8.self)
                    if entry.first == UInt8(ascii: "?") { listing.untracked.append(path) } else { listing.tracked.append(path) }
                }
                return listing
            }
        }.get()
    }

    private static let listings = Memo<String, Result<Listing, any Error>>()

    /// A path with symbolic links resolved (itself when that fails).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Absolute paths of the files added, copied, modified, renamed or changed in type since the
    /// merge base of `ref` and HEAD (committed, staged or not), plus untracked files not ignored:
    /// what a pull request against `ref` changes.
    public func changedFiles(since ref: String) throws -> Set<String> {
        let base: String
        do {
            base = String(decoding: try Git.run(["merge-base", ref, "HEAD"], in: root), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let error as GitError {
            throw GitError(message: "--changed-since \(ref): not a commit git knows here (\(error.message))")
        }
        let changed = try Git.run(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", base, "--"], in: root)
        return Set((Git.split(changed) + (try listing().untracked)).map { root + "/" + $0 })
    }
}

/// A git command that failed, with what it printed.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Runs git and returns its standard output.
enum Git {
    static func run(_ arguments: [String], in folder: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        // Read both pipes to the end before waiting, so a full pipe cannot stall git.
        let errorData = ErrorCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(message: message.isEmpty ? "git \(arguments.first ?? "") failed" : message)
        }
        return [UInt8](data)
    }

    /// NUL-separated paths.
    static func split(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a pipe on another thread.
    final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)
        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }
        func wait() -> Data { done.wait(); return data }
    }
}

/// Values computed once per key, from any thread (a second caller waits for the first).
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        let made = make()
        values[key] = made
        return made
    }
}

/// Work started on another thread now, whose result (or error) is waited for later.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the work to end (once); its result, or its error thrown.
    public func value() throws -> Value {
        if result == nil { done.wait() }
        return try result!.get()
    }
}
