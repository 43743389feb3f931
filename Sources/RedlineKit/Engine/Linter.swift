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
    /// Whether spelling suggestions for far misspellings also ask Hunspell (some 50 ms a word
    /// per dictionary, more than the rest of checking an article): `redline suggest` does, a
    /// check does not.
    public var hunspellSuggestions = false
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
    var hasher = FNV64()
    hasher.add(bytes: bytes)
    return hasher.value
}

/// The result of a run: every file's findings in order, and what could not be read.
public struct RunResult: Sendable {
    public var files: [FileResult]
    public var errors: [InputError]
    /// Inputs passed over on purpose (binary files), with the reason.
    public var skipped: [InputError]
    /// The checked files' facts for cross-file rules, when the run was asked for them.
    public var facts: [FileFacts] = []

    public init(files: [FileResult], errors: [InputError], skipped: [InputError]) {
        self.files = files
        self.errors = errors
        self.skipped = skipped
    }

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
    private let runRules: [(id: String, box: any RunRuleBox)]
    /// Severities configured instead of the rules' defaults.
    private let severityOverrides: [String: Severity]
    private let ignoreExpressions: [NSRegularExpression]

    /// Loads dictionaries and word lists and builds every enabled rule of `registry` and of the
    /// rule files (read here unless `includesRuleFiles` says `registry` has them already).
    public init(registry: RuleRegistry = BuiltinRules.registry, options: LintOptions, dataDirectory: String,
                includesRuleFiles: Bool = false) throws {
        self.dataDirectory = dataDirectory
        self.options = options
        // Opening the dictionaries is the longest step of start-up: it starts first, on
        // another thread, and goes on while the rules are read and made.
        let dictionaries = try options.languages.map { try DictionaryLocator.locate($0, dataDirectory: dataDirectory) }
        let handles = HunspellPool(dictionaries: dictionaries)
        let registry = includesRuleFiles
            ? registry : try Self.registry(base: registry, dataDirectory: dataDirectory, rulePaths: options.rulePaths)
        self.registry = registry
        PhaseTrace.mark("linter: registry")
        var lists: [SpellingResources.WordListFile] = []
        for file in Self.bundledWordLists(dataDirectory) + options.wordFiles {
            lists.append(.init(path: file, words: try WordList.load(file)))
        }
        PhaseTrace.mark("linter: word lists")
        let resources = SpellingResources(dictionaries: dictionaries, wordLists: lists)
        let speller = SpellChecker(dictionaries: dictionaries, extraWords: resources.extraWords, handles: handles)
        PhaseTrace.mark("linter: speller")
        // The rule folders, for rules that read data tables from them (the names tables).
        var environmentOptions = options.values
        if !options.rulePaths.isEmpty { environmentOptions["rules.paths"] = options.rulePaths.joined(separator: "\n") }
        let environment = RuleEnvironment(dataDirectory: dataDirectory, options: environmentOptions)
        environment.provide(speller)
        environment.provide(resources)
        let suggester = Suggester(speller: speller, hunspellFallback: options.hunspellSuggestions,
                                  indexCache: SuggestionIndexCache.standard(version: RedlineVersion.string))
        environment.provide(suggester)
        self.speller = speller
        self.suggester = suggester
        let enabled = registry.definitions.filter { Self.isEnabled($0.info, options) }
        // The suggestion index takes a second of CPU: built meanwhile on the other core.
        if enabled.contains(where: { $0.info.category == .spelling }) { suggester.prepareInBackground() }

        var documentRules: [any DocumentChecking] = []
        var runRules: [(id: String, box: any RunRuleBox)] = []
        var severities: [String: Severity] = [:]
        for definition in enabled {
            let info = definition.info
            if case .severity(let s)? = options.ruleSettings[info.id] ?? options.ruleSettings[info.category.rawValue] {
                severities[info.id] = s
            }
            let rule = try definition.make(environment)
            if let r = rule as? any DocumentChecking { documentRules.append(r) }
            if let r = rule as? any RunJudging { runRules.append((info.id, Self.box(r))) }
        }
        PhaseTrace.mark("linter: rules made")
        self.documentRules = documentRules
        self.runRules = runRules
        self.severityOverrides = severities
        ignoreExpressions = try options.ignorePatterns.map { pattern in
            do { return try NSRegularExpression(pattern: pattern) } catch {
                throw RuleError("ignore: '\(pattern)' is not a valid regular expression")
            }
        }
    }

    /// Whether configuration (by id, else by category) or the rule's default switches it on.
    static func isEnabled(_ info: RuleInfo, _ options: LintOptions) -> Bool {
        switch options.ruleSettings[info.id] ?? options.ruleSettings[info.category.rawValue] {
        case .off?: return false
        case .severity?, .on?: return true
        case nil: return info.enabledByDefault
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

    /// Checks the inputs, `jobs` at a time, then runs the cross-document rules (no cache; the
    /// command line goes through `CheckSession`, which adds one).
    public func run(_ inputs: [InputFile], stdin: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }) -> RunResult {
        let stdinBytes = inputs.contains { $0.fileSystemPath == nil } ? stdin() : []
        prepareHandles(files: inputs.count, jobs: options.jobs)
        let outcomes = ParallelWork.map(inputs, jobs: options.jobs, timeout: options.fileTimeout, work: { input -> FileOutcome in
            switch InputReader.read(input, stdinBytes: stdinBytes) {
            case .failure(let error): return error.outcome
            case .success(let bytes): return .checked(self.checkFile(input, bytes: bytes))
            }
        }, onTimeout: { input in .checked(self.timedOut(input)) })
        var result = RunResult(files: [], errors: [], skipped: [])
        var facts: [FileFacts] = []
        for outcome in outcomes {
            switch outcome {
            case .checked(let file):
                result.files.append(file.result)
                facts.append(file.facts)
            case .failed(let e): result.errors.append(e)
            case .skipped(let e): result.skipped.append(e)
            }
        }
        result.files = Self.merging(judge(facts), into: result.files)
        return result
    }

    /// Starts opening Hunspell handles (on background threads) for as many worker threads as
    /// will check `files` files at once (one set per two workers, `SpellChecker.prepareHandles`):
    /// a set takes tens of milliseconds to open, better spent before the workers ask than after.
    public func prepareHandles(files: Int, jobs: Int?) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        speller.prepareHandles(threads: max(1, min(jobs ?? cores, cores, files)))
    }

    /// Adds cross-file diagnostics to the files they belong to (files not listed are left out).
    public static func merging(_ extra: [String: [Diagnostic]], into files: [FileResult]) -> [FileResult] {
        guard !extra.isEmpty else { return files }
        return files.map { file in
            guard let more = extra[file.path], !more.isEmpty else { return file }
            var file = file
            file.diagnostics = (file.diagnostics + more).sorted(by: Diagnostic.reportOrder)
            return file
        }
    }

    /// What stands for a file abandoned at the per-file time limit (`--file-timeout`).
    public func timedOut(_ input: InputFile) -> CheckedFile {
        let result = EngineTimeout.result(for: input, seconds: options.fileTimeout ?? 0,
                                          severity: severityOverrides[EngineTimeout.ruleID])
        return CheckedFile(result: result, facts: FileFacts(path: input.displayPath))
    }

    /// The ids of the enabled cross-file rules, whose facts a run collects.
    public var runRuleIDs: [String] { runRules.map(\.id) }

    /// Checks one file's bytes with every per-document rule and collects each cross-file rule's facts.
    public func checkFile(_ input: InputFile, bytes: [UInt8]) -> CheckedFile {
        let document = Self.document(input, bytes: bytes)
        let source = document.source
        let diagnostics = check(document).map { Diagnostic(finding: $0, in: source) }.sorted(by: Diagnostic.reportOrder)
        let result = FileResult(path: input.displayPath, diagnostics: diagnostics, fileSystemPath: input.fileSystemPath,
                                contentHash: contentHash(bytes), isRewritable: source.isRewritable,
                                stdinBytes: input.fileSystemPath == nil ? bytes : nil)
        return CheckedFile(result: result, facts: facts(of: document))
    }

    /// Only the cross-file rules' facts of a file (for files a run reads but does not report).
    public func collectFacts(_ input: InputFile, bytes: [UInt8]) -> FileFacts {
        facts(of: Self.document(input, bytes: bytes))
    }

    private static func document(_ input: InputFile, bytes: [UInt8]) -> Document {
        let source = SourceFile(path: input.displayPath, data: bytes)
        return DocumentBuilder.build(source, format: DocumentBuilder.format(forPath: input.fileSystemPath ?? input.displayPath))
    }

    private func facts(of document: Document) -> FileFacts {
        let opts = checkOptions
        var facts = FileFacts(path: document.source.path)
        for rule in runRules { facts.byRule[rule.id] = rule.box.collect(document, options: opts) }
        return facts
    }

    /// The links of a file's facts, rule by rule (see `RunJudging.links`).
    public func links(of facts: FileFacts) -> FactLinks {
        FactLinks(rules: runRules.map { rule in
            facts.byRule[rule.id].flatMap { rule.box.links($0) }.map(FactLinks.Items.init)
        })
    }

    /// Each cross-file rule's stand-in facts for a file a partial judgement passes over; nil
    /// when a rule offers no links (so every file's facts are needed).
    public var unlinkedFacts: [(any Codable & Sendable)]? {
        var all: [(any Codable & Sendable)] = []
        for rule in runRules {
            guard let facts = rule.box.unlinkedFacts else { return nil }
            all.append(facts)
        }
        return all
    }

    /// Runs the cross-file rules over every file's facts; returns their diagnostics by path.
    public func judge(_ files: [FileFacts]) -> [String: [Diagnostic]] {
        judge { _, id in files.compactMap { file in file.byRule[id].map { (path: file.path, facts: $0) } } }
    }

    /// Runs each cross-file rule over the facts `factsOf(index, id)` gives it (in path order);
    /// the rules judge side by side when the run has more than one thread (each rule's verdict
    /// takes one core some milliseconds at the end of a run, when the other cores are idle).
    func judge(_ factsOf: (Int, String) -> [(path: String, facts: any Codable & Sendable)]) -> [String: [Diagnostic]] {
        let opts = checkOptions
        let inputs = runRules.enumerated().map { index, rule in factsOf(index, rule.id) }
        let threads = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let verdicts = ConcurrentMap.map(count: runRules.count, concurrently: threads > 1) { index in
            runRules[index].box.judge(inputs[index], options: opts)
        }
        var extra: [String: [Diagnostic]] = [:]
        for verdict in verdicts {
            for var d in verdict {
                if let s = severityOverrides[d.ruleID] { d.severity = s }
                extra[d.path, default: []].append(d)
            }
        }
        return extra
    }

    /// How to decode each cross-file rule's facts (for the cache and facts files).
    public var factsTypes: FactsTypes {
        FactsTypes(Dictionary(uniqueKeysWithValues: runRules.map { ($0.id, $0.box.decodeFacts) }))
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

