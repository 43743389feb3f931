import Foundation
import RedlineCore

/// `metadata.promo`: promotion and navigation lines anywhere in the body — "You might also be
/// interested in - …", "Read more: …", "Related: …", "Advertisement", "Share this article",
/// "Sign up for our newsletter", "Click here …", "Follow us on …", "Image caption",
/// "Image source"/"Image copyright", agency photo credits ("Jane Doe/Reuters"), "Print this
/// article", "Comments (12)".
///
/// Each pattern must match a whole line, and a line that reads as a sentence of reported prose
/// (a quotation, "she said", many function words) is never flagged: "a radio advertisement",
/// or a quote in which someone says "click here", pass. Patterns: `Rules/metadata/promos.tsv`.
public struct PromoRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.promo",
        category: .metadata,
        defaultSeverity: .warning,
        summary: "A promotion or navigation line left in the copy: related-story promos (\"Read more:\", "
            + "\"You might also be interested in\"), \"Advertisement\", share and newsletter prompts, "
            + "\"Click here\", \"Follow us on\", image captions and agency photo credits, \"Print this "
            + "article\", comment counts. Whole lines only; the fix deletes the line.",
        flags: [
            RuleExample("The talks ended without a deal.\n\n«You might also be interested in - Ministers meet to discuss the budget»",
                        fixed: "The talks ended without a deal.\n"),
            RuleExample("«Advertisement»\n\nThe bridge reopened to traffic on Friday after repairs.",
                        fixed: "The bridge reopened to traffic on Friday after repairs."),
            RuleExample("The bridge reopened on Friday.\n\n«Read more: Why the bridge was closed»\n\nRepairs cost £2m.",
                        fixed: "The bridge reopened on Friday.\n\nRepairs cost £2m."),
            RuleExample("«Share this article»\n«Sign up for our morning newsletter»\n\nThe bridge reopened on Friday."),
            RuleExample("The bridge reopened on Friday.\n\n«Image caption Repairs took eight months»\n\n«Jane Doe/Reuters»"),
            RuleExample("«Click here to get the latest updates»\n\n«Follow us on Twitter and Facebook»\n\n«Comments (12)»\n\n«Print this article»"),
        ],
        passes: [
            RuleExample("The station pulled a radio advertisement after complaints from listeners."),
            RuleExample("\"Just click here and you will see it,\" the engineer told the inquiry."),
            RuleExample("She said users were told to click here for details, which many did."),
            RuleExample("Related charges were dropped on Tuesday, the prosecutor said."),
            RuleExample("Share prices rose 3% in early trading in London."),
            RuleExample("Readers can follow the debate on the council's website from 10:00."),
        ]
    )

    private let matcher: MetadataMatcher

    public init(environment: RuleEnvironment) throws {
        let tables = try MetadataTables.shared(environment)
        matcher = .promos(tables)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        for line in BodyLines.of(document) where line.standsAlone {
            guard let p = matcher.wholeLine(line, document, scopes: [.line]) else { continue }
            findings.append(Finding(Self.info, span: line.span,
                                    message: "\(MetadataFindings.quote(document.text(line.span))) is "
                                        + "\(MetadataFindings.describe(p.label)), not part of the article",
                                    fix: MetadataFindings.deleteLine(line, document)))
        }
        return findings
    }
}
