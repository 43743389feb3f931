import Foundation

/// An example a rule carries for its documentation and the generic rule test.
///
/// In `text`, the spans the rule must report are marked with `«` and `»`; `fixed`, when
/// present, is the text after applying every fix.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    public var fixed: String?
    public init(_ text: String, fixed: String? = nil) {
        self.text = text
        self.fixed = fixed
    }
}

/// What every rule states about itself.
public struct RuleInfo: Sendable, Hashable {
    /// `family.name`, e.g. `spelling.misspelled`.
    public var id: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    /// One paragraph for `redline rules` and the docs.
    public var summary: String
    /// Whether the rule runs without being switched on in configuration.
    public var enabledByDefault: Bool
    /// Texts the rule must flag (spans marked with « »).
    public var flags: [RuleExample]
    /// Texts the rule must not flag.
    public var passes: [RuleExample]
    /// Options the examples need, e.g. `["house.names": "ap"]`.
    public var exampleOptions: [String: String]

    public init(id: String, category: RuleCategory, defaultSeverity: Severity, summary: String,
                enabledByDefault: Bool = true, flags: [RuleExample] = [], passes: [RuleExample] = [],
                exampleOptions: [String: String] = [:]) {
        self.id = id
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.enabledByDefault = enabledByDefault
        self.flags = flags
        self.passes = passes
        self.exampleOptions = exampleOptions
    }
}

/// Run-wide settings a rule may read while checking.
public struct CheckOptions: Sendable {
    /// The article date to assume when a document states none (`--date`), as `YYYY-MM-DD`.
    public var defaultDate: String?
    /// Free-form settings (`house.names`, …) from the command line and configuration.
    public var values: [String: String]
    public init(defaultDate: String? = nil, values: [String: String] = [:]) {
        self.defaultDate = defaultDate
        self.values = values
    }
}

/// A rule written in Swift (built in, or a plug-in's): its metadata is static and it builds
/// itself from the environment. Conform through `DocumentRule` (judges one document) or
/// `RunRule` (judges across all the documents of a run).
public protocol Rule: Sendable {
    static var info: RuleInfo { get }
    /// Builds the rule; load data and compile patterns here, never while checking.
    init(environment: RuleEnvironment) throws
}

/// Judges one document at a time. Must be safe to call from several threads.
public protocol DocumentChecking: Sendable {
    func check(_ document: Document, options: CheckOptions) -> [Finding]
}

/// Collects facts from every document, then judges them all together.
public protocol RunJudging: Sendable {
    /// What the rule keeps of one document (small, and `Codable` so shards can exchange it).
    associatedtype Facts: Sendable & Codable
    func collect(_ document: Document, options: CheckOptions) -> Facts
    /// Judges the facts of all documents; returns diagnostics (already resolved to lines and columns).
    func judge(_ facts: [(path: String, facts: Facts)], options: CheckOptions) -> [Diagnostic]

    /// What lets the engine judge a few files (`--changed-since`) against a large repository
    /// without decoding every other file's facts: the items of one document's facts, each as
    /// the keys under which `judge` compares it with other documents' items (a name's skeleton,
    /// a line's key). The engine follows the keys from the reported files' items to every item
    /// sharing one, and on from those items' other keys; files none of whose items it reaches
    /// are passed to `judge` as `unlinkedFacts`. So a rule may offer links only when an item's
    /// verdict depends on nothing but the items it is linked to, and on the number of files.
    /// nil (the default): every file's facts are needed.
    func links(_ facts: Facts) -> [[UInt64]]?

    /// The facts of a file with nothing to compare, which stand in for the files a partial
    /// judgement passes over (see `links`). nil (the default) when the rule offers no links.
    var unlinkedFacts: Facts? { get }
}

extension RunJudging {
    public func links(_ facts: Facts) -> [[UInt64]]? { nil }
    public var unlinkedFacts: Facts? { nil }
}

/// A Swift rule that judges one document at a time.
public typealias DocumentRule = Rule & DocumentChecking

/// A Swift rule that judges across all the documents of a run.
public typealias RunRule = Rule & RunJudging

/// Where rules find their data and shared services (dictionaries, rule tables).
///
/// Services are stored by type so that a module can provide one without the core knowing it.
public final class RuleEnvironment: @unchecked Sendable {
    /// The folder that holds `Dictionaries/` and `Rules/`.
    public let dataDirectory: String
    /// Settings from the command line and configuration.
    public let options: [String: String]
    private var services: [ObjectIdentifier: any Sendable] = [:]
    private let lock = NSLock()

    public init(dataDirectory: String, options: [String: String] = [:]) {
        self.dataDirectory = dataDirectory
        self.options = options
    }

    /// Registers a shared service; call before any rule is built.
    public func provide<T: Sendable>(_ service: T) {
        lock.lock()
        services[ObjectIdentifier(T.self)] = service
        lock.unlock()
    }

    /// The service of that type, if one was provided.
    public func service<T: Sendable>(_ type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return services[ObjectIdentifier(type)] as? T
    }

    /// The service of that type, made by `make` the first time any rule asks: lets several
    /// rules share data (an index, a table) that only they know how to build.
    public func shared<T: Sendable>(_ type: T.Type, make: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if let existing = services[ObjectIdentifier(type)] as? T { return existing }
        let made = try make()
        services[ObjectIdentifier(type)] = made
        return made
    }

    /// The service of that type, or an error saying which is missing.
    public func require<T: Sendable>(_ type: T.Type) throws -> T {
        guard let s = service(type) else { throw RuleError("no \(type) was provided to the rules") }
        return s
    }
}

/// An error while building or running a rule, with a message for people.
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
