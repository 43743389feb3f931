import Foundation

/// A git work tree, asked through the `git` command: which files it holds (tracked, and
/// untracked but not ignored) and which changed since a commit.
public struct GitRepository: Sendable {
    /// The work tree's top folder (absolute).
    public let root: String

    /// The work tree containing `folder`, or nil when it is not in one (or git is missing).
    public static func containing(_ folder: String) -> GitRepository? {
        guard let out = try? Git.run(["rev-parse", "--show-toplevel"], in: folder) else { return nil }
        let root = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return root.isEmpty ? nil : GitRepository(root: root)
    }

    /// The files below `folder` that git tracks or would track (`.gitignore` respected), as paths
    /// relative to `folder`, sorted. Tracked files deleted from the work tree are left out.
    public func files(below folder: String) throws -> [String] {
        let out = try Git.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], in: folder)
        var seen = Set<String>()
        return Git.split(out).filter { seen.insert($0).inserted }.sorted()
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
        let untracked = try Git.run(["ls-files", "-z", "--others", "--exclude-standard"], in: root)
        return Set((Git.split(changed) + Git.split(untracked)).map { root + "/" + $0 })
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
