import Foundation
import RedlineCore
import RedlineSpelling

/// `style.mixed-dialect`: an article that mixes American and British spellings ("center" and
/// "recognise"), when Redline accepts both (the default; `--lang en_US` or `en_GB` is strict).
///
/// Reads its pairs from `Rules/dialects/en-us-gb.tsv` (generated from VarCon). The dialect
/// used more often in the article wins; each spelling of the other is flagged with its
/// counterpart as the suggestion (on a tie, the dialect that appears first wins).
public struct MixedDialectRule: DocumentRule {
    public static let info = RuleInfo(
        id: "style.mixed-dialect",
        category: .style,
        defaultSeverity: .warning,
        summary: "American and British spellings mixed in one article. The spelling of the dialect the "
            + "article uses less is flagged, with its counterpart as the suggestion. Only when both "
            + "dialects are accepted (the default).",
        flags: [
            RuleExample("The centre of the town, its theatre and a «color» mural were restored."),
            RuleExample("The center opened. The theater reopened. A «colour» scheme was «analysed»."),
        ],
        passes: [
            RuleExample("The centre of the town, its theatre and a colour mural were restored."),
            RuleExample("The center of the town, its theater and a color mural were restored."),
            RuleExample("She visited the World Trade Center and the Tate's centre for colour."),
        ]
    )

    /// Lower-case spelling → (its dialect, its counterpart).
    private let table: [String: (british: Bool, counterpart: String)]
    /// The table's spellings as bits of `signature`: an ASCII word whose bit is clear is not in
    /// the table, and is passed over without making its lower-case string (most words).
    private let filter: [UInt64]
    private let active: Bool

    public init(environment: RuleEnvironment) throws {
        active = (environment.service(SpellingResources.self)?.isMultiDialect ?? false)
        let path = environment.dataDirectory + "/Rules/dialects/en-us-gb.tsv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError("\(path): cannot read the dialect table")
        }
        var table: [String: (Bool, String)] = [:]
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t")
            guard cols.count == 2 else { throw RuleError("\(path):\(n + 1): expected american<TAB>british") }
            table[String(cols[0])] = (false, String(cols[1]))
            table[String(cols[1])] = (true, String(cols[0]))
        }
        self.table = table.mapValues { (british: $0.0, counterpart: $0.1) }
        var filter = [UInt64](repeating: 0, count: (1 << Self.signatureBits) / 64)
        for key in table.keys {
            let bytes = Array(key.utf8)
            guard let first = bytes.first else { continue }
            let bit = Self.signature(bytes.count, Self.lower(first), Self.lower(bytes.count > 1 ? bytes[1] : 0),
                                     Self.lower(bytes[bytes.count - 1]))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    private static let signatureBits = 18

    /// A hash of a word's length and its first, second and last bytes (lower case).
    private static func signature(_ length: Int, _ b0: UInt8, _ b1: UInt8, _ last: UInt8) -> Int {
        let h = (UInt32(truncatingIfNeeded: length) &* 0x9E37_79B1) ^ (UInt32(b0) &* 0x85EB_CA6B)
            ^ (UInt32(b1) &* 0xC2B2_AE35) ^ (UInt32(last) &* 0x27D4_EB2F)
        let mixed = (h ^ (h >> 15)) &* 0x2C1B_3C6D
        return Int(mixed >> UInt32(32 - signatureBits))
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// False when the word at `span` is ASCII and cannot be in the table; true otherwise
    /// (words with other characters take the general path: lowercasing may change them).
    private func mayBeInTable(_ bytes: [UInt8], _ span: Span) -> Bool {
        guard span.length > 0 else { return true }
        for i in span.start..<span.end where bytes[i] >= 0x80 { return true }
        let bit = Self.signature(span.length, Self.lower(bytes[span.start]),
                                 Self.lower(span.length > 1 ? bytes[span.start + 1] : 0), Self.lower(bytes[span.end - 1]))
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        guard active else { return [] }
        var hits: [(span: Span, word: String, british: Bool, counterpart: String)] = []
        let bytes = document.source.bytes
        for token in document.tokens where token.kind == .word {
            // A capital mid-sentence is part of a name ("World Trade Center").
            if token.flags.contains(.capitalized) && !token.flags.contains(.sentenceStart) { continue }
            if token.flags.contains(.allCaps) { continue }
            if !mayBeInTable(bytes, token.span) { continue }
            let text = document.text(token)
            let lower = text.lowercased()
            guard let entry = table[lower] else { continue }
            let counterpart = text == lower ? entry.counterpart : NamePolicy.capitalised(entry.counterpart)
            hits.append((token.span, text, entry.british, counterpart))
        }
        let british = hits.count { $0.british }, american = hits.count - british
        guard british > 0 && american > 0, let first = hits.first else { return [] }
        let minorityIsBritish = british < american || (british == american && !first.british)
        let majority = minorityIsBritish ? "American" : "British"
        return hits.filter { $0.british == minorityIsBritish }.map { hit in
            Finding(Self.info, span: hit.span,
                    message: "“\(hit.word)” is \(minorityIsBritish ? "British" : "American") spelling; this article "
                        + "mostly uses \(majority) spelling (“\(hit.counterpart)”)",
                    suggestions: [hit.counterpart])
        }
    }
}
