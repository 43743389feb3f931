import RedlineCore

/// `kind: substitution`: a wrong word or phrase, with the right one as a fix.
///
/// ```yaml
/// kind: substitution
/// description: The capital of Ukraine is Kyiv.
/// swap:                       # wrong → right; whole words or phrases
///   Kiev: Kyiv
/// exceptions: [chicken Kiev]  # never flagged, even if they match
/// ignorecase: true            # default true; the replacement takes the case of the match
/// message: use “%r”, not “%s”  # %s: the matched text, %r: the replacement
/// ```
///
/// Case: with `Kiev: Kyiv`, `Kiev` → `Kyiv`, `KIEV` → `KYIV`, `kiev` → `kyiv`; a possessive
/// keeps its `'s` (`Kiev's` → `Kyiv's`), since the match ends before the apostrophe.
struct SubstitutionRuleFile: RuleFileKind {
    static let name = "substitution"
    static let keys = ["swap", "exceptions", "ignorecase", "message"]
    static let fixes = true

    let wrong: [String]
    let right: [String]
    let exceptions: [String]
    let ignoreCase: Bool
    let message: String

    init(_ reader: MappingReader, summary: String) throws {
        ignoreCase = try reader.ignoreCase(default: true)
        guard let node = reader.node("swap") else {
            throw reader.error("missing required key `swap` (a mapping of wrong: right, e.g. `Kiev: Kyiv`)")
        }
        let swaps = try MappingReader(node, path: reader.path, what: "`swap`: wrong: right pairs")
        guard !swaps.entries.isEmpty else {
            throw reader.error(at: node, "`swap` is empty; expected at least one pair wrong: right")
        }
        var wrong: [String] = [], right: [String] = []
        for entry in swaps.entries {
            if let problem = PhraseMatcher.problem(with: entry.key) {
                throw reader.error(at: entry.keyNode, "“\(entry.key)” in `swap` \(problem)")
            }
            let replacement = try swaps.text(entry.value, what: "the replacement for “\(entry.key)”")
            wrong.append(entry.key)
            right.append(replacement.value)
        }
        self.wrong = wrong
        self.right = right
        exceptions = try reader.phrases("exceptions", what: "phrases never to flag")?.map(\.value) ?? []
        message = try reader.message(default: "use “%r” instead of “%s”")
    }

    func checker(_ info: RuleInfo) -> any Sendable {
        SubstitutionChecker(info: info, matcher: PhraseMatcher(wrong, ignoreCase: ignoreCase), wrong: wrong, right: right,
                            exceptions: PhraseMatcher(exceptions, ignoreCase: ignoreCase), message: message)
    }
}

struct SubstitutionChecker: DocumentChecking {
    let info: RuleInfo
    let matcher: PhraseMatcher
    let wrong: [String]
    let right: [String]
    let exceptions: PhraseMatcher
    let message: String

    func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let matches = matcher.matches(in: document)
        guard !matches.isEmpty else { return [] }
        let kept = Set(Matches.withoutExceptions(matches.map(\.span), exceptions, document))
        var findings: [Finding] = []
        for match in matches where kept.contains(match.span) {
            let text = document.text(match.span)
            let replacement = CaseAdapter.adapt(right[match.phrase], toMatch: text, key: wrong[match.phrase])
            if replacement == text { continue }
            findings.append(Finding(info, span: match.span,
                                    message: MessageTemplate.render(message, match: text, replacement: replacement),
                                    suggestions: [replacement], fix: Fix(span: match.span, replacement: replacement)))
        }
        return findings
    }
}
