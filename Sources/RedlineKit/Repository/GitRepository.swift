import Foundation

/// A git work tree, asked through the `git` command: which files it holds (tracked, and
/// untracked but not ignored) and which changed since a commit.
public struct GitRepository: Sendable {
    /// The work tree's top folder (absolute).
    public let root: String

    /// The work tree containing `folder`, or nil when it is not in one (or git is missing).
    /// Asked once per folder in a process.
    public static func containing(_ folder: String) -> GitRepository? {
        roots.value(for: RealPath.of(folder)) {
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
        let base = RealPath.of(folder)
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
    /// Runs `git -C folder -c core.quotepath=off ARGUMENTS` (found on PATH) with posix_spawn:
    /// Foundation's `Process.waitUntilExit` polls every 50 ms, which was most of a warm run.
    static func run(_ arguments: [String], in folder: String) throws -> [UInt8] {
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw GitError(message: "cannot run git: no pipe") }
        guard pipe(&errors) == 0 else {
            close(output[0]); close(output[1])
            throw GitError(message: "cannot run git: no pipe")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for fd in output + errors { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ["git", "-C", folder, "-c", "core.quotepath=off"] + arguments
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "git", &actions, nil, cArguments, environ)
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(output[0]); close(errors[0])
            throw GitError(message: "cannot run git: \(String(cString: strerror(spawned)))")
        }
        // Both pipes are read to the end before waiting, so a full pipe cannot stall git.
        let errorEnd = errors[0]
        let errorText = Background { readAll(errorEnd) }
        let data = readAll(output[0])
        let message = (try? errorText.value()) ?? []
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, which Swift does not import).
        guard status & 0x7f == 0 && (status >> 8) & 0xff == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(message: text.isEmpty ? "git \(arguments.first ?? "") failed" : text)
        }
        return data
    }

    /// Everything readable from a descriptor, which it then closes.
    private static func readAll(_ fd: Int32) -> [UInt8] {
        defer { close(fd) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                data += buffer[0..<n]
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }

    /// NUL-separated paths.
    static func split(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
