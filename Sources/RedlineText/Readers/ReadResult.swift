import RedlineCore

/// What a format reader hands to the tokenizer.
public struct ReadResult: Sendable {
    /// Same length as `source.bytes`. Every byte not to be checked is replaced by a space (0x20);
    /// line ends (`\n` and `\r`) are kept, so offsets and line numbers match the source.
    public var checkable: [UInt8]
    /// Checkable prose units in source order; each span runs from the first to the last
    /// checkable (non-blank) byte of its block.
    public var blocks: [Block]
    /// The parsed front matter, or nil when there is none (or it did not parse).
    public var frontMatter: FrontMatter?
    /// `<!-- redline-disable … -->`, `<!-- redline-enable … -->` and
    /// `<!-- redline-disable-next-line … -->` comments, in source order (Markdown only).
    public var directives: [SuppressionDirective]
    /// Things the reader could not make sense of (e.g. front matter that is not valid YAML).
    public var problems: [ReaderNote]

    public init(checkable: [UInt8], blocks: [Block], frontMatter: FrontMatter?,
                directives: [SuppressionDirective] = [], problems: [ReaderNote] = []) {
        self.checkable = checkable
        self.blocks = blocks
        self.frontMatter = frontMatter
        self.directives = directives
        self.problems = problems
    }
}

/// Byte helpers shared by the readers.
enum ReaderBytes {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    /// Space, tab, vertical tab, form feed, CR (not LF).
    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool {
        b == space || b == tab || b == cr || b == 0x0B || b == 0x0C
    }

    /// A copy of `bytes` with every byte except line ends replaced by a space.
    static func fullyMasked(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: space, count: bytes.count)
        bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count where src[i] == lf || src[i] == cr { dst[i] = src[i] }
            }
        }
        return out
    }

    /// Replaces `range` of `checkable` by spaces, keeping line ends as they are in `source`.
    static func mask(_ checkable: inout [UInt8], _ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        checkable.withUnsafeMutableBufferPointer { dst in
            source.withUnsafeBufferPointer { src in
                for i in range {
                    let b = src[i]
                    dst[i] = (b == lf || b == cr) ? b : space
                }
            }
        }
    }

    /// Copies `range` of `source` into `checkable` (makes it checkable again).
    static func unmask(_ checkable: inout [UInt8], _ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        checkable.withUnsafeMutableBufferPointer { dst in
            source.withUnsafeBufferPointer { src in
                for i in range { dst[i] = src[i] }
            }
        }
    }

    /// The span from the first to the last non-blank byte inside `ranges` (sorted), or nil.
    static func tightSpan(_ ranges: [Range<Int>], in bytes: [UInt8]) -> Span? {
        var first = -1, last = -1
        for r in ranges {
            var i = r.lowerBound
            while i < r.upperBound {
                let b = bytes[i]
                if !(isBlank(b) || b == lf || b == 0) {
                    if first < 0 { first = i }
                    last = i
                }
                i += 1
            }
        }
        guard first >= 0 else { return nil }
        // Extend the last byte to the end of its UTF-8 sequence.
        var end = last + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Span(first, end)
    }
}
