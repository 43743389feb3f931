import Foundation
import RedlineCore

/// `metadata.repeated-paragraph`: a paragraph that appears twice in one article (a paste done
/// twice, a CMS that repeated a block). Paragraphs are compared by their words, ignoring case,
/// punctuation and spacing; short ones (fewer than eight words: "Winners meet in final match")
/// may repeat. The later copy is flagged, and its fix deletes it.
public struct RepeatedParagraphRule: DocumentRule {
    public static let info = RuleInfo(
        id: "metadata.repeated-paragraph",
        category: .metadata,
        defaultSeverity: .warning,
        summary: "A paragraph of eight words or more that appears twice in the article (ignoring case, "
            + "punctuation and spacing). The later copy is flagged; the fix deletes it.",
        flags: [
            RuleExample("Rescue crews worked through the night after the river burst its banks.\n\n"
                        + "The mayor thanked volunteers.\n\n"
                        + "«Rescue crews worked through the night after the river burst its banks.»",
                        fixed: "Rescue crews worked through the night after the river burst its banks.\n\n"
                            + "The mayor thanked volunteers.\n\n"),
        ],
        passes: [
            RuleExample("Winners meet in final match\n\nThe draw was made on Monday.\n\nWinners meet in final match"),
            RuleExample("Rescue crews worked through the night after the river burst its banks.\n\n"
                        + "Rescue crews worked through the day after the river burst its banks."),
        ]
    )

    /// Paragraphs shorter than this (in words) may repeat.
    static let minimumWords = 8

    public init(environment: RuleEnvironment) throws {}

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        // Paragraphs by a hash of their words; equal hashes are compared in full.
        var seen: [UInt64: [Int]] = [:]
        var findings: [Finding] = []
        let source = document.source
        for (b, block) in document.blocks.enumerated() {
            guard case .paragraph = block.kind, block.span.length >= 30 else { continue }
            let bytes = document.checkable[block.span.start..<block.span.end]
            let (hash, words) = Self.hash(bytes)
            guard words >= Self.minimumWords else { continue }
            let earlier = seen[hash] ?? []
            seen[hash, default: []].append(b)
            guard let first = earlier.first(where: {
                let other = document.blocks[$0].span
                return Self.key(document.checkable[other.start..<other.end]) == Self.key(bytes)
            }) else { continue }
            let firstLine = source.lineIndex(of: block.span.start), lastLine = source.lineIndex(of: block.span.end - 1)
            let fix = Fix(span: Span(source.fullLineSpan(firstLine).start, source.fullLineSpan(lastLine).end), replacement: "")
            let other = document.blocks[first].span
            let start = source.location(of: other.start), end = source.location(of: other.end)
            findings.append(Finding(Self.info, span: block.span,
                                    message: "this paragraph repeats the one on line \(start.line)",
                                    fix: fix,
                                    related: [RelatedLocation(path: document.path, start: start, end: end,
                                                              message: "first appearance")]))
        }
        return findings
    }

    /// FNV-1a of the words of `bytes` as `key` spells them, and the word count, without allocating.
    static func hash(_ bytes: ArraySlice<UInt8>) -> (UInt64, Int) {
        var h: UInt64 = 0xcbf29ce484222325
        var words = 0
        var inWord = false
        for b in bytes {
            if MetadataPatternTable.isWordByte(b) {
                if !inWord { h = (h ^ 0x20) &* 0x100000001b3; words += 1; inWord = true }
                h = (h ^ UInt64(MetadataPatternTable.lower(b))) &* 0x100000001b3
            } else {
                inWord = false
            }
        }
        return (h, words)
    }

    /// Lower-case letters and digits, runs of anything else as one space; and the word count.
    static func key(_ bytes: ArraySlice<UInt8>) -> ([UInt8], Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var words = 0
        var inWord = false
        for b in bytes {
            if MetadataPatternTable.isWordByte(b) {
                if !inWord { if !out.isEmpty { out.append(0x20) }; words += 1; inWord = true }
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else {
                inWord = false
            }
        }
        return (out, words)
    }
}
