import Foundation
import RedlineCore

/// `metadata.placeholder`: placeholders and notes to the desk that must not be published — TK,
/// TKTK, XXX, "£xxm", lorem ipsum, "INSERT …", "[TBD]", "[ED NOTE: …]", "NOTE TO EDITORS",
/// "?? check".
///
/// A line that is nothing but a note ("TK: add quote from the fire chief", "[ED NOTE: …]") is
/// flagged whole, with a fix that deletes it; a placeholder inside a sentence is flagged where
/// it stands, without a fix (someone has to supply the missing fact). Capitals next to a name
/// are left alone ("TK Maxx", "Super Bowl XXX"). Checked in headings and in the front matter's
/// title, description and summary too. Patterns: `Rules/metadata/placeholders.tsv`.
public struct PlaceholderRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.placeholder",
        category: .metadata,
        defaultSeverity: .error,
        summary: "A placeholder or a note to the desk left in the copy: TK, XXX, £xxm, lorem ipsum, "
            + "INSERT …, [TBD], [ED NOTE: …], NOTE TO EDITORS, ?? check. A line that is only a note is "
            + "deleted by the fix; a placeholder in a sentence needs the missing fact.",
        flags: [
            RuleExample("The fire chief said «TK» people were hurt."),
            RuleExample("Floods hit the town on Friday.\n\n«TK: add quote from the fire chief»",
                        fixed: "Floods hit the town on Friday.\n"),
            RuleExample("The appeal raised «£xxm» last year, and «XXX» families were helped."),
            RuleExample("«Lorem ipsum dolor sit amet, consectetur adipiscing elit.»\n\nFloods hit the town.",
                        fixed: "Floods hit the town."),
            RuleExample("The mayor, «[INSERT NAME]», opened the bridge, which cost «[TBD]» to repair."),
            RuleExample("«[ED NOTE: confirm the figure with the council]»\n\n«NOTE TO EDITORS: embargoed until Monday»"),
            RuleExample("About 300 «?? check» people were moved to a school gym."),
        ],
        passes: [
            RuleExample("TK Maxx reported higher sales over Christmas."),
            RuleExample("The game was Super Bowl XXX, played in Arizona."),
            RuleExample("Doctors insert a thin tube into the vein."),
            RuleExample("The exact date of the vote is still to be decided, officials said."),
            RuleExample("\"He has always been honest [sic] with us,\" she said."),
            RuleExample("Stocks closed higher in Tokyo; the Nikkei rose 1.2%."),
        ]
    )

    private let matcher: MetadataMatcher

    public init(environment: RuleEnvironment) throws {
        let tables = try MetadataTables.shared(environment)
        matcher = .placeholders(tables)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        for line in BodyLines.of(document, includeFrontMatter: true) {
            // A front-matter value is not a line of the body: only what is inside it is flagged.
            let candidates = matcher.candidates(line, document, scopes: [.line, .inline])
            guard !candidates.isEmpty else { continue }
            if line.standsAlone && !line.isFrontMatter, let p = matcher.wholeLine(line, document, scopes: [.line], among: candidates) {
                findings.append(Finding(Self.info, span: line.span,
                                        message: "\(MetadataFindings.quote(document.text(line.span))) is "
                                            + "\(MetadataFindings.describe(p.label))",
                                        fix: MetadataFindings.deleteLine(line, document)))
                continue
            }
            for (span, p) in matcher.inlineMatches(line, document, scopes: [.inline], among: candidates) {
                findings.append(Finding(Self.info, span: span,
                                        message: "\(MetadataFindings.quote(document.text(span))) is "
                                            + "\(MetadataFindings.describe(p.label))"))
            }
        }
        return findings
    }

}
