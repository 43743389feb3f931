import RedlineCore

/// Reads plain text: optional YAML front matter, then paragraphs separated by blank lines.
///
/// Every byte of the body is checkable (a BOM and NUL bytes are not); each paragraph is a
/// `.paragraph` block from its first to its last non-blank byte. LF and CRLF line ends both work.
public enum PlainTextReader {
    /// Reads a plain-text file: front matter, then the body as paragraphs.
    public static func read(_ source: SourceFile) -> ReadResult {
        let bytes = source.bytes
        let fm = FrontMatterReader.parse(source)
        var checkable = bytes
        var blocks = fm.apply(to: &checkable, bytes: bytes, bomLength: source.bomLength)
        let bodyStart = max(fm.bodyStart, source.bomLength)

        bytes.withUnsafeBufferPointer { buf in
            var paraStart = -1, paraEnd = -1
            var lineBlank = true
            var i = bodyStart
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == ReaderBytes.lf {
                    if lineBlank && paraStart >= 0 {
                        blocks.append(Block(kind: .paragraph, span: Span(paraStart, paraEnd)))
                        paraStart = -1
                    }
                    lineBlank = true
                } else if b == 0 {
                    checkable[i] = ReaderBytes.space
                } else if !ReaderBytes.isBlank(b) {
                    lineBlank = false
                    if paraStart < 0 { paraStart = i }
                    paraEnd = i + 1
                }
                i += 1
            }
            if paraStart >= 0 {
                blocks.append(Block(kind: .paragraph, span: Span(paraStart, paraEnd)))
            }
        }
        var problems: [ReaderNote] = []
        if let p = fm.problem { problems.append(p) }
        return ReadResult(checkable: checkable, blocks: blocks, frontMatter: fm.frontMatter,
                          directives: [], problems: problems)
    }
}
