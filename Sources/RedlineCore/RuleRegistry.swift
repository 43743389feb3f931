/// The list of rule types a `redline` binary knows. Plug-ins add theirs with `register`.
public struct RuleRegistry: Sendable {
    public private(set) var ruleTypes: [any Rule.Type] = []

    public init(_ types: [any Rule.Type] = []) {
        for t in types { register(t) }
    }

    /// Adds a rule type; a second type with the same id replaces the first.
    public mutating func register(_ type: any Rule.Type) {
        ruleTypes.removeAll { $0.info.id == type.info.id }
        ruleTypes.append(type)
    }

    public var infos: [RuleInfo] { ruleTypes.map { $0.info }.sorted { $0.id < $1.id } }

    public func type(withID id: String) -> (any Rule.Type)? {
        ruleTypes.first { $0.info.id == id }
    }
}
