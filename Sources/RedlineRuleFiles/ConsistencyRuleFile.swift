import RedlineCore

/// `kind: consistency`: words with several accepted forms, of which a text must use one.
///
/// ```yaml
/// kind: consistency
/// description: Use one spelling of e-mail per article.
/// groups:                      # each a list of alternative forms (whole words or phrases)
///   - [e-mail, email]
///   - [per cent, percent]
/// scope: article               # article (default) or run: across every file of a run
/// exceptions: [Email Express]  # never counted, never flagged
/// ignorecase: true             # default true
/// message: "“%s”, but “%r” elsewhere"  # %s: the match, %r: the form that wins
/// ```
///
/// The winner: the form used most often in the article (in the run, for `scope: run`); on a
/// tie, the form used first. Every use of another form of the group is flagged, with the
/// winning form (in the case of the match) as the suggestion; there is no automatic fix.
struct ConsistencyRuleFile: RuleFileKind {
    static let name = "consistency"
    static let keys = ["groups", "scope", "exceptions", "ignorecase", "message"]
    static let fixes = false

    /// Every form, with its group.
    let forms: [(text: String, group: Int)]
    let acrossRun: Bool
    let exceptions: [String]
    let ignoreCase: Bool
    let message: String

    init(_ reader: MappingReader, summary: String) throws {
        ignoreCase = try reader.ignoreCase(default: true)
        guard let node = reader.node("groups") else {
            throw reader.error("missing required key `groups` (a list of groups of alternative forms, e.g. `- [e-mail, email]`)")
        }
        let groups = try reader.list(node, key: "groups", what: "groups of alternative forms, e.g. `- [e-mail, email]`")
        guard !groups.isEmpty else { throw reader.error(at: node, "`groups` is empty; expected at least one group") }
        var forms: [(String, Int)] = []
        var seen: [String: Int] = [:]
        for (g, group) in groups.enumerated() {
            let items = try reader.list(group, key: "groups", what: "alternative forms (a group such as `[e-mail, email]`)")
            guard items.count >= 2 else {
                throw reader.error(at: group, "a group needs at least two alternative forms, e.g. `[e-mail, email]`")
            }
            for item in items {
                let form = try reader.text(item, what: "a form (a word or phrase)")
                if let problem = PhraseMatcher.problem(with: form.value) {
                    throw reader.error(at: item, "“\(form.value)” in `groups` \(problem)")
                }
                let key = ignoreCase ? form.value.lowercased() : form.value
                if let other = seen[key] {
                    throw reader.error(at: item, "“\(form.value)” is already in group \(other + 1); a form belongs to one group")
                }
                seen[key] = g
                forms.append((form.value, g))
            }
        }
        self.forms = forms
        acrossRun = try reader.choice("scope", ["article", "run"])?.value == "run"
        exceptions = try reader.phrases("exceptions", what: "phrases never to count or flag")?.map(\.value) ?? []
        message = try reader.message(default: acrossRun
            ? "“%s”, but these files mostly use “%r”; use one form throughout"
            : "“%s”, but this article mostly uses “%r”; use one form throughout")
    }

    func checker(_ info: RuleInfo) -> any Sendable {
        let finder = UseFinder(matcher: PhraseMatcher(forms.map(\.text), ignoreCase: ignoreCase), forms: forms,
                               exceptions: PhraseMatcher(exceptions, ignoreCase: ignoreCase))
        if acrossRun { return ConsistencyRunChecker(info: info, finder: finder, message: message) }
        return ConsistencyChecker(info: info, finder: finder, message: message)
    }
}

/// The uses of the forms of every group in a document.
struct UseFinder: Sendable {
    struct Use: Sendable {
        var span: Span
        var group: Int
        /// Index into `forms`.
        var form: Int
    }
    let matcher: PhraseMatcher
    let forms: [(text: String, group: Int)]
    let exceptions: PhraseMatcher

    func uses(in document: Document) -> [Use] {
        let matches = matcher.matches(in: document)
        guard !matches.isEmpty else { return [] }
        let kept = Set(Matches.withoutExceptions(matches.map(\.span), exceptions, document))
        return matches.filter { kept.contains($0.span) }.map { Use(span: $0.span, group: forms[$0.phrase].group, form: $0.phrase) }
    }

    /// For each group where more than one form is used: the winning form (most uses, then first used).
    static func winners(_ uses: [(group: Int, form: Int)]) -> [Int: Int] {
        var count: [Int: Int] = [:], first: [Int: Int] = [:], formsOfGroup: [Int: Set<Int>] = [:]
        for (i, use) in uses.enumerated() {
            count[use.form, default: 0] += 1
            if first[use.form] == nil { first[use.form] = i }
            formsOfGroup[use.group, default: []].insert(use.form)
        }
        var winners: [Int: Int] = [:]
        for (group, used) in formsOfGroup where used.count > 1 {
            winners[group] = used.max { a, b in
                count[a]! != count[b]! ? count[a]! < count[b]! : first[a]! > first[b]!
            }
        }
        return winners
    }
}

/// `scope: article`.
struct ConsistencyChecker: DocumentChecking {
    let info: RuleInfo
    let finder: UseFinder
    let message: String

    func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let uses = finder.uses(in: document)
        guard uses.count > 1 else { return [] }
        let winners = UseFinder.winners(uses.map { ($0.group, $0.form) })
        return uses.compactMap { use in
            guard let winner = winners[use.group], winner != use.form else { return nil }
            let text = document.text(use.span)
            let suggestion = CaseAdapter.adapt(finder.forms[winner].text, toMatch: text, key: finder.forms[use.form].text)
            return Finding(info, span: use.span, message: MessageTemplate.render(message, match: text, replacement: suggestion),
                           suggestions: [suggestion])
        }
    }
}

/// `scope: run`: collects each document's uses, then judges them all together.
struct ConsistencyRunChecker: RunJudging {
    struct Facts: Sendable, Codable {
        struct Use: Sendable, Codable {
            var group: Int
            var form: Int
            var span: Span
            var start: SourceLocation
            var end: SourceLocation
            var match: String
            /// The source line where the use starts (for reports).
            var line: String
        }
        var uses: [Use]
    }

    let info: RuleInfo
    let finder: UseFinder
    let message: String

    func collect(_ document: Document, options: CheckOptions) -> Facts {
        let uses = finder.uses(in: document)
        guard !uses.isEmpty else { return Facts(uses: []) }
        // The engine applies disable comments to per-document findings only; a run rule applies them itself.
        let suppression = Suppression(document)
        let source = document.source
        return Facts(uses: uses.compactMap { use in
            let startLine = source.lineIndex(of: use.span.start)
            if suppression.suppresses(ruleID: info.id, category: info.category, line: startLine) { return nil }
            return Facts.Use(group: use.group, form: use.form, span: use.span, start: source.location(of: use.span.start),
                             end: source.location(of: use.span.end), match: source.text(use.span),
                             line: source.text(source.lineContentSpan(startLine)))
        })
    }

    /// A use is judged by the uses of its group (the winner is the group's majority form).
    func links(_ facts: Facts) -> [[UInt64]]? { facts.uses.map { [UInt64(UInt(bitPattern: $0.group))] } }

    var unlinkedFacts: Facts? { Facts(uses: []) }

    func judge(_ facts: [(path: String, facts: Facts)], options: CheckOptions) -> [Diagnostic] {
        let all = facts.flatMap { item in item.facts.uses.map { (path: item.path, use: $0) } }
        let winners = UseFinder.winners(all.map { ($0.use.group, $0.use.form) })
        guard !winners.isEmpty else { return [] }
        return all.compactMap { path, use in
            guard let winner = winners[use.group], winner != use.form else { return nil }
            let suggestion = CaseAdapter.adapt(finder.forms[winner].text, toMatch: use.match, key: finder.forms[use.form].text)
            let finding = Finding(info, span: Span(0, 0),
                                  message: MessageTemplate.render(message, match: use.match, replacement: suggestion),
                                  suggestions: [suggestion])
            // Resolve against the line alone, then put back the positions collected from the file.
            var diagnostic = Diagnostic(finding: finding, in: SourceFile(path: path, text: use.line))
            diagnostic.span = use.span
            diagnostic.start = use.start
            diagnostic.end = use.end
            diagnostic.match = use.match
            diagnostic.sourceLine = use.line
            return diagnostic
        }
    }
}
