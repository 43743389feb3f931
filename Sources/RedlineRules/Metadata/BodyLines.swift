import Foundation
import RedlineCore

/// One line of a document's body as the metadata rules see it: the checkable text of one
/// source line inside one block (Markdown syntax, code and HTML already masked).
struct BodyLine {
    /// 0-based source line.
    let line: Int
    /// Index into `Document.blocks`.
    let block: Int
    /// Position of the block among the body's blocks (0 for the first).
    let ordinal: Int
    /// From the first to the last checkable non-blank byte of the line (within the block).
    let span: Span
    let isHeading: Bool
    let isFrontMatter: Bool
    /// The first / last line of its block.
    let firstInBlock: Bool
    let lastInBlock: Bool
    /// The line can be a unit of its own: the first line of its block, or a line after one that
    /// ends a sentence or is short (a line in the middle of a wrapped sentence cannot be a stray line).
    let standsAlone: Bool

    /// The checkable bytes of `span` as text (masked bytes are spaces; same length as `span`).
    func text(_ document: Document) -> String {
        String(decoding: document.checkable[span.start..<span.end], as: UTF8.self)
    }

    /// The text with runs of blanks collapsed to one space (for whole-line patterns).
    func compact(_ document: Document) -> String { BodyLines.compact(document.checkable[span.start..<span.end]) }
}

/// The body lines of a document, in order.
enum BodyLines {
    /// Lines of paragraphs and headings (and, when asked, of checked front-matter values);
    /// table cells are left out.
    static func of(_ document: Document, includeFrontMatter: Bool = false) -> [BodyLine] {
        let source = document.source
        let checkable = document.checkable
        var out: [BodyLine] = []
        var ordinal = 0
        var seenLines = Set<Int>()
        for (b, block) in document.blocks.enumerated() {
            var isHeading = false, isFrontMatter = false
            switch block.kind {
            case .tableCell: continue
            case .frontMatter:
                if !includeFrontMatter { continue }
                isFrontMatter = true
            case .heading: isHeading = true
            case .paragraph: break
            }
            guard !block.span.isEmpty else { continue }
            let first = source.lineIndex(of: block.span.start)
            let last = source.lineIndex(of: block.span.end - 1)
            var previousEndsSentence = true
            var added = false
            for l in first...last {
                let content = source.lineContentSpan(l)
                var s = max(content.start, block.span.start), e = min(content.end, block.span.end)
                while s < e && isBlank(checkable[s]) { s += 1 }
                while e > s && isBlank(checkable[e - 1]) { e -= 1 }
                guard s < e, !seenLines.contains(l) || isFrontMatter else { continue }
                let standsAlone = l == first || previousEndsSentence
                out.append(BodyLine(line: l, block: b, ordinal: ordinal, span: Span(s, e),
                                    isHeading: isHeading, isFrontMatter: isFrontMatter,
                                    firstInBlock: l == first, lastInBlock: l == last, standsAlone: standsAlone))
                if !isFrontMatter { seenLines.insert(l) }
                // A short line ends where its writer broke it, not where a wrapped sentence did.
                previousEndsSentence = e - s < 45 || LineEvidence.endsSentence(checkable[s..<e])
                added = true
            }
            if added && !isFrontMatter { ordinal += 1 }
        }
        return out
    }

    /// Runs of spaces and tabs as one space, none at either end.
    static func compact(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending = false
        for b in bytes {
            if b == 0x20 || b == 0x09 { pending = !out.isEmpty; continue }
            if pending { out.append(0x20); pending = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}

/// Line-level evidence of prose: terminal punctuation, length, share of function words,
/// reporting verbs and quotation marks raise it; a line of capitals and digits lowers it.
struct LineEvidence {
    var words = 0
    var stopWords = 0
    var capitalized = 0
    var withDigits = 0
    var endsSentence = false
    var hasQuote = false
    var hasReportingVerb = false

    private static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "according", "asked", "explained", "claimed",
        "insisted", "warned", "argued", "wrote", "stated", "announced",
    ]

    init(_ text: String, stopWords stopList: Set<String>) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "“", "”", "„", "«", "»": hasQuote = true
            default: break
            }
        }
        endsSentence = Self.endsSentence(text)
        for raw in text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            // The word less the punctuation around it.
            guard let s = raw.firstIndex(where: Self.isAlphanumeric),
                  let e = raw.lastIndex(where: Self.isAlphanumeric) else { continue }
            let word = raw[s...e]
            words += 1
            if word.contains(where: { $0.properties.numericType != nil }) { withDigits += 1; continue }
            if let f = word.first, f.properties.isUppercase { capitalized += 1 }
            let lower = String(String.UnicodeScalarView(word)).lowercased()
            if stopList.contains(lower) { stopWords += 1 }
            if Self.reportingVerbs.contains(lower) { hasReportingVerb = true }
        }
    }

    @inline(__always) static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// How much the line reads as a sentence of reported prose; 4 or more is prose.
    var proseScore: Int {
        guard words > 0 else { return 0 }
        var score = 0
        if endsSentence { score += 1 }
        if words >= 15 { score += 1 }
        if words >= 30 { score += 1 }
        if words >= 4 && Double(stopWords) / Double(words) >= 0.35 { score += 1 }
        if hasReportingVerb { score += 2 }
        if hasQuote { score += 2 }
        if words >= 2 && Double(capitalized) / Double(words) >= 0.6 { score -= 1 }
        if Double(withDigits) / Double(words) >= 0.3 { score -= 1 }
        return score
    }

    var readsAsProse: Bool { proseScore >= 4 }

    /// Ends with . ! ? or … (closing quotes and brackets after it allowed).
    static func endsSentence(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.endIndex
        while i > bytes.startIndex {
            let b = bytes[i - 1]
            switch b {
            case 0x20, 0x09, 0x22, 0x27, 0x29, 0x5D: i -= 1                      // blank " ' ) ]
            case 0x2E, 0x21, 0x3F: return true                                    // . ! ?
            case 0x9D where i - 3 >= bytes.startIndex && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80: i -= 3  // ”
            case 0x99 where i - 3 >= bytes.startIndex && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80: i -= 3  // ’
            case 0xBB where i - 2 >= bytes.startIndex && bytes[i - 2] == 0xC2: i -= 2                                // »
            case 0xA6 where i - 3 >= bytes.startIndex && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80: return true   // …
            default: return false
            }
        }
        return false
    }

    static func endsSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case " ", "\t", "\"", "'", "”", "’", ")", "]", "»": continue
            case ".", "!", "?", "…": return true
            default: return false
            }
        }
        return false
    }
}
