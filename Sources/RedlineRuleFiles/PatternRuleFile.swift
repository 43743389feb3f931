import RedlineCore

/// `kind: pattern`: a regular expression applied to each paragraph or line of a part of the
/// article; every match is flagged.
///
/// ```yaml
/// kind: pattern
/// description: Headlines take no full stop.
/// pattern: '(?<!\.)\.$'      # ICU regular expression
/// scope: {field: title}      # body (default), {first: N}, {last: N} paragraphs, or {field: NAME}
/// over: paragraph            # paragraph (default) or line; not with `field`
/// ignorecase: false          # default false
/// message: headline ends with a full stop   # %s: the matched text; default: the description
/// ```
///
/// `body` is every block of the article (paragraphs, headings, table cells; not the front
/// matter); `first`/`last` count paragraphs only. A `field` is the value of that front-matter
/// key as written (inside its quotes), checked even when Redline does not otherwise check that
/// field. Matches that are empty or that touch masked text (code, URLs, HTML, Markdown syntax)
/// are not reported.
struct PatternRuleFile: RuleFileKind {
    static let name = "pattern"
    static let keys = ["pattern", "scope", "over", "ignorecase", "message"]
    static let fixes = false

    enum Scope: Sendable, Hashable {
        case body
        case first(Int)
        case last(Int)
        case field(String)
    }

    let pattern: CompiledRegex
    let scope: Scope
    let byLine: Bool
    let message: String

    init(_ reader: MappingReader, summary: String) throws {
        let ignoreCase = try reader.ignoreCase(default: false)
        guard let node = reader.node("pattern") else {
            throw reader.error("missing required key `pattern` (a regular expression, e.g. '\\.$')")
        }
        pattern = try reader.regex(node, key: "pattern", ignoreCase: ignoreCase, anchorsMatchLines: false)
        scope = try Self.scope(reader)
        let over = try reader.choice("over", ["paragraph", "line"])
        if let over, case .field = scope {
            throw RuleFileError(path: reader.path, line: over.position.line, column: over.position.column,
                                message: "`over` does not apply to a `field` scope (a field value is matched whole)")
        }
        byLine = over?.value == "line"
        let firstSentence = summary.range(of: ". ").map { String(summary[..<$0.lowerBound]) } ?? summary
        message = try reader.message(default: firstSentence.hasSuffix(".") ? String(firstSentence.dropLast()) : firstSentence)
    }

    private static func scope(_ reader: MappingReader) throws -> Scope {
        guard let node = reader.node("scope") else { return .body }
        let expected = "expected `body`, `{first: N}`, `{last: N}` or `{field: NAME}`"
        if case .scalar = node {
            let value = try reader.text(node, what: "`scope`")
            guard value.value == "body" else { throw reader.error(at: node, "`scope` cannot be “\(value.value)”; \(expected)") }
            return .body
        }
        guard case .mapping = node else { throw reader.error(at: node, "`scope`: \(expected), found \(node.kindDescription)") }
        let scope = try MappingReader(node, path: reader.path, what: "`scope`")
        try scope.rejectUnknownKeys(allowed: ["first", "last", "field"], in: "`scope`")
        guard scope.entries.count == 1, let entry = scope.entries.first else {
            throw reader.error(at: node, "`scope` takes exactly one of `first`, `last`, `field`; \(expected)")
        }
        switch entry.key {
        case "first": return .first(try scope.int(entry.value, key: "first", minimum: 1))
        case "last": return .last(try scope.int(entry.value, key: "last", minimum: 1))
        default: return .field(try scope.text(entry.value, what: "`field`: a front-matter key such as `title`").value)
        }
    }

    func checker(_ info: RuleInfo) -> any Sendable {
        PatternChecker(info: info, pattern: pattern, scope: scope, byLine: byLine, message: message)
    }
}

struct PatternChecker: DocumentChecking {
    let info: RuleInfo
    let pattern: CompiledRegex
    let scope: PatternRuleFile.Scope
    let byLine: Bool
    let message: String

    func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var spans: [Span] = []
        if case .field(let key) = scope {
            // The value as written: fields Redline does not check are masked in `checkable`.
            guard let field = document.frontMatter?.fields.first(where: { $0.key == key }), let span = field.span,
                  !span.isEmpty, span.end <= document.source.bytes.count else { return [] }
            let bytes = document.source.bytes
            guard pattern.mayMatch(bytes, span.start..<span.end) else { return [] }
            spans = pattern.spans(in: bytes, span.start..<span.end)
        } else {
            let bytes = document.checkable
            guard pattern.mayMatch(bytes, 0..<bytes.count) else { return [] }
            for segment in segments(document) where pattern.mayMatch(bytes, segment.start..<segment.end) {
                spans += pattern.spans(in: bytes, segment.start..<segment.end).filter { TextBytes.isUnmasked($0, in: document) }
            }
        }
        return spans.map { Finding(info, span: $0, message: MessageTemplate.render(message, match: document.text($0))) }
    }

    /// The paragraphs (or lines) the pattern applies to, in order.
    private func segments(_ document: Document) -> [Span] {
        var blocks: [Span]
        let body = document.blocks.filter { if case .frontMatter = $0.kind { return false } else { return true } }
        switch scope {
        case .body, .field: blocks = body.map(\.span).sorted()
        case .first(let n): blocks = Array(body.filter { $0.kind == .paragraph }.map(\.span).sorted().prefix(n))
        case .last(let n): blocks = Array(body.filter { $0.kind == .paragraph }.map(\.span).sorted().suffix(n))
        }
        guard byLine else { return blocks }
        let bytes = document.checkable
        var lines: [Span] = []
        for block in blocks {
            var start = block.start
            var i = block.start
            while i <= block.end {
                if i == block.end || bytes[i] == 0x0A {
                    var end = i
                    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                    // Skip indentation and masked Markdown at the start of the line.
                    var s = start
                    while s < end && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
                    if s < end { lines.append(Span(s, end)) }
                    start = i + 1
                }
                i += 1
            }
        }
        return lines
    }
}
