import RedlineCore

/// `house.exclamation`: an exclamation mark in the copy outside a quotation. A small example of
/// a rule plug-in: a type conforming to `DocumentRule`, with its own examples.
public struct ExclamationRule: DocumentRule {
    public static let info = RuleInfo(
        id: "house.exclamation",
        category: .style,
        defaultSeverity: .warning,
        summary: "Exclamation marks belong in quotations, not in the reporter's own words.",
        flags: [RuleExample("Prices rose again«!»")],
        passes: [RuleExample("“Prices rose again!” she said.")]
    )

    public init(environment: RuleEnvironment) throws {}

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        var inQuote = false
        var block: Int32 = -1
        for token in document.tokens where token.kind == .punctuation {
            if token.block != block { block = token.block; inQuote = false }
            let text = document.text(token)
            switch text {
            case "“": inQuote = true
            case "”": inQuote = false
            case "\"": inQuote.toggle()
            case "!" where !inQuote:
                findings.append(Finding(Self.info, span: token.span, message: "exclamation mark outside a quotation"))
            default: break
            }
        }
        return findings
    }
}
