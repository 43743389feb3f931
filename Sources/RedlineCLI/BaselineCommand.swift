import ArgumentParser
import Foundation
import RedlineKit

/// `redline baseline write|check`: record today's findings so `check` reports only new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings so that `check` reports only new ones; list stale entries.",
        subcommands: [Write.self, Check.self])

    /// Options both subcommands share: what to check, and where the baseline file is.
    struct Common: ParsableArguments {
        @Argument(help: ArgumentHelp("Files or folders (default: the current folder).", valueName: "path"))
        var paths: [String] = []

        @OptionGroup var checking: CheckingOptions

        @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

        /// The baseline file: --baseline, else .redline-baseline.json at the repository's top (or here).
        var file: String {
            repository.baseline ?? ((RepositoryOptions.repositoryRoot ?? FileManager.default.currentDirectoryPath) + "/" + Baseline.defaultName)
        }

        func run() throws -> RunResult {
            try CheckRunner.run(paths: paths.isEmpty ? ["."] : paths, checking: checking, repository: repository,
                                stdinFilename: nil).0
        }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every current finding to the baseline file (default .redline-baseline.json).")

        @OptionGroup var common: Common

        func run() throws {
            let result = try common.run()
            let baseline = Baseline.recording(result.files, at: common.file)
            do {
                try FileWrite.atomically(try baseline.encoded(), to: common.file)
            } catch {
                throw CommandError("\(common.file): cannot write baseline: \(error)")
            }
            let total = baseline.entries.reduce(0) { $0 + $1.count }
            Console.error("redline: wrote \(total) finding\(total == 1 ? "" : "s") (\(baseline.entries.count) entries) to \(common.file)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List baseline entries no current finding matches (fixed or gone); exit 1 when there are any.")

        @OptionGroup var common: Common

        func run() throws {
            guard FileManager.default.fileExists(atPath: common.file) else {
                throw CommandError("\(common.file): no baseline file (write one with `redline baseline write`)")
            }
            let baseline: Baseline
            do { baseline = try Baseline.read(common.file) } catch { throw CommandError("\(error)") }
            let stale = baseline.staleEntries(after: try common.run().files)
            for (entry, unused) in stale {
                Console.out("\(entry.path): \(entry.rule) \u{201C}\(entry.match)\u{201D}"
                            + (unused == entry.count ? "" : " (\(unused) of \(entry.count))") + ": no longer found\n")
            }
            if stale.isEmpty {
                Console.out("The baseline is up to date (\(baseline.entries.count) entries).\n")
            } else {
                Console.out("\(stale.count) stale entr\(stale.count == 1 ? "y" : "ies"); refresh with `redline baseline write`.\n")
                throw ExitCode(1)
            }
        }
    }
}

/// `redline facts PATH...`: the facts cross-file rules need, as JSON, for CI shards to exchange.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Write the per-file facts the cross-file rules need (names, boilerplate) as JSON.",
        discussion: """
            Spread a large repository over a CI matrix: each job writes the facts of its share,
              redline facts --shard 2/4 -o facts-2.json content/
            then each job checks its share against all the facts:
              redline check --shard 2/4 --facts facts-1.json … --facts facts-4.json content/
            """)

    @Argument(help: ArgumentHelp("Files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var checking: CheckingOptions

    @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let (result, _) = try CheckRunner.run(paths: paths.isEmpty ? ["."] : paths, checking: checking, repository: repository,
                                              stdinFilename: nil, wantsFacts: true)
        let data: Data
        do { data = try FactsFile.encode(result.facts) } catch { throw CommandError("cannot encode facts: \(error)") }
        if let output {
            do { try FileWrite.atomically(data + Data("\n".utf8), to: output) } catch {
                throw CommandError("\(output): cannot write facts: \(error)")
            }
        } else {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if !result.errors.isEmpty { throw ExitCode(2) }
    }
}

/// Writes a whole file through a temporary file and a rename.
enum FileWrite {
    static func atomically(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
