import RedlineCore

/// `metadata.invalid-front-matter`: the YAML front matter cannot be read.
public struct InvalidFrontMatterRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.invalid-front-matter",
        category: .metadata,
        defaultSeverity: .error,
        summary: "The YAML front matter does not parse or is not closed; its fields (the article date "
            + "among them) are not available to other rules."
    )

    public init(environment: RuleEnvironment) throws {}

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        document.readerNotes.map { Finding(Self.info, span: $0.span, message: $0.message) }
    }
}
