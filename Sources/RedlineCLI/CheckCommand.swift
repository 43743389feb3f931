import ArgumentParser
import Foundation
import RedlineCore
import RedlineRules
import RedlineKit
import RedlineReporters

/// Output formats of `redline check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, sarif, github, rdjsonl, checkstyle, junit, diff

    /// The reporter for a machine format (text and diff are rendered by the command); `threads`
    /// may write a big report side by side.
    func reporter(rules: [RuleInfo], threads: Int = 1) -> any Reporter {
        switch self {
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter(rules: rules, version: RedlineVersion.string)
        case .github: GitHubReporter()
        case .rdjsonl: RDJSONLReporter()
        case .checkstyle: CheckstyleReporter(version: RedlineVersion.string)
        case .junit: JUnitReporter()
        default: JSONReporter(threads: threads)
        }
    }
}

/// Output formats of the listing commands (`rules`, `words unknown`, `suggest`).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Fail levels: the lowest severity that makes the exit code 1.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var threshold: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

/// Options shared by every command that checks text.
struct CheckingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Hunspell dictionary by name or path (repeat to accept several).", valueName: "lang"))
    var lang: [String] = []

    @Option(name: .long, help: ArgumentHelp("Extra word list, one word per line (repeatable).", valueName: "file"))
    var words: [String] = []

    @Option(name: .long, help: ArgumentHelp("Article date for rules when a file states none.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: "Threads to use (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("file-timeout"), help: ArgumentHelp(
        "Seconds one file may take; a file that takes longer is reported as engine.timeout (default 10; 0: no limit).",
        valueName: "seconds"))
    var fileTimeout: Double?

    func lintOptions() throws -> LintOptions {
        var options = LintOptions()
        if !lang.isEmpty { options.languages = lang }
        options.wordFiles = words
        if let date {
            guard DateArgument.isValid(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
            options.defaultDate = date
        }
        if let jobs {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            options.jobs = jobs
        }
        if let fileTimeout {
            guard fileTimeout >= 0, fileTimeout.isFinite else { throw ValidationError("--file-timeout must be 0 or more seconds") }
            options.fileTimeout = fileTimeout > 0 ? fileTimeout : nil
        }
        return options
    }

    static func dataDirectory() throws -> String {
        guard let data = DataDirectory.locate() else {
            throw CommandError("cannot find Redline's data folder (Dictionaries/ and Rules/); set REDLINE_DATA to it")
        }
        return data
    }

    /// A session over the command line's options and each file's configuration.
    func makeSession(adjust: (inout LintOptions) -> Void = { _ in }) throws -> CheckSession {
        var options = try lintOptions()
        adjust(&options)
        return CheckSession(registry: ActiveRegistry.shared.registry, dataDirectory: try Self.dataDirectory(),
                            commandLine: options, commandLineSetsLanguage: !lang.isEmpty)
    }

    /// A linter for the configuration of the current folder (commands that check no files).
    func makeLinter(adjust: (inout LintOptions) -> Void = { _ in }) throws -> Linter {
        let session = try makeSession(adjust: adjust)
        do {
            return try session.linter(for: try session.configuration(forFile: nil))
        } catch let error as ConfigError {
            throw CommandError(error.description)
        } catch {
            throw CommandError("\(error)")
        }
    }
}

enum DateArgument {
    static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return y > 0 && (1...12).contains(m) && (1...31).contains(d)
    }
}

/// `redline check PATH...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check files and folders (Markdown and plain text) and report problems.",
        discussion: "Folders are walked for .md, .markdown and .txt files. Use - to read standard input."
    )

    @Argument(help: ArgumentHelp("Files or folders to check; - for standard input (default with --changed-since: the current folder).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var checking: CheckingOptions

    @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

    @Option(name: .long, help: "Output format: text, json, jsonl, sarif, github, rdjsonl, checkstyle, junit or diff.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error, warning, info or never (default: the configuration's fail_on, else error).")
    var failOn: FailLevel?

    @Flag(name: .long, help: "Report errors only, and no summary.")
    var quiet = false

    @Option(name: .customLong("stdin-filename"), help: "Name to report for standard input (its extension picks the format).")
    var stdinFilename: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the text output (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        if paths.isEmpty && !repository.selectsFiles {
            throw ValidationError("give at least one file or folder to check (or - for standard input)")
        }
    }

    func run() throws {
        var (result, session) = try CheckRunner.run(paths: paths, checking: checking, repository: repository,
                                                    stdinFilename: stdinFilename)
        if let baseline = try repository.loadBaseline() { result.files = baseline.filter(result.files) }
        if quiet {
            result.files = result.files.map { f in var f = f; f.diagnostics = f.diagnostics.filter { $0.severity == .error }; return f }
        }
        let report = Report(files: result.files.map { Report.File(path: $0.path, diagnostics: $0.diagnostics) })
        let color = !noColor && Console.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        switch format {
        case .text:
            Console.out(TextReporter(color: color).render(report))
            if !quiet { Console.out(Summary.line(report)) }
        case .diff:
            Console.out(DiffOutput.render(result, color: color))
        default:
            let threads = checking.jobs ?? ProcessInfo.processInfo.activeProcessorCount
            Console.out(format.reporter(rules: session.ruleInfos, threads: threads).render(report))
        }
        PhaseTrace.mark("report written")
        CheckRunner.exit(for: result, failOn: failOn, session: session)
    }
}

/// What `check`, `diff` and `fix` share: collecting, checking, reporting errors, exit codes.
enum CheckRunner {
    static func run(paths: [String], checking: CheckingOptions, repository: RepositoryOptions,
                    stdinFilename: String?, wantsFacts: Bool = false) throws -> (RunResult, CheckSession) {
        PhaseTrace.mark("start")
        let session = try checking.makeSession()
        // The linter is built while the files are listed, when the run will most likely need
        // it: without a cache every file is checked; with one, the changed files of
        // --changed-since most likely are (a warm run of unchanged files needs no linter).
        if repository.cacheDirectory == nil {
            // Standard input ("-") is checked with the current folder's configuration.
            session.prepareLinterInBackground(near: paths.first.flatMap { $0 == "-" ? nil : $0 })
        } else if repository.changedSince != nil {
            session.prepareLinterInBackground(near: nil)
        }
        PhaseTrace.mark("session made")
        var (request, errors) = try repository.request(paths: paths, stdinFilename: stdinFilename)
        PhaseTrace.mark("files listed: \(request.inputs.count) reported, \(request.context.count) context")
        request.wantsFacts = wantsFacts
        let progress = ProgressBar(total: request.inputs.count + request.context.count, enabled: !repository.noProgress)
        request.progress = { progress.tick() }
        var result: RunResult
        do {
            defer { progress.finish() }
            result = try session.run(request)
        } catch let error as ConfigError {
            throw CommandError(error.description)
        } catch {
            throw CommandError("\(error)")
        }
        PhaseTrace.mark("run done")
        for w in session.warnings { Console.error("redline: \(w)") }
        errors += result.errors
        result.errors = errors
        for e in errors { Console.error("redline: \(e.path): \(e.message)") }
        for s in result.skipped { Console.error("redline: note: \(s.path): \(s.message)") }
        return (result, session)
    }

    /// 2 after I/O errors; 1 when a finding is at or above the fail level; else 0.
    /// Ends the process with the run's exit code: 2 when an input could not be read, 1 with a
    /// finding at or above the fail level, else 0. It exits here rather than returning, so the
    /// linter, the results and the report are not torn down first: freeing them took tens of
    /// milliseconds of one core (dictionaries, word sets, tables) for memory the process is
    /// about to give back.
    static func exit(for result: RunResult, failOn: FailLevel?, session: CheckSession) -> Never {
        if !result.errors.isEmpty { Foundation.exit(2) }
        let level = failOn ?? session.configuredFailLevel().flatMap(FailLevel.init(rawValue:)) ?? .error
        if let threshold = level.threshold,
           result.files.contains(where: { $0.diagnostics.contains { $0.severity >= threshold } }) {
            Foundation.exit(1)
        }
        Foundation.exit(0)
    }
}

enum Summary {
    static func line(_ report: Report) -> String {
        let n = report.files.count
        let files = "\(n) file\(n == 1 ? "" : "s")"
        let e = report.count(.error), w = report.count(.warning), i = report.count(.info)
        if e + w + i == 0 { return "No problems found in \(files).\n" }
        func plural(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        return "\(plural(e, "error")), \(plural(w, "warning")), \(plural(i, "info")) in \(files).\n"
    }
}

/// Buffered writes to stdout and stderr.
enum Console {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func error(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}
