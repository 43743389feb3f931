import RedlineCore

/// `names.inconsistent`: one article spells a name two ways ("Zelenskyy" and "Zelenskiy",
/// "Kyiv" and "Kiev"). No table is needed: spellings with one transliteration skeleton are
/// compared, with the names table and the words around each mention as evidence (see
/// `NameEvidence`). The spelling the article uses less is flagged (on a tie, the later one),
/// with the majority spelling as the fix. Possessives are the same spelling ("Kyiv’s").
///
/// When a house style is set (`house: {names: ap}`) and the table has a preferred form for the
/// name, `names.variant` reports it instead.
public struct InconsistentNameRule: DocumentRule {
    public static let info = RuleInfo(
        id: "names.inconsistent",
        category: .transliteration,
        defaultSeverity: .warning,
        summary: "A name spelled two ways in one article (two transliterations, such as Zelenskyy and "
            + "Zelenskiy, or Kyiv and Kiev). The spelling used less is flagged, the later one on a tie, with "
            + "the other as the fix. Different people with similar names (Mohamed Salah, Mohammed bin "
            + "Salman) and ordinary words are told apart by the names around them; misspellings are left "
            + "to the spelling rules.",
        flags: [
            RuleExample("President Volodymyr Zelenskyy spoke in Kyiv. Later «Zelenskiy» met the mayor; Zelenskyy’s aides left.",
                        fixed: "President Volodymyr Zelenskyy spoke in Kyiv. Later Zelenskyy met the mayor; Zelenskyy’s aides left."),
            RuleExample("Shells hit Kharkiv overnight. «Kharkov»’s mayor said Kharkiv would rebuild.",
                        fixed: "Shells hit Kharkiv overnight. Kharkiv’s mayor said Kharkiv would rebuild."),
            RuleExample("Viktor Yanukovych lost the vote. Supporters of Viktor «Yanukovich» marched."),
            RuleExample("The court heard from Dmitriy Ostapchuk. Ostapchuk’s lawyer said «Dmitry» Ostapchuk would appeal."),
        ],
        passes: [
            RuleExample("Mohamed Salah scored twice as Crown Prince Mohammed bin Salman watched."),
            RuleExample("Austria beat Australia in the final."),
            RuleExample("President Zelenskyy spoke. Later Zelenksyy met the mayor."),
            RuleExample("Steven Gerrard scored and Gerard Houllier praised him."),
            RuleExample("Phillips, the electronics maker, hired Jon Philips as chief executive."),
            RuleExample("Sun shone on the march. Sun Yang and Soon-yi Park met in Seoul."),
        ]
    )

    private let evidence: NameEvidence

    public init(environment: RuleEnvironment) throws {
        evidence = try NameEvidence(environment: environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let names = DocumentNames.of(document, evidence: evidence)
        guard names.candidates.count >= 2 else { return [] }
        let profiles = names.profiles(names.candidates, in: document)
        let style = options.values["house.names"]
        var findings: [Finding] = []
        for cluster in evidence.clusters(profiles, scope: .article) {
            let members = cluster.map { profiles[$0] }
            if evidence.preferred(members, style: style) != nil { continue }
            let forms = cluster.map { names.candidates[$0] }
            // The majority spelling; on a tie, the one written first.
            let winner = forms.max { a, b in
                let fa = names.scan.forms[a], fb = names.scan.forms[b]
                return fa.count != fb.count ? fa.count < fb.count : fa.first > fb.first
            }!
            let winnerText = names.scan.text(form: winner, in: document)
            let winnerCore = NameText.core(winnerText)
            let counts = forms.sorted { names.scan.forms[$0].count > names.scan.forms[$1].count }.map { f in
                "“\(names.scan.text(form: f, in: document))” \(Self.times(names.scan.forms[f].count))"
            }.joined(separator: ", ")
            for (index, o) in names.scan.occurrences.enumerated() where forms.contains(Int(o.form)) && Int(o.form) != winner {
                let text = names.scan.text(index, in: document)
                let particle = document.text(Span(o.span.start, o.coreStart))
                let replacement = particle + winnerCore
                findings.append(Finding(Self.info, span: o.span,
                                        message: "“\(text)” is spelled “\(winnerText)” elsewhere in this article (\(counts))",
                                        suggestions: [replacement], fix: Fix(span: o.span, replacement: replacement)))
            }
        }
        return findings.sorted { $0.span < $1.span }
    }

    static func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
}
