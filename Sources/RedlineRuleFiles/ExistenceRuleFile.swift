import RedlineCore

/// `kind: existence`: words, phrases or patterns that should not appear.
///
/// ```yaml
/// kind: existence
/// description: Clichés that say little.
/// tokens: [level playing field, tip of the iceberg]   # whole words, case-insensitive
/// patterns: ['\bslam(s|med)\b']                        # ICU regular expressions
/// exceptions: [Iceberg Tip Ltd]                         # never flagged, even if they match
/// ignorecase: true                                      # default true (tokens and patterns)
/// message: "“%s” is a cliché"                           # %s: the matched text
/// ```
struct ExistenceRuleFile: RuleFileKind {
    static let name = "existence"
    static let keys = ["tokens", "patterns", "exceptions", "ignorecase", "message"]
    static let fixes = false

    let tokens: [String]
    let patterns: [CompiledRegex]
    let exceptions: [String]
    let ignoreCase: Bool
    let message: String

    init(_ reader: MappingReader, summary: String) throws {
        ignoreCase = try reader.ignoreCase(default: true)
        tokens = try reader.phrases("tokens", what: "words or phrases to flag")?.map(\.value) ?? []
        var patterns: [CompiledRegex] = []
        if let node = reader.node("patterns") {
            for item in try reader.list(node, key: "patterns", what: "regular expressions") {
                patterns.append(try reader.regex(item, key: "patterns", ignoreCase: ignoreCase, anchorsMatchLines: true))
            }
        }
        self.patterns = patterns
        guard !tokens.isEmpty || !patterns.isEmpty else {
            throw reader.error("an existence rule needs `tokens:` (words or phrases) or `patterns:` (regular expressions), "
                + "as a list with at least one item")
        }
        exceptions = try reader.phrases("exceptions", what: "phrases never to flag")?.map(\.value) ?? []
        message = try reader.message(default: "avoid “%s”")
    }

    func checker(_ info: RuleInfo) -> any Sendable {
        ExistenceChecker(info: info, tokens: PhraseMatcher(tokens, ignoreCase: ignoreCase), patterns: patterns,
                         exceptions: PhraseMatcher(exceptions, ignoreCase: ignoreCase), message: message)
    }
}

struct ExistenceChecker: DocumentChecking {
    let info: RuleInfo
    let tokens: PhraseMatcher
    let patterns: [CompiledRegex]
    let exceptions: PhraseMatcher
    let message: String

    func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var spans = tokens.matches(in: document).map(\.span)
        if !patterns.isEmpty {
            let bytes = document.checkable
            let whole = 0..<bytes.count
            var blocks: [Span]? = nil
            for pattern in patterns where pattern.mayMatch(bytes, whole) {
                let sorted = blocks ?? TextBytes.sortedBlockSpans(document)
                blocks = sorted
                for span in pattern.spans(in: bytes, whole)
                where TextBytes.isInsideOneBlock(span, sorted) && TextBytes.isUnmasked(span, in: document) {
                    spans.append(span)
                }
            }
        }
        guard !spans.isEmpty else { return [] }
        return Matches.withoutExceptions(Matches.nonOverlapping(spans), exceptions, document).map { span in
            Finding(info, span: span, message: MessageTemplate.render(message, match: document.text(span)))
        }
    }
}

/// Tidying of match lists shared by the kinds.
enum Matches {
    /// In order; of two overlapping spans the earlier (then the longer) is kept.
    static func nonOverlapping(_ spans: [Span]) -> [Span] {
        var kept: [Span] = []
        for span in spans.sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }) {
            if let last = kept.last, span.start < last.end { continue }
            kept.append(span)
        }
        return kept
    }

    /// Drops spans that overlap a match of an exception phrase.
    static func withoutExceptions(_ spans: [Span], _ exceptions: PhraseMatcher, _ document: Document) -> [Span] {
        guard !exceptions.isEmpty, !spans.isEmpty else { return spans }
        let excepted = exceptions.matches(in: document).map(\.span)
        guard !excepted.isEmpty else { return spans }
        return spans.filter { span in !excepted.contains { $0.overlaps(span) } }
    }
}
