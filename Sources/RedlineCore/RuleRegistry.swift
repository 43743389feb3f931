/// One rule a run can use: its metadata and how to build it. Swift rule types and
/// declarative rule files both become definitions.
public struct RuleDefinition: Sendable {
    public var info: RuleInfo
    /// Builds the checker: a `DocumentChecking`, a `RunJudging`, or both.
    public var make: @Sendable (RuleEnvironment) throws -> any Sendable

    public init(info: RuleInfo, make: @escaping @Sendable (RuleEnvironment) throws -> any Sendable) {
        self.info = info
        self.make = make
    }

    /// The definition of a Swift rule type.
    public init(_ type: any Rule.Type) {
        info = type.info
        make = { try type.init(environment: $0) }
    }
}

/// The rules a `redline` binary knows. Plug-ins add theirs with `register`; rule files in
/// `Rules/` are added when a run loads them.
public struct RuleRegistry: Sendable {
    public private(set) var definitions: [RuleDefinition] = []

    public init(_ types: [any Rule.Type] = []) {
        for t in types { register(t) }
    }

    /// Adds a Swift rule type; a second rule with the same id replaces the first.
    public mutating func register(_ type: any Rule.Type) {
        register(RuleDefinition(type))
    }

    /// Adds a definition; a second rule with the same id replaces the first.
    public mutating func register(_ definition: RuleDefinition) {
        definitions.removeAll { $0.info.id == definition.info.id }
        definitions.append(definition)
    }

    public var infos: [RuleInfo] { definitions.map(\.info).sorted { $0.id < $1.id } }

    public func definition(withID id: String) -> RuleDefinition? {
        definitions.first { $0.info.id == id }
    }
}
