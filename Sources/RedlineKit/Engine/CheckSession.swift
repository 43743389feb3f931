import Foundation
import RedlineCore
import RedlineRules

/// One `redline check` run over paths: finds each file's configuration, groups files that share
/// one, runs a `Linter` per group, and merges the results in path order.
public final class CheckSession: @unchecked Sendable {
    public let registry: RuleRegistry
    public let dataDirectory: String
    /// Options from the command line; they win over configuration files.
    public let commandLine: LintOptions
    /// Whether `--lang` was given (else configuration or the default decides).
    public let commandLineSetsLanguage: Bool
    private let resolver = ConfigResolver()
    private var linters: [Configuration: Linter] = [:]
    /// Held while a linter is built (apart from `lock`, so warnings can be added meanwhile).
    private let lintersLock = NSLock()
    /// The rules with the rule files of each list of rule folders, read once.
    private var registries: [[String]: RuleRegistry] = [:]
    private let registriesLock = NSLock()
    private let lock = NSLock()
    /// Warnings about configuration (unknown rule ids), each naming its file and line.
    public private(set) var warnings: [String] = []

    public init(registry: RuleRegistry = BuiltinRules.registry, dataDirectory: String, commandLine: LintOptions,
                commandLineSetsLanguage: Bool) {
        self.registry = registry
        self.dataDirectory = dataDirectory
        self.commandLine = commandLine
        self.commandLineSetsLanguage = commandLineSetsLanguage
    }

    /// The configuration in force for a file (or, for nil, the current folder).
    public func configuration(forFile path: String?) throws -> Configuration {
        try resolver.configuration(forFile: path)
    }

    /// Options for files under `config`: the command line over the configuration.
    public func options(for config: Configuration) -> LintOptions {
        var options = commandLine
        if !commandLineSetsLanguage, let lang = config.lang { options.languages = lang }
        options.languages += config.dictionaries
        let folder = config.sources.last.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        let repositoryList = RepositoryWords.locate(from: folder).map { [$0] } ?? []
        options.wordFiles = repositoryList + config.words + commandLine.wordFiles
        options.rulePaths = config.rulePaths + commandLine.rulePaths
        for (k, v) in config.rules where commandLine.ruleSettings[k] == nil { options.ruleSettings[k] = v }
        for (k, v) in config.house { options.values["house.\(k)"] = v }
        if let field = config.dateField { options.values["date_field"] = field }
        if !config.metadataAllow.isEmpty { options.values["metadata.allow"] = config.metadataAllow.joined(separator: "\n") }
        options.ignorePatterns = config.ignore + commandLine.ignorePatterns
        return options
    }

    /// The built-in and plug-in rules with the bundled rule files and those of `rulePaths`.
    private func registry(rulePaths: [String]) throws -> RuleRegistry {
        registriesLock.lock()
        defer { registriesLock.unlock() }
        if let known = registries[rulePaths] { return known }
        let full = try Linter.registry(base: registry, dataDirectory: dataDirectory, rulePaths: rulePaths)
        registries[rulePaths] = full
        return full
    }

    /// The linter for a configuration, built once.
    public func linter(for config: Configuration) throws -> Linter {
        lintersLock.lock()
        defer { lintersLock.unlock() }
        if let existing = linters[config] { return existing }
        let options = options(for: config)
        let linter = try Linter(registry: try registry(rulePaths: options.rulePaths), options: options,
                                dataDirectory: dataDirectory, includesRuleFiles: true)
        linters[config] = linter
        lock.lock()
        warnUnknownRules(config, ruleIDs: Set(linter.registry.infos.map(\.id)))
        lock.unlock()
        return linter
    }

    /// Starts building, on another thread, the linter for the files at `path` (a file, or the
    /// files directly in a folder; nil: the current folder), when a run will most likely need
    /// one, while it lists files. Errors surface when the linter is asked for; a configuration
    /// that no file turns out to use costs only the building.
    public func prepareLinterInBackground(near path: String? = nil) {
        var isFolder: ObjCBool = false
        let file = path.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue
            ? ($0 as NSString).appendingPathComponent("-") : $0 }
        DispatchQueue.global().async {
            guard let config = try? self.configuration(forFile: file) else { return }
            _ = try? self.linter(for: config)
        }
    }

    private func warnUnknownRules(_ config: Configuration, ruleIDs ids: Set<String>) {
        let categories = Set(RuleCategory.allCases.map(\.rawValue))
        for key in config.rules.keys.sorted() where !ids.contains(key) && !categories.contains(key)
            && !ids.contains(where: { $0.hasPrefix(key + ".") }) {
            let at = config.ruleKeyLocations[key].map { "\($0.path):\($0.location.line):\($0.location.column): " } ?? ""
            let warning = "\(at)warning: unknown rule or category '\(key)' in rules:"
            if !warnings.contains(warning) { warnings.append(warning) }
        }
    }

    /// Checks the inputs; configuration errors are thrown (the caller exits with 2).
    public func run(_ inputs: [InputFile]) throws -> RunResult {
        try run(RunRequest(inputs: inputs))
    }

    /// Checks a request's inputs (and reads its context files for the cross-file rules only),
    /// through the cache when it names one. Configuration errors are thrown.
    public func run(_ request: RunRequest) throws -> RunResult {
        // The files by configuration, in order of first appearance. A configuration is looked
        // up (and hashed: it holds every setting) once a folder, not once a file: a repository
        // run lists tens of thousands of files, a folder's one after another.
        var groups: [(config: Configuration, reported: [InputFile], context: [InputFile])] = []
        var groupOfConfig: [Configuration: Int] = [:]
        var groupOfFolder: [String: Int] = [:]
        var last: (folder: String, group: Int)? = nil
        for (input, reported) in request.inputs.map({ ($0, true) }) + request.context.map({ ($0, false) }) {
            let folder = input.fileSystemPath.map(Self.folder(of:)) ?? "\u{0}standard input"
            let group: Int
            if let last, last.folder == folder {
                group = last.group
            } else if let known = groupOfFolder[folder] {
                group = known
            } else {
                let config = try resolver.configuration(forFile: input.fileSystemPath)
                if let known = groupOfConfig[config] {
                    group = known
                } else {
                    group = groups.count
                    groups.append((config, [], []))
                    groupOfConfig[config] = group
                }
                groupOfFolder[folder] = group
            }
            last = (folder, group)
            if !input.isExplicit, let path = input.fileSystemPath, !groups[group].config.admits(path) { continue }
            if reported { groups[group].reported.append(input) } else { groups[group].context.append(input) }
        }
        let facts = try request.factsFiles.map { try FactsFile.read($0) }
        var result = RunResult(files: [], errors: [], skipped: [])
        for group in groups {
            let config = group.config
            let part = try GroupRun(session: self, config: config, request: request, externalFacts: facts)
                .run(reported: group.reported, context: group.context)
            result.files += part.files
            result.errors += part.errors
            result.skipped += part.skipped
            result.facts += part.facts
        }
        if groups.count > 1 { result.files.sort { $0.path < $1.path } }
        return result
    }

    /// The folder part of a path as written ("" for a bare file name): files with the same
    /// folder part share a configuration.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The rule ids a configuration's run can use (built-ins, plug-ins, its rule files), without
    /// building the rules; unknown ids in its `rules:` are reported as warnings.
    func ruleIDs(for config: Configuration) throws -> [String] {
        let options = options(for: config)
        let ids = try registry(rulePaths: options.rulePaths).infos.map(\.id)
        lock.lock()
        warnUnknownRules(config, ruleIDs: Set(ids))
        lock.unlock()
        return ids
    }

    /// Every rule of the run: built-ins, plug-ins and the rule files of each configuration used.
    public var ruleInfos: [RuleInfo] {
        var byID: [String: RuleInfo] = [:]
        for info in registry.infos { byID[info.id] = info }
        lintersLock.lock()
        for linter in linters.values { for info in linter.registry.infos { byID[info.id] = info } }
        lintersLock.unlock()
        return byID.values.sorted { $0.id < $1.id }
    }

    /// The fail level the configuration of the current folder sets, if any.
    public func configuredFailLevel() -> String? {
        (try? resolver.configuration(forFile: nil))?.failOn
    }
}
