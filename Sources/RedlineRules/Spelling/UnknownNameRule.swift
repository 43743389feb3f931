import RedlineCore

/// `spelling.unknown-name` (off by default): a capitalised word that no dictionary knows and
/// that looks like a name. For reviewing a repository's names before adding them to its word
/// list (`redline words unknown` lists them by frequency).
public struct UnknownNameRule: DocumentRule {
    public static let info = RuleInfo(
        id: "spelling.unknown-name",
        category: .spelling,
        defaultSeverity: .info,
        summary: "A capitalised word no dictionary knows that looks like a name, not an error. Off by "
            + "default; turn it on to review the names a repository uses.",
        enabledByDefault: false,
        flags: [RuleExample("Mayor «Vitalik» «Brzhenskyi» opened the «Zhovtneve» depot.")],
        passes: [RuleExample("The mayor opened the new depot in London.")]
    )

    private let policy: NamePolicy

    public init(environment: RuleEnvironment) throws {
        policy = try NamePolicy(environment: environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        policy.judge(document).compactMap { word, verdict in
            guard case .unknownName = verdict else { return nil }
            return Finding(Self.info, span: word.span, message: "“\(word.text)” is not in the dictionaries (a name?)")
        }
    }
}
