import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit

/// Options that choose which files a run checks and what it reuses: repository mode, changed
/// files, shards, the cache, facts from other shards, the baseline and the progress bar.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .customLong("changed-since"), help: ArgumentHelp(
        "Check only files changed since the merge base of REF and HEAD (e.g. origin/main), plus untracked ones; cross-file rules still judge them against the whole repository.",
        valueName: "ref"))
    var changedSince: String?

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Check the files listed in FILE (one per line, or NUL-separated; - for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: .long, help: ArgumentHelp("Check only share I of N of the files (CI matrices), e.g. 2/4.", valueName: "I/N"))
    var shard: String?

    @Flag(name: .long, help: "Keep per-file results in .redline-cache/ at the repository's top (or --cache-dir) and reuse them.")
    var cache = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Cache folder (implies --cache).", valueName: "dir"))
    var cacheDir: String?

    @Option(name: .long, help: ArgumentHelp("Facts file from `redline facts` (other shards) for the cross-file rules (repeatable).", valueName: "file"))
    var facts: [String] = []

    @Flag(name: .customLong("no-git"), help: "Walk folders instead of asking git for their files.")
    var noGit = false

    @Option(name: .long, help: ArgumentHelp("Baseline file (default: .redline-baseline.json in the current folder or the repository's top, when present).", valueName: "file"))
    var baseline: String?

    @Flag(name: .customLong("no-baseline"), help: "Report every finding, even those the baseline records.")
    var noBaseline = false

    @Flag(name: .customLong("no-progress"), help: "No progress bar (it shows only on a terminal, for runs over a second).")
    var noProgress = false

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, got '\(shard)'") }
    }

    /// Whether paths may be left out (the current folder is then checked).
    var selectsFiles: Bool { changedSince != nil || filesFrom != nil }

    /// The top of the git work tree of the current folder, if any.
    static var repositoryRoot: String? { GitRepository.containing(FileManager.default.currentDirectoryPath)?.root }

    /// The cache folder to use, if any.
    var cacheDirectory: String? {
        if let cacheDir { return cacheDir }
        guard cache else { return nil }
        return (Self.repositoryRoot ?? FileManager.default.currentDirectoryPath) + "/.redline-cache"
    }

    /// The baseline in force, if any (named, or found at the usual place).
    func loadBaseline() throws -> Baseline? {
        if noBaseline { return nil }
        if let baseline {
            do { return try Baseline.read(baseline) } catch { throw CommandError("\(error)") }
        }
        for folder in [FileManager.default.currentDirectoryPath, Self.repositoryRoot].compactMap({ $0 }) {
            let path = folder + "/" + Baseline.defaultName
            if FileManager.default.fileExists(atPath: path) {
                do { return try Baseline.read(path) } catch { throw CommandError("\(error)") }
            }
        }
        return nil
    }

    /// The request for the paths: the files to check and report, those that only lend facts,
    /// and what to reuse. Errors reading inputs are returned, not thrown.
    func request(paths: [String], stdinFilename: String?) throws -> (RunRequest, [InputError]) {
        // What changed is asked of git while the files are listed.
        let folder = FileManager.default.currentDirectoryPath
        let changedListing = changedSince.map { ref in
            Background { () throws -> Set<String> in
                guard let repository = GitRepository.containing(folder) else {
                    throw CommandError("--changed-since needs a git work tree; \(folder) is not in one")
                }
                do { return try repository.changedFiles(since: ref) } catch { throw CommandError("\(error)") }
            }
        }
        var collector = FileCollector()
        collector.useGit = !noGit
        var paths = paths
        if paths.isEmpty && selectsFiles && filesFrom == nil { paths = ["."] }
        var (inputs, errors) = paths.isEmpty ? ([], []) : collector.collect(paths)
        PhaseTrace.mark("collected")
        if let name = stdinFilename {
            inputs = inputs.map { $0.fileSystemPath == nil ? InputFile(displayPath: name, fileSystemPath: nil) : $0 }
        }
        if let filesFrom {
            let bytes: [UInt8]
            if filesFrom == "-" {
                bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else if let data = FileManager.default.contents(atPath: filesFrom) {
                bytes = [UInt8](data)
            } else {
                throw CommandError("--files-from \(filesFrom): cannot read file")
            }
            var seen = Set(inputs.map(\.displayPath))
            inputs += collector.collect(listing: bytes).filter { seen.insert($0.displayPath).inserted }
        }
        var context: [InputFile] = []
        if let changedListing {
            let changed = try changedListing.value()
            PhaseTrace.mark("changed listed")
            // Compare absolute paths made from the real current folder (one system call, not one per file).
            let here = RealPath.of(FileManager.default.currentDirectoryPath)
            let changedPaths = Set(changed.map { RealPath.normalized($0, in: here) })
            // Only a path whose file name a changed file has can be one of them.
            let changedNames = Set(changedPaths.map(RealPath.fileName))
            var reported: [InputFile] = []
            for input in inputs {
                if let path = input.fileSystemPath,
                   !changedNames.contains(RealPath.fileName(path)) || !changedPaths.contains(RealPath.normalized(path, in: here)) {
                    context.append(input)
                } else {
                    reported.append(input)
                }
            }
            inputs = reported
        }
        if let shard = shard.flatMap(Shard.init) {
            inputs = inputs.filter { $0.fileSystemPath == nil || shard.contains($0.displayPath) }
            context = []
        }
        return (RunRequest(inputs: inputs, context: context, cacheDirectory: cacheDirectory, factsFiles: facts), errors)
    }
}
