import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit

/// `redline fix PATH...`: applies the safe fixes in place (`--dry-run`: prints the diff).
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the safe fixes in place (standard input: the fixed text goes to standard output).",
        discussion: "Only unambiguous fixes are applied; files are written atomically and only if unchanged since they were checked.")

    @Argument(help: ArgumentHelp("Files or folders; - for standard input (default with --changed-since: the current folder).", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && !repository.selectsFiles { throw ValidationError("give at least one file or folder (or - for standard input)") }
    }

    @OptionGroup var checking: CheckingOptions

    @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

    @Flag(name: .long, help: "Print the diff of the fixes instead of writing them.")
    var dryRun = false

    @Option(name: .customLong("stdin-filename"), help: "Name to report for standard input (its extension picks the format).")
    var stdinFilename: String?

    func run() throws {
        let (result, session) = try CheckRunner.run(paths: paths, checking: checking, repository: repository, stdinFilename: stdinFilename)
        if dryRun {
            Console.out(DiffOutput.render(result, color: false))
            return
        }
        var written = 0, fixes = 0, refused = 0
        for file in result.files {
            if file.fileSystemPath == nil, let stdin = file.stdinBytes {
                let out = file.isRewritable ? FixApplier.apply(FixApplier.select(file.diagnostics), to: stdin) : stdin
                FileHandle.standardOutput.write(Data(out))
                continue
            }
            switch FixWriter.fix(file) {
            case .written(let n): written += 1; fixes += n
            case .unchanged: break
            case .refused(let why):
                if !FixApplier.select(file.diagnostics).isEmpty {
                    refused += 1
                    Console.error("redline: \(file.path): \(why)")
                }
            }
        }
        Console.error("redline: applied \(fixes) fix\(fixes == 1 ? "" : "es") in \(written) file\(written == 1 ? "" : "s")")
        _ = session
        if refused > 0 || !result.errors.isEmpty { throw ExitCode(2) }
    }
}

/// `redline diff PATH...`: the unified diff of the safe fixes, annotated (same as `check --format diff`).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the unified diff the safe fixes would make, each hunk labelled with why; other findings as # lines.",
        discussion: "The output applies with `git apply` or `patch -p1` and gives the same bytes as `redline fix`.")

    @Argument(help: ArgumentHelp("Files or folders; - for standard input (default with --changed-since: the current folder).", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && !repository.selectsFiles { throw ValidationError("give at least one file or folder (or - for standard input)") }
    }

    @OptionGroup var checking: CheckingOptions

    @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
    var failOn: FailLevel?

    @Option(name: .customLong("stdin-filename"), help: "Name to report for standard input.")
    var stdinFilename: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output (also: NO_COLOR, or when piped).")
    var noColor = false

    func run() throws {
        let (result, session) = try CheckRunner.run(paths: paths, checking: checking, repository: repository, stdinFilename: stdinFilename)
        let color = !noColor && Console.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        Console.out(DiffOutput.render(result, color: color))
        CheckRunner.exit(for: result, failOn: failOn, session: session)
    }
}

/// The diff of a whole run: one section per file with findings.
enum DiffOutput {
    static func render(_ result: RunResult, color: Bool) -> String {
        var out = ""
        for file in result.files where !file.diagnostics.isEmpty {
            switch FixWriter.currentBytes(of: file) {
            case .success(let bytes):
                let diagnostics = file.isRewritable ? file.diagnostics : file.diagnostics.map { d in var d = d; d.fix = nil; return d }
                out += UnifiedDiff.render(path: file.path, bytes: bytes, diagnostics: diagnostics, color: color)
            case .failure(let e):
                out += "# \(file.path): \(e.message)\n"
            }
        }
        return out
    }
}
