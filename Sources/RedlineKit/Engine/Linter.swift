import Foundation
import RedlineCore
import RedlineRuleFiles
import RedlineRules
import RedlineSpelling

/// Settings for one run, from the command line (and, later, configuration files).
public struct LintOptions: Sendable {
    /// Dictionary names or paths; the first is the main language.
    public var languages: [String] = ["en_US", "en_GB"]
    /// Extra word lists, one word per line.
    public var wordFiles: [String] = []
    /// Article date when a document states none, `YYYY-MM-DD`.
    public var defaultDate: String?
    /// Threads to use; nil means one per core.
    public var jobs: Int?
    /// Free-form settings for rules.
    public var values: [String: String] = [:]
    /// Rules or categories switched on or off, or given another severity, by id or category name
    /// (`spelling.misspelled`, `spelling`); an id wins over its category.
    public var ruleSettings: [String: RuleSetting] = [:]
    /// Extra folders of rule files.
    public var rulePaths: [String] = []
    /// Regular expressions: findings inside a match are not reported (configuration `ignore`).
    public var ignorePatterns: [String] = []
    /// Seconds one file may take before it is abandoned and reported as `engine.timeout`
    /// (`--file-timeout`); nil or 0: no limit.
    public var fileTimeout: Double? = LintOptions.defaultFileTimeout
    /// 10 s; 120 s in a debug build, which runs ten to fifty times slower (the limit is there
    /// to stop runaway files, not slow builds).
    public static var defaultFileTimeout: Double {
        #if DEBUG
        120
        #else
        10
        #endif
    }

    public init() {}
}

/// What configuration says of a rule: off, on with its own severity, or on with another.
public enum RuleSetting: Sendable, Hashable {
    case off
    case on
    case severity(Severity)
}

/// The result of checking one file.
public struct FileResult: Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]
    /// Where the file was read from (nil for standard input).
    public var fileSystemPath: String?
    /// FNV-1a hash of the bytes that were checked, so a fix can tell if the file changed since.
    public var contentHash: UInt64
    /// False when the file was not valid UTF-8: it is never rewritten.
    public var isRewritable: Bool
    /// The bytes read from standard input (nil for files, which are read again when fixing).
    public var stdinBytes: [UInt8]?

    public init(path: String, diagnostics: [Diagnostic], fileSystemPath: String? = nil, contentHash: UInt64 = 0,
                isRewritable: Bool = true, stdinBytes: [UInt8]? = nil) {
        self.path = path
        self.diagnostics = diagnostics
        self.fileSystemPath = fileSystemPath
        self.contentHash = contentHash
        self.isRewritable = isRewritable
        self.stdinBytes = stdinBytes
    }
}

/// FNV-1a, 64 bits: a fast content fingerprint.
public func contentHash(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
    return h
}

/// The result of a run: every file's findings in order, and what could not be read.
public struct RunResult: Sendable {
    public var files: [FileResult]
    public var errors: [InputError]
    /// Inputs passed over on purpose (binary files), with the reason.
    public var skipped: [InputError]

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}

/// The engine: builds the rules once, then checks documents (in parallel) and judges across them.
public final class Linter: @unchecked Sendable {
    public let dataDirectory: String
    /// Every rule this linter could run (built-ins, plug-ins, rule files).
    public let registry: RuleRegistry
    public let options: LintOptions
    public let documentRules: [any DocumentChecking]
    /// The spell checker and suggester the rules use (for `redline suggest`).
    public let speller: SpellChecker
    public let suggester: Suggester
    private let runRules: [any RunRuleBox]
    /// Severities configured instead of the rules' defaults.
    private let severityOverrides: [String: Severity]
    private let ignoreExpressions: [NSRegularExpression]

    /// Loads dictionaries and word lists and builds every enabled rule of `registry`.
    public init(registry: RuleRegistry = BuiltinRules.registry, options: LintOptions, dataDirectory: String) throws {
        self.dataDirectory = dataDirectory
        self.options = options
        let registry = try Self.registry(base: registry, dataDirectory: dataDirectory, rulePaths: options.rulePaths)
        self.registry = registry
        let dictionaries = try options.languages.map { try DictionaryLocator.locate($0, dataDirectory: dataDirectory) }
        var lists: [SpellingResources.WordListFile] = []
        for file in Self.bundledWordLists(dataDirectory) + options.wordFiles {
            lists.append(.init(path: file, words: try WordList.load(file)))
        }
        let resources = SpellingResources(dictionaries: dictionaries, wordLists: lists)
        let speller = SpellChecker(dictionaries: dictionaries, extraWords: resources.extraWords)
        // The rule folders, for rules that read data tables from them (the names tables).
        var environmentOptions = options.values
        if !options.rulePaths.isEmpty { environmentOptions["rules.paths"] = options.rulePaths.joined(separator: "\n") }
        let environment = RuleEnvironment(dataDirectory: dataDirectory, options: environmentOptions)
        environment.provide(speller)
        environment.provide(resources)
        let suggester = Suggester(speller: speller)
        environment.provide(suggester)
        self.speller = speller
        self.suggester = suggester

        var documentRules: [any DocumentChecking] = []
        var runRules: [any RunRuleBox] = []
        var severities: [String: Severity] = [:]
        for definition in registry.definitions {
            let info = definition.info
            let setting = options.ruleSettings[info.id] ?? options.ruleSettings[info.category.rawValue]
            switch setting {
            case .off?: continue
            case .severity(let s)?: severities[info.id] = s
            case .on?: break
            case nil: if !info.enabledByDefault { continue }
            }
            let rule = try definition.make(environment)
            if let r = rule as? any DocumentChecking { documentRules.append(r) }
            if let r = rule as? any RunJudging { runRules.append(Self.box(r)) }
        }
        self.documentRules = documentRules
        self.runRules = runRules
        self.severityOverrides = severities
        ignoreExpressions = try options.ignorePatterns.map { pattern in
            do { return try NSRegularExpression(pattern: pattern) } catch {
                throw RuleError("ignore: '\(pattern)' is not a valid regular expression")
            }
        }
    }

    /// Every rule a run can use: `base` (built-ins and plug-ins) plus the rule files
    /// (`*.yml`, `*.yaml`) under `<dataDirectory>/Rules` and then under each of `rulePaths`
    /// (folders, or single rule files); a rule file with the id of an earlier rule replaces it.
    /// A rule file that cannot be used throws a `RuleFileError` (`path:line:column: …`).
    public static func registry(base: RuleRegistry, dataDirectory: String, rulePaths: [String]) throws -> RuleRegistry {
        var registry = base
        let bundled = dataDirectory + "/Rules"
        let folders = (FileManager.default.fileExists(atPath: bundled) ? [bundled] : []) + rulePaths
        for folder in folders {
            for definition in try RuleFileLoader.load(folder: folder) { registry.register(definition) }
        }
        return registry
    }

    private static func box<R: RunJudging>(_ rule: R) -> any RunRuleBox { ConcreteRunRuleBox(rule: rule) }

    /// The word lists shipped in `Dictionaries/`: every `*.txt` there and in its sub-folders
    /// (the house lists in `Dictionaries/house/`), except licence texts.
    static func bundledWordLists(_ dataDirectory: String) -> [String] {
        let dir = dataDirectory + "/Dictionaries"
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var lists: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix("licenses") || relative.hasPrefix("frequency") { continue }
            if relative.hasSuffix(".txt") { lists.append(dir + "/" + relative) }
        }
        return lists.sorted()
    }

    private var checkOptions: CheckOptions { CheckOptions(defaultDate: options.defaultDate, values: options.values) }

    /// Checks one document with every per-document rule; returns its findings (suppressions applied).
    public func check(_ document: Document) -> [Finding] {
        let opts = checkOptions
        var findings: [Finding] = []
        for rule in documentRules { findings += rule.check(document, options: opts) }
        findings = FixConflicts.resolve(Self.droppingDuplicateFixes(findings), in: document.source)
        if !severityOverrides.isEmpty {
            for i in findings.indices { if let s = severityOverrides[findings[i].ruleID] { findings[i].severity = s } }
        }
        return applyIgnorePatterns(applySuppression(findings, document), document)
    }

    /// Two rules proposing the same change at the same place (a house rule file and the names
    /// table both turning "Kiev" into "Kyiv") are one finding: the rule whose id sorts first keeps it.
    static func droppingDuplicateFixes(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        var seen: [Fix: String] = [:]
        for f in findings { if let fix = f.fix { seen[fix] = min(seen[fix] ?? f.ruleID, f.ruleID) } }
        return findings.filter { f in f.fix.map { seen[$0] == f.ruleID } ?? true }
    }

    /// Drops findings that fall inside a match of a configured `ignore` pattern.
    private func applyIgnorePatterns(_ findings: [Finding], _ document: Document) -> [Finding] {
        guard !ignoreExpressions.isEmpty, !findings.isEmpty else { return findings }
        let text = String(decoding: document.source.bytes, as: UTF8.self)
        guard text.utf8.count == document.source.bytes.count else { return findings }
        var ignored: [Span] = []
        for regex in ignoreExpressions {
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                ignored.append(Span(text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                                    text.utf8.distance(from: text.startIndex, to: range.upperBound)))
            }
        }
        return findings.filter { f in !ignored.contains { $0.contains(f.span) } }
    }

    private func applySuppression(_ findings: [Finding], _ document: Document) -> [Finding] {
        guard !document.directives.isEmpty else { return findings }
        let suppression = Suppression(document)
        return findings.filter {
            !suppression.suppresses(ruleID: $0.ruleID, category: $0.category,
                                    line: document.source.lineIndex(of: $0.span.start))
        }
    }

    /// Checks the inputs, `jobs` at a time, then runs the cross-document rules.
    public func run(_ inputs: [InputFile], stdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> RunResult {
        let stdinBytes = inputs.contains { $0.fileSystemPath == nil } ? stdin() : []
        let count = inputs.count
        let jobs = max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let opts = checkOptions
        let timeout = options.fileTimeout, timeoutSeverity = severityOverrides[EngineTimeout.ruleID]
        let outcomes = DeadlineScheduler.run(count: count, jobs: jobs, timeout: timeout, work: { i in
            self.process(inputs[i], stdinBytes: stdinBytes, options: opts)
        }, onTimeout: { i in .checked(EngineTimeout.result(for: inputs[i], seconds: timeout ?? 0, severity: timeoutSeverity), []) })
        var files: [FileResult] = []
        var errors: [InputError] = []
        var skipped: [InputError] = []
        var facts: [[(path: String, facts: Any)]] = Array(repeating: [], count: runRules.count)
        for i in 0..<count {
            switch outcomes[i] {
            case .checked(let result, let ruleFacts):
                files.append(result)
                for (k, f) in ruleFacts.enumerated() { facts[k].append((result.path, f)) }
            case .failed(let e): errors.append(e)
            case .skipped(let e): skipped.append(e)
            case nil: break
            }
        }
        // Cross-document rules judge after every document is read.
        var extra: [String: [Diagnostic]] = [:]
        for (k, box) in runRules.enumerated() {
            for var d in box.judge(facts[k], options: opts) {
                if let s = severityOverrides[d.ruleID] { d.severity = s }
                extra[d.path, default: []].append(d)
            }
        }
        if !extra.isEmpty {
            for i in files.indices {
                if let more = extra[files[i].path] {
                    files[i].diagnostics = (files[i].diagnostics + more).sorted(by: Diagnostic.reportOrder)
                }
            }
        }
        return RunResult(files: files, errors: errors, skipped: skipped)
    }

    private enum Outcome {
        case checked(FileResult, [Any])
        case failed(InputError)
        case skipped(InputError)
    }

    private func process(_ input: InputFile, stdinBytes: [UInt8], options: CheckOptions) -> Outcome {
        let bytes: [UInt8]
        if let path = input.fileSystemPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failed(InputError(path: input.displayPath, message: "cannot read file"))
            }
            bytes = [UInt8](data)
        } else {
            bytes = stdinBytes
        }
        if BinaryDetector.looksBinary(bytes) {
            return .skipped(InputError(path: input.displayPath, message: "binary file (NUL bytes); skipped"))
        }
        let source = SourceFile(path: input.displayPath, data: bytes)
        let format = DocumentBuilder.format(forPath: input.fileSystemPath ?? input.displayPath)
        let document = DocumentBuilder.build(source, format: format)
        let diagnostics = check(document).map { Diagnostic(finding: $0, in: source) }.sorted(by: Diagnostic.reportOrder)
        let ruleFacts = runRules.map { $0.collect(document, options: options) }
        let result = FileResult(path: input.displayPath, diagnostics: diagnostics, fileSystemPath: input.fileSystemPath,
                                contentHash: contentHash(bytes), isRewritable: source.isRewritable,
                                stdinBytes: input.fileSystemPath == nil ? bytes : nil)
        return .checked(result, ruleFacts)
    }

    /// Checks text given in memory (tests, editors, stdin).
    public func check(text: String, path: String, format: DocumentFormat? = nil) -> [Diagnostic] {
        let source = SourceFile(path: path, text: text)
        let document = DocumentBuilder.build(source, format: format ?? DocumentBuilder.format(forPath: path))
        return check(document).map { Diagnostic(finding: $0, in: source) }.sorted(by: Diagnostic.reportOrder)
    }
}

/// Files with NUL bytes near the start are binary and are not checked.
enum BinaryDetector {
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.prefix(8192).contains(0)
    }
}

/// A cross-document rule with its facts type erased, so the engine can hold several.
protocol RunRuleBox: Sendable {
    func collect(_ document: Document, options: CheckOptions) -> Any
    func judge(_ facts: [(path: String, facts: Any)], options: CheckOptions) -> [Diagnostic]
}

private struct ConcreteRunRuleBox<R: RunJudging>: RunRuleBox {
    let rule: R
    func collect(_ document: Document, options: CheckOptions) -> Any { rule.collect(document, options: options) }
    func judge(_ facts: [(path: String, facts: Any)], options: CheckOptions) -> [Diagnostic] {
        rule.judge(facts.compactMap { item in (item.facts as? R.Facts).map { (item.path, $0) } }, options: options)
    }
}
