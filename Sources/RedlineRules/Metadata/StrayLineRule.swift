import Foundation
import RedlineCore

/// `metadata.stray-line`: lines of CMS or wire metadata left in the body — date lines
/// ("date 2025-07-04", "Published: …", "Updated 3 hours ago"), bylines with "|", "Filed under:",
/// "Tags:", word counts, slugs, file names, embargo and end markers.
///
/// Key-value lines ("Tags: …", "Published: 4 July 2025") are looked for anywhere; bare shapes
/// (a date with its year, a byline, a slug, a file name) only among the first and last blocks
/// of the body. A line that reads as a sentence of prose is never flagged, so datelines
/// ("KYIV, July 4 (Reuters) - …"), headings and "By late afternoon, …" pass. A date glued to
/// the start of the first paragraph ("date 2025-07-04 Russia launched …") is flagged too, and
/// its fix deletes only the prefix, so the paragraph stays. Patterns: `Rules/metadata/stray-lines.tsv`.
public struct StrayLineRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.stray-line",
        category: .metadata,
        defaultSeverity: .warning,
        summary: "A line of CMS or wire metadata left in the copy: a date or update line, a byline with "
            + "a bar, tags, \"Filed under:\", a word count, a slug or file name, an embargo or end "
            + "marker. Bare shapes only at the top or bottom of the body; prose never. The fix deletes the "
            + "line (or, for a date glued to the first paragraph, just the date).",
        flags: [
            RuleExample("«date 2025-07-04»\n\nRussia launched a drone attack on the capital overnight, officials said.",
                        fixed: "Russia launched a drone attack on the capital overnight, officials said."),
            RuleExample("«date 2025-07-04» Russia launched a drone attack on the capital overnight, officials said.",
                        fixed: "Russia launched a drone attack on the capital overnight, officials said."),
            RuleExample("«By Jane Doe | Staff Reporter»\n«Updated 3 hours ago»\n\nThe council will meet again on Monday.",
                        fixed: "\nThe council will meet again on Monday."),
            RuleExample("The council will meet again on Monday.\n\n«Filed under: Politics, Local news»\n\n«Tags: council, budget»",
                        fixed: "The council will meet again on Monday.\n"),
            RuleExample("«Published: 4 July 2025, 10:42 BST»\n\nThe bridge reopened to traffic on Friday.\n\n«Word count: 612»",
                        fixed: "The bridge reopened to traffic on Friday.\n"),
            RuleExample("«river-flood-vinnytsia-march-2025»\n\nThe river burst its banks on Friday.\n\n«flood_story_v3.docx»"),
        ],
        passes: [
            RuleExample("KYIV, July 4 (Reuters) - Russia launched a drone attack on the capital overnight, officials said."),
            RuleExample("By late afternoon, the fire had spread to three neighbouring streets."),
            RuleExample("By 2025, four in ten homes will have fibre broadband, the regulator says."),
            RuleExample("Officials updated the draft on Friday after objections from two regions."),
            RuleExample("A Long Night in the Capital\n\nRussia launched a drone attack on the capital overnight."),
            RuleExample("Hosts v Visitors\n\nSaturday, 26 February\n\n1945 GMT\n\nThe hosts are without their captain."),
            RuleExample("Published accounts show the company lost money in 2024, analysts said."),
            RuleExample("The minister said: \"Tags like these are part of the job.\""),
        ]
    )

    private let matcher: MetadataMatcher

    public init(environment: RuleEnvironment) throws {
        let tables = try MetadataTables.shared(environment)
        matcher = .strayLines(tables)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let lines = BodyLines.of(document)
        guard !lines.isEmpty else { return [] }
        var findings: [Finding] = []
        var done = Set<Int>()
        // The edges: whole lines of either scope; glued prefixes on first lines at the top.
        let firstOrdinal = lines[0].ordinal
        MetadataFindings.scanEdges(lines) { i in
            done.insert(i)
            let line = lines[i]
            guard line.standsAlone else { return false }
            if let p = matcher.wholeLine(line, document, scopes: line.isHeading ? [.line] : [.line, .edge]) {
                findings.append(lineFinding(line, p, document))
                return true
            }
            if !line.isHeading && line.firstInBlock && line.ordinal - firstOrdinal < 4,
               let (p, matchEnd, proseStart) = matcher.gluedPrefix(line, document) {
                findings.append(prefixFinding(line, p, matchEnd: matchEnd, proseStart: proseStart, document))
            }
            return false
        }
        // Elsewhere: key-value lines only.
        for (i, line) in lines.enumerated() where !done.contains(i) && line.standsAlone {
            if let p = matcher.wholeLine(line, document, scopes: [.line]) {
                findings.append(lineFinding(line, p, document))
            }
        }
        return findings.sorted { $0.span < $1.span }
    }

    private func lineFinding(_ line: BodyLine, _ pattern: MetadataPattern, _ document: Document) -> Finding {
        Finding(Self.info, span: line.span,
                message: "\(MetadataFindings.quote(document.text(line.span))) is \(MetadataFindings.describe(pattern.label)), "
                    + "not part of the article",
                fix: MetadataFindings.deleteLine(line, document))
    }

    private func prefixFinding(_ line: BodyLine, _ pattern: MetadataPattern, matchEnd: Int, proseStart: Int,
                               _ document: Document) -> Finding {
        // Delete from the start of the line when only blanks stand before the match.
        let content = document.source.lineContentSpan(line.line)
        let before = document.source.bytes[content.start..<line.span.start]
        let from = before.allSatisfy { $0 == 0x20 || $0 == 0x09 } ? content.start : line.span.start
        let span = Span(line.span.start, matchEnd)
        return Finding(Self.info, span: span,
                       message: "\(MetadataFindings.quote(document.text(span))) is \(MetadataFindings.article(pattern.label)) "
                           + "\(pattern.label) glued to the start of the paragraph, not part of the article",
                       fix: Fix(span: Span(from, proseStart), replacement: ""))
    }
}
