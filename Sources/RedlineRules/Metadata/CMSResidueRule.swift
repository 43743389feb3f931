import Foundation
import RedlineCore

/// `metadata.cms-residue`: markup of another system left in the copy — shortcodes
/// (`[caption id=…]`, `[embed]…[/embed]`), template tokens (`{{ … }}`, `{% … %}`), HTML tags and
/// entities in plain text (`<br>`, `&nbsp;`), wiki markup (`[[…]]`, `'''…'''`, `== … ==`),
/// "[IMAGE]"-style placeholders and escaped Markdown in `.txt` files (`\*`).
///
/// In Markdown, HTML and entities are part of the format (and masked by the reader), so only the
/// other kinds are looked for. A line made of nothing but residue is flagged whole and its fix
/// deletes it; inside a line, entities are decoded, HTML tags removed and escape backslashes
/// dropped. Patterns: `Rules/metadata/cms-residue.tsv`.
public struct CMSResidueRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.cms-residue",
        category: .metadata,
        defaultSeverity: .warning,
        summary: "Markup of another system left in the copy: shortcodes ([caption …], [embed]…[/embed]), "
            + "template tokens ({{ … }}, {% … %}), HTML tags and entities in plain text, wiki markup, "
            + "[IMAGE] placeholders, escaped Markdown in .txt. A line of nothing else is deleted; entities "
            + "are decoded, tags removed.",
        flags: [
            RuleExample("The bridge reopened on Friday.\n\n«[IMAGE]»\n\nRepairs cost £2m.",
                        fixed: "The bridge reopened on Friday.\n\nRepairs cost £2m."),
            RuleExample("«[caption id=\"attachment_4411\" align=\"alignnone\" width=\"800\"]»Crews at work on the bridge«[/caption]»"),
            RuleExample("Repairs took eight months«{{ related_links }}» and cost £2m."),
            RuleExample("«{% include ad_slot.html %}»\n\nThe bridge reopened on Friday.",
                        fixed: "The bridge reopened on Friday."),
            RuleExample("The «[[Severn Bridge]]» reopened on «'''Friday'''»."),
        ],
        passes: [
            RuleExample("The council said the repairs [to the bridge] were finished."),
            RuleExample("\"He has always been honest [sic] with us,\" she said."),
            RuleExample("AT&T and M&S both reported higher profits, while P&O cut jobs."),
            RuleExample("The vote was 5 < 7 in the first round and 9 > 4 in the second."),
            RuleExample("The band's album 'Heroes' reached number two."),
        ]
    )

    private let matcher: MetadataMatcher

    public init(environment: RuleEnvironment) throws {
        let tables = try MetadataTables.shared(environment)
        matcher = .cmsResidue(tables)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let scopes: Set<MetadataScope> = document.format == .plainText ? [.inline, .inlineText] : [.inline]
        var findings: [Finding] = []
        for line in BodyLines.of(document) {
            let candidates = matcher.candidates(line, document, scopes: scopes.union([.line]))
            guard !candidates.isEmpty else { continue }
            if line.standsAlone, let p = matcher.wholeLine(line, document, scopes: [.line], among: candidates) {
                findings.append(wholeLineFinding(line, p.label, document))
                continue
            }
            let matches = matcher.inlineMatches(line, document, scopes: scopes, among: candidates)
            guard !matches.isEmpty else { continue }
            if line.standsAlone && covers(matches.map(\.span), line, document) {
                findings.append(wholeLineFinding(line, matches[0].pattern.label, document))
                continue
            }
            for (span, pattern) in matches {
                let text = document.text(span)
                findings.append(Finding(Self.info, span: span,
                                        message: "\(MetadataFindings.quote(text)) is "
                                            + "\(MetadataFindings.describe(pattern.label))",
                                        fix: inlineFix(span, text, document)))
            }
        }
        return findings
    }

    private func wholeLineFinding(_ line: BodyLine, _ label: String, _ document: Document) -> Finding {
        Finding(Self.info, span: line.span,
                message: "\(MetadataFindings.quote(document.text(line.span))) is a line of CMS residue (\(label)), "
                    + "not part of the article",
                fix: MetadataFindings.deleteLine(line, document))
    }

    /// Whether the matches leave nothing on the line but blanks and punctuation.
    private func covers(_ spans: [Span], _ line: BodyLine, _ document: Document) -> Bool {
        var i = line.span.start
        for span in spans + [Span(line.span.end, line.span.end)] {
            while i < span.start {
                let b = document.checkable[i]
                if b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) { return false }
                i += 1
            }
            i = max(i, span.end)
        }
        return true
    }


    /// Safe fixes inside a line: decode an entity, remove an HTML tag, drop an escape backslash.
    private func inlineFix(_ span: Span, _ text: String, _ document: Document) -> Fix? {
        if text.hasPrefix("&") && text.hasSuffix(";"), let decoded = Self.decodeEntity(text) {
            return Fix(span: span, replacement: decoded)
        }
        if text.hasPrefix("\\") && text.unicodeScalars.count == 2 {
            return Fix(span: span, replacement: String(text.dropFirst()))
        }
        if text.hasPrefix("<") && text.hasSuffix(">") && !text.hasPrefix("<!") && !text.hasPrefix("<%") {
            let bytes = document.source.bytes
            let before = span.start > 0 ? bytes[span.start - 1] : 0x20
            let after = span.end < bytes.count ? bytes[span.end] : 0x20
            let spaced = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            let name = text.dropFirst().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            let breaks: Set<String> = ["br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                                       "hr", "section", "article", "blockquote", "figure", "figcaption", "ul", "ol", "table"]
            let replacement = breaks.contains(name) && !spaced(before) && !spaced(after) ? " " : ""
            return Fix(span: span, replacement: replacement)
        }
        return nil
    }

    private static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "mdash": "—", "ndash": "–",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "pound": "£", "euro": "€",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "eacute": "é", "egrave": "è", "aacute": "á",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "szlig": "ß", "middot": "·", "bull": "•", "times": "×", "frac12": "½", "thinsp": " ",
        "ensp": " ", "emsp": " ", "shy": "",
    ]

    /// The text an entity stands for, or nil when it is not known (no fix then).
    static func decodeEntity(_ entity: String) -> String? {
        let body = entity.dropFirst().dropLast()
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let v = UInt32(body.dropFirst(2), radix: 16), let s = Unicode.Scalar(v), v >= 0x20 else { return nil }
            return v == 0xA0 ? " " : String(Character(s))
        }
        if body.hasPrefix("#") {
            guard let v = UInt32(body.dropFirst()), let s = Unicode.Scalar(v), v >= 0x20 else { return nil }
            return v == 0xA0 ? " " : String(Character(s))
        }
        return entities[String(body)]
    }
}
