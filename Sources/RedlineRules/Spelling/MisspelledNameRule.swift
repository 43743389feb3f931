import RedlineCore
import RedlineSpelling

/// `spelling.misspelled-name`: a capitalised word one or two edits from a name that the
/// dictionaries know or that the article uses more often ("Zelenksyy" beside "Zelenskyy").
///
/// Transliterations of one name ("Zelenskiy" beside "Zelenskyy") are not misspellings: the
/// names rules deal with them.
public struct MisspelledNameRule: DocumentRule {
    public static let info = RuleInfo(
        id: "spelling.misspelled-name",
        category: .spelling,
        defaultSeverity: .warning,
        summary: "A name that looks like a misspelling of a known name, or of a name the same article "
            + "spells another way more often. The likely name comes first in the suggestions. "
            + "Different transliterations of one name are left to the names rules.",
        flags: [
            RuleExample("President Volodymyr Zelenskyy spoke. Later «Zelenksyy» met the mayor. Zelenskyy left."),
            RuleExample("Secretary-General Antonio «Guterrez» said the talks would resume."),
        ],
        passes: [
            RuleExample("Mayor Vitali Klitschko visited Holosiivskyi district, then Ukrzaliznytsia depots."),
            RuleExample("Zelenskyy spoke on Friday; Zelenskiy had said so before."),
        ]
    )

    private let policy: NamePolicy

    public init(environment: RuleEnvironment) throws {
        policy = try NamePolicy(environment: environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = policy.judge(document).compactMap { word, verdict in
            guard case .misspelledName(let suggestion, let reason) = verdict else { return nil }
            return Finding(Self.info, span: word.span,
                           message: "“\(word.text)” may be a misspelling of “\(suggestion)” (\(reason))",
                           suggestions: [suggestion])
        }
        let reported = Set(findings.map(\.span))
        for slip in policy.fullNameSlips(document) where !reported.contains(slip.span) {
            findings.append(Finding(Self.info, span: slip.span,
                                    message: "“\(slip.word)” may be a misspelling of “\(slip.suggestion)” (a known public figure's name)",
                                    suggestions: [slip.suggestion]))
        }
        return findings.sorted { $0.span < $1.span }
    }
}
