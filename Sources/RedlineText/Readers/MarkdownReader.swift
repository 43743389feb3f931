import Foundation
import CCmark
import RedlineCore

/// Reads Markdown (CommonMark + GFM tables, strikethrough and task lists) with optional YAML
/// front matter.
///
/// cmark-gfm builds the tree; positions come from each leaf block's start line, from which each
/// text node's literal is searched for in the source (escapes and entities count as the
/// characters they decode to). Exactly the source bytes that produce a text node's characters are
/// checkable; everything else — code, HTML, link destinations and titles, reference definitions,
/// autolinks, Markdown syntax, escape backslashes, entity references — is masked.
public enum MarkdownReader {
    /// Reads a Markdown file: front matter, checkable text, blocks and suppression comments.
    public static func read(_ source: SourceFile) -> ReadResult {
        var stats = Stats()
        return read(source, stats: &stats)
    }

    /// Counts kept for tests and diagnostics.
    struct Stats {
        /// Text nodes inside leaf blocks.
        var textNodes = 0
        /// Text nodes whose literal was not found in the source (left masked).
        var missedTextNodes = 0
    }

    static func read(_ source: SourceFile, stats: inout Stats) -> ReadResult {
        let bytes = source.bytes
        let fm = FrontMatterReader.parse(source)
        var checkable = ReaderBytes.fullyMasked(bytes)
        var blocks = fm.apply(to: &checkable, bytes: bytes, bomLength: source.bomLength)
        var problems: [ReaderNote] = []
        if let p = fm.problem { problems.append(p) }

        // cmark's input: the file less its BOM, front matter blanked (line ends kept) so that
        // cmark's line numbers stay those of the file.
        let bom = source.bomLength
        var walker = MarkdownWalker(source: source)
        if fm.bodyStart > bom {
            var input = Array(bytes[bom...])
            for i in 0..<(fm.bodyStart - bom) where input[i] != ReaderBytes.lf && input[i] != ReaderBytes.cr {
                input[i] = ReaderBytes.space
            }
            input.withUnsafeBufferPointer { inp in
                bytes.withUnsafeBufferPointer { src in walker.run(input: inp, src: src) }
            }
        } else {
            bytes.withUnsafeBufferPointer { src in
                walker.run(input: UnsafeBufferPointer(rebasing: src[bom...]), src: src)
            }
        }
        for r in walker.ranges { ReaderBytes.unmask(&checkable, bytes, r) }
        stats.textNodes = walker.textNodes
        stats.missedTextNodes = walker.missedTextNodes
        blocks.append(contentsOf: walker.blocks)
        return ReadResult(checkable: checkable, blocks: blocks, frontMatter: fm.frontMatter,
                          directives: walker.directives, problems: problems)
    }
}

/// Registers the GFM core extensions once per process (registration is not thread-safe).
enum CmarkExtensions {
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while cmark-gfm parses: this version keeps the table of special inline characters
    /// in a global that every parse sets up and then clears for its extensions (`~` for
    /// strikethrough), so a parse ending on one thread made another miss `~~struck~~` text.
    static let parseLock = NSLock()
}

/// Walks a cmark-gfm tree and maps its text back to source bytes.
struct MarkdownWalker {
    let source: SourceFile
    /// Line starts as cmark counts lines (LF, CR and CRLF all end a line).
    let lineStarts: [Int]

    /// Source ranges to make checkable.
    var ranges: [Range<Int>] = []
    var blocks: [Block] = []
    var directives: [SuppressionDirective] = []
    var textNodes = 0
    var missedTextNodes = 0

    private var src = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var cursor = 0
    private var limit = 0
    private var inLeaf = false
    private var leafKind = Block.Kind.paragraph
    private var leafRangesStart = 0
    private var quoteDepth = 0
    private var listDepth = 0
    private var tableCellDepth = 0

    private struct LinkFrame {
        var isImage: Bool
        var rangesStart: Int
        var firstStart = -1
        var lastEnd = -1
    }
    private var links: [LinkFrame] = []
    private var scratch: [Range<Int>] = []
    private var entityCache: [[UInt8]: [UInt8]] = [:]

    private enum ExtensionKind { case tableCell, other }
    private var extensionKinds: [UInt32: ExtensionKind] = [:]

    init(source: SourceFile) {
        self.source = source
        var starts = [0]
        source.bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c == 0x0A { starts.append(i + 1) }
                else if c == 0x0D {
                    if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// Offset of the start of a 1-based cmark line (clamped).
    private func offset(ofLine line: Int) -> Int {
        let l = line - 1
        if l < 0 { return 0 }
        if l >= lineStarts.count { return src.count }
        return lineStarts[l]
    }

    /// Offset just past the end (line end included) of a 1-based cmark line.
    private func end(ofLine line: Int) -> Int {
        if line < 1 || line >= lineStarts.count { return src.count }
        return lineStarts[line]
    }

    mutating func run(input: UnsafeBufferPointer<UInt8>, src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        defer { self.src = UnsafeBufferPointer(start: nil, count: 0) }
        _ = CmarkExtensions.registered
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        CmarkExtensions.parseLock.lock()
        if let base = input.baseAddress, input.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: input.count) { cmark_parser_feed(parser, $0, input.count) }
        }
        let parsed = cmark_parser_finish(parser)
        CmarkExtensions.parseLock.unlock()
        guard let document = parsed else { return }
        defer { cmark_node_free(document) }
        guard let iter = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iter) }

        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type)
            } else {
                exit(node, type)
            }
        }
    }

    private mutating func extensionKind(_ node: OpaquePointer, _ type: cmark_node_type) -> ExtensionKind {
        if let k = extensionKinds[type.rawValue] { return k }
        var kind = ExtensionKind.other
        if let name = cmark_node_get_type_string(node), CString.equals(name, "table_cell") { kind = .tableCell }
        extensionKinds[type.rawValue] = kind
        return kind
    }

    private mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_TEXT:
            if inLeaf, let lit = cmark_node_get_literal(node) { matchText(lit) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            break
        case CMARK_NODE_CODE:
            if inLeaf { skipCodeSpan() }
        case CMARK_NODE_HTML_INLINE:
            if inLeaf { inlineHTML(node) }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            links.append(LinkFrame(isImage: type == CMARK_NODE_IMAGE, rangesStart: ranges.count))
        case CMARK_NODE_PARAGRAPH:
            beginLeaf(node, .paragraph)
        case CMARK_NODE_HEADING:
            beginLeaf(node, .heading(level: Int(cmark_node_get_heading_level(node))))
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += 1
        case CMARK_NODE_LIST:
            listDepth += 1
        case CMARK_NODE_HTML_BLOCK:
            htmlBlock(node)
        case CMARK_NODE_DOCUMENT, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK,
             CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE,
             CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_FOOTNOTE_REFERENCE:
            break
        default:
            if extensionKind(node, type) == .tableCell {
                tableCellDepth += 1
                beginLeaf(node, .tableCell)
            }
        }
    }

    private mutating func exit(_ node: OpaquePointer, _ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            exitLink()
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            endLeaf()
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth -= 1
        case CMARK_NODE_LIST:
            listDepth -= 1
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_DOCUMENT, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE,
             CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_FOOTNOTE_REFERENCE:
            break
        default:
            if extensionKind(node, type) == .tableCell, tableCellDepth > 0 {
                tableCellDepth -= 1
                endLeaf()
            }
        }
    }

    // MARK: - Leaf blocks

    private mutating func beginLeaf(_ node: OpaquePointer, _ kind: Block.Kind) {
        var startLine = Int(cmark_node_get_start_line(node))
        var endLine = Int(cmark_node_get_end_line(node))
        if startLine < 1, let parent = cmark_node_parent(node) {
            startLine = Int(cmark_node_get_start_line(parent))
            endLine = Int(cmark_node_get_end_line(parent))
        }
        cursor = max(cursor, min(offset(ofLine: startLine), src.count))
        limit = endLine >= startLine && endLine >= 1 ? end(ofLine: endLine) : src.count
        if limit < cursor { limit = cursor }
        inLeaf = true
        leafKind = kind
        leafRangesStart = ranges.count
        links.removeAll(keepingCapacity: true)
    }

    private mutating func endLeaf() {
        guard inLeaf else { return }
        inLeaf = false
        links.removeAll(keepingCapacity: true)
        var first = -1, last = -1
        for r in ranges[leafRangesStart...] {
            for i in r {
                let b = src[i]
                if !(ReaderBytes.isBlank(b) || b == ReaderBytes.lf) {
                    if first < 0 { first = i }
                    last = i
                }
            }
        }
        guard first >= 0 else { return }
        blocks.append(Block(kind: leafKind, span: Span(first, last + 1), inList: listDepth > 0, inQuote: quoteDepth > 0))
    }

    // MARK: - Text

    private mutating func matchText(_ literal: UnsafePointer<CChar>) {
        let count = CString.length(literal)
        guard count > 0 else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { p in
            let lit = UnsafeBufferPointer(start: p, count: count)
            textNodes += 1
            guard let (start, end) = find(lit, decode: true) else { missedTextNodes += 1; return }
            ranges.append(contentsOf: scratch)
            cursor = end
            if !links.isEmpty {
                if links[links.count - 1].firstStart < 0 { links[links.count - 1].firstStart = start }
                links[links.count - 1].lastEnd = end
            }
        }
    }

    /// Finds `lit` at or after the cursor, before the limit; the bytes to unmask are left in `scratch`.
    private mutating func find(_ lit: UnsafeBufferPointer<UInt8>, decode: Bool) -> (Int, Int)? {
        let first = lit[0]
        var p = cursor
        while p < limit {
            let b = src[p]
            if b == first || (decode && (b == 0x5C || b == 0x26)) || b == 0 {
                if let end = match(lit, at: p, decode: decode) { return (p, end) }
            }
            p += 1
        }
        return nil
    }

    @inline(__always) private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Matches `lit` exactly at `p`. With `decode`, a backslash escape or an entity reference in the
    /// source stands for the character(s) it decodes to (and is not unmasked). Raw literals (HTML)
    /// may cross line ends, after which container prefixes and indentation are skipped.
    private mutating func match(_ lit: UnsafeBufferPointer<UInt8>, at p: Int, decode: Bool) -> Int? {
        scratch.removeAll(keepingCapacity: true)
        var runStart = -1
        var si = p, li = 0
        let n = lit.count
        @inline(__always) func close(_ at: Int) {
            if runStart >= 0 { scratch.append(runStart..<at); runStart = -1 }
        }
        while li < n {
            guard si < limit else { return nil }
            let s = src[si], l = lit[li]
            if decode {
                if s == 0x5C, si + 1 < limit, src[si + 1] == l, Self.isASCIIPunctuation(l) {
                    close(si)
                    runStart = si + 1
                    si += 2; li += 1
                    continue
                }
                if s == 0x26, let (entityEnd, decoded) = entity(at: si), !decoded.isEmpty,
                   li + decoded.count <= n, decoded.elementsEqual(lit[li..<(li + decoded.count)]) {
                    close(si)
                    si = entityEnd; li += decoded.count
                    continue
                }
            }
            if !decode && l == 0x0A && (s == 0x0A || s == 0x0D) {
                close(si)
                si += 1
                if s == 0x0D && si < limit && src[si] == 0x0A { si += 1 }
                li += 1
                skipContinuationPrefix(&si, next: li < n ? lit[li] : 0)
                continue
            }
            if s == l {
                if runStart < 0 { runStart = si }
                si += 1; li += 1
                continue
            }
            if s == 0 && l == 0xEF && li + 2 < n && lit[li + 1] == 0xBF && lit[li + 2] == 0xBD {
                close(si)
                si += 1; li += 3
                continue
            }
            return nil
        }
        close(si)
        return si
    }

    /// After a line end inside a raw literal: blanks and block-quote markers.
    private func skipContinuationPrefix(_ si: inout Int, next: UInt8) {
        while si < limit {
            let b = src[si]
            if b == 0x20 || b == 0x09 { si += 1; continue }
            if b == 0x3E && next != 0x3E { si += 1; continue }
            break
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `i`: its end and the bytes it decodes to (empty when it is
    /// not an entity cmark knows).
    private mutating func entity(at i: Int) -> (Int, [UInt8])? {
        var j = i + 1
        guard j < limit else { return nil }
        if src[j] == 0x23 {  // '#'
            j += 1
            if j < limit && (src[j] == 0x78 || src[j] == 0x58) {
                j += 1
                let s = j
                while j < limit && j - s < 7, isHex(src[j]) { j += 1 }
                guard j > s && j - s <= 6 else { return nil }
            } else {
                let s = j
                while j < limit && j - s < 8, src[j] >= 0x30 && src[j] <= 0x39 { j += 1 }
                guard j > s && j - s <= 7 else { return nil }
            }
        } else {
            let s = j
            while j < limit && j - s < 40, isAlnum(src[j]) { j += 1 }
            guard j > s && j - s < 40 else { return nil }
        }
        guard j < limit && src[j] == 0x3B else { return nil }  // ';'
        let raw = Array(src[i...j])
        if let cached = entityCache[raw] { return (j + 1, cached) }
        let decoded = Self.decodeEntity(raw)
        entityCache[raw] = decoded
        return (j + 1, decoded)
    }

    @inline(__always) private func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }
    @inline(__always) private func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Lets cmark decode one entity reference (so its full HTML5 table is used).
    private static func decodeEntity(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        raw.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { ptr in
                guard let doc = cmark_parse_document(ptr, buf.count, CMARK_OPT_DEFAULT) else { return }
                defer { cmark_node_free(doc) }
                guard let para = cmark_node_first_child(doc), cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH else { return }
                var child = cmark_node_first_child(para)
                while let c = child {
                    guard cmark_node_get_type(c) == CMARK_NODE_TEXT, let lit = cmark_node_get_literal(c) else { out = []; return }
                    let len = CString.length(lit)
                    lit.withMemoryRebound(to: UInt8.self, capacity: len) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: len)) }
                    child = cmark_node_next(c)
                }
            }
        }
        return out == raw ? [] : out
    }

    // MARK: - Code, HTML, links

    /// Moves the cursor past the next code span (a backtick run and the next run of equal length).
    private mutating func skipCodeSpan() {
        var i = cursor
        while i < limit && src[i] != 0x60 {
            i += src[i] == 0x5C ? 2 : 1
        }
        guard i < limit else { return }
        var j = i
        while j < limit && src[j] == 0x60 { j += 1 }
        let n = j - i
        while j < limit {
            if src[j] == 0x60 {
                let s = j
                while j < limit && src[j] == 0x60 { j += 1 }
                if j - s == n { cursor = j; return }
            } else {
                j += 1
            }
        }
    }

    private mutating func inlineHTML(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let count = CString.length(literal)
        guard count > 0 else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { p in
            let lit = UnsafeBufferPointer(start: p, count: count)
            var line: Int
            if let (start, end) = find(lit, decode: false) {
                cursor = end
                line = source.lineIndex(of: start)
            } else {
                line = sourceLine(ofCmarkLine: Int(cmark_node_get_start_line(node)))
            }
            Self.parseDirectives(lit, firstLine: line, into: &directives)
        }
    }

    private mutating func htmlBlock(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let count = CString.length(literal)
        guard count > 0 else { return }
        let line = sourceLine(ofCmarkLine: Int(cmark_node_get_start_line(node)))
        literal.withMemoryRebound(to: UInt8.self, capacity: count) { p in
            Self.parseDirectives(UnsafeBufferPointer(start: p, count: count), firstLine: line, into: &directives)
        }
    }

    private func sourceLine(ofCmarkLine line: Int) -> Int {
        source.lineIndex(of: min(offset(ofLine: max(line, 1)), max(src.count - 1, 0)))
    }

    private mutating func exitLink() {
        guard let frame = links.popLast() else { return }
        if !links.isEmpty {
            if links[links.count - 1].firstStart < 0 { links[links.count - 1].firstStart = frame.firstStart }
            if frame.lastEnd >= 0 { links[links.count - 1].lastEnd = frame.lastEnd }
        }
        guard inLeaf else { return }
        // An autolink `<…>`: its text stays masked.
        if !frame.isImage, frame.firstStart >= 1, frame.lastEnd >= 0, frame.lastEnd < limit,
           src[frame.firstStart - 1] == 0x3C, src[frame.lastEnd] == 0x3E {
            ranges.removeSubrange(frame.rangesStart...)
            cursor = frame.lastEnd + 1
            return
        }
        skipLinkTail()
    }

    /// Moves the cursor past `](destination "title")`, `][label]` or `]`.
    private mutating func skipLinkTail() {
        var i = cursor
        while i < limit && src[i] != 0x5D {  // ']'
            i += src[i] == 0x5C ? 2 : 1
        }
        guard i < limit else { return }
        i += 1
        cursor = i
        guard i < limit else { return }
        if src[i] == 0x5B {  // '[' label
            var j = i + 1
            while j < limit && src[j] != 0x5D { j += src[j] == 0x5C ? 2 : 1 }
            if j < limit { cursor = j + 1 }
            return
        }
        guard src[i] == 0x28 else { return }  // '('
        var j = i + 1
        skipLinkWhitespace(&j)
        guard j < limit else { return }
        if src[j] == 0x3C {  // <destination>
            j += 1
            while j < limit && src[j] != 0x3E && src[j] != 0x0A { j += src[j] == 0x5C ? 2 : 1 }
            guard j < limit && src[j] == 0x3E else { return }
            j += 1
        } else {
            var depth = 0
            while j < limit {
                let c = src[j]
                if c == 0x5C { j += 2; continue }
                if c <= 0x20 { break }
                if c == 0x28 { depth += 1 }
                if c == 0x29 { if depth == 0 { break }; depth -= 1 }
                j += 1
            }
        }
        skipLinkWhitespace(&j)
        guard j < limit else { return }
        let open = src[j]
        if open == 0x22 || open == 0x27 || open == 0x28 {  // title
            let close: UInt8 = open == 0x28 ? 0x29 : open
            j += 1
            while j < limit && src[j] != close { j += src[j] == 0x5C ? 2 : 1 }
            guard j < limit else { return }
            j += 1
            skipLinkWhitespace(&j)
        }
        if j < limit && src[j] == 0x29 { cursor = j + 1 }
    }

    private func skipLinkWhitespace(_ j: inout Int) {
        while j < limit {
            let b = src[j]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { j += 1; continue }
            if b == 0x3E && j > 0 && (src[j - 1] == 0x0A || src[j - 1] == 0x20 || src[j - 1] == 0x0D) {
                // A block-quote marker on a continuation line.
                var k = j - 1
                while k > 0 && (src[k] == 0x20 || src[k] == 0x3E) { k -= 1 }
                if src[k] == 0x0A || src[k] == 0x0D { j += 1; continue }
            }
            break
        }
    }

    // MARK: - Directives

    /// Finds `<!-- redline-disable … -->`, `<!-- redline-enable … -->`,
    /// `<!-- redline-disable-next-line … -->` and `<!-- redline-accept WORD… -->` comments in raw
    /// HTML whose first line is `firstLine`.
    static func parseDirectives(_ html: UnsafeBufferPointer<UInt8>, firstLine: Int, into out: inout [SuppressionDirective]) {
        let n = html.count
        var i = 0
        var line = firstLine
        while i + 4 <= n {
            let b = html[i]
            if b == 0x0A { line += 1; i += 1; continue }
            guard b == 0x3C, html[i + 1] == 0x21, html[i + 2] == 0x2D, html[i + 3] == 0x2D else { i += 1; continue }
            let commentLine = line
            let bodyStart = i + 4
            var j = bodyStart
            var bodyEnd = -1
            while j + 3 <= n {
                if html[j] == 0x2D && html[j + 1] == 0x2D && html[j + 2] == 0x3E { bodyEnd = j; break }
                if html[j] == 0x0A { line += 1 }
                j += 1
            }
            guard bodyEnd >= 0 else { return }
            if let d = directive(html, bodyStart..<bodyEnd, line: commentLine) { out.append(d) }
            i = bodyEnd + 3
        }
    }

    private static let prefixes: [(String, SuppressionDirective.Action)] = [
        ("redline-accept", .acceptWords),
        ("redline-disable-next-line", .disableNextLine),
        ("redline-disable", .disable),
        ("redline-enable", .enable),
    ]

    private static func directive(_ html: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, line: Int) -> SuppressionDirective? {
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var s = body.lowerBound
        while s < body.upperBound && isSpace(html[s]) { s += 1 }
        for (prefix, action) in prefixes {
            let p = Array(prefix.utf8)
            guard s + p.count <= body.upperBound, html[s..<(s + p.count)].elementsEqual(p) else { continue }
            var i = s + p.count
            guard i == body.upperBound || isSpace(html[i]) else { continue }
            var rules: [String] = []
            while i < body.upperBound {
                while i < body.upperBound && (isSpace(html[i]) || html[i] == 0x2C) { i += 1 }
                let start = i
                while i < body.upperBound && !(isSpace(html[i]) || html[i] == 0x2C) { i += 1 }
                if i > start { rules.append(String(decoding: html[start..<i], as: UTF8.self)) }
            }
            return SuppressionDirective(action: action, rules: rules, line: line)
        }
        return nil
    }
}

/// C string helpers (no libc import needed).
enum CString {
    static func length(_ p: UnsafePointer<CChar>) -> Int {
        var n = 0
        while p[n] != 0 { n += 1 }
        return n
    }

    static func equals(_ p: UnsafePointer<CChar>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        let b = s.utf8Start
        for i in 0..<n where UInt8(bitPattern: p[i]) != b[i] { return false }
        return p[n] == 0
    }
}
