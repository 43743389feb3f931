import RedlineCore
import RedlineSpelling

/// `names.variant`: with a house style for names (`house: {names: ap}` in `.redline.yml`), a
/// spelling the names table lists for a name but the house does not use ("Kharkov" where AP
/// writes "Kharkiv", "Zelenskiy" where it writes "Zelenskyy"), with the house spelling as the fix. Renderings
/// the table does not list but that share a listed spelling's skeleton count too ("Zelenskyi").
///
/// The built-in table (`Rules/names/variants.tsv`) has the styles `ap`, `reuters` and `bbc`;
/// `none` (the default) means consistency only. Tables in the configured rule folders add
/// names and styles of their own (`redline names --write` makes one from a repository).
public struct NameVariantRule: DocumentRule {
    public static let info = RuleInfo(
        id: "names.variant",
        category: .transliteration,
        defaultSeverity: .warning,
        summary: "A name spelled other than the house style's way, when a style is set for names "
            + "(house: {names: ap}, reuters, bbc, or a style of your own names table): the house spelling "
            + "is the fix. With no style (or none), names are only checked for consistency.",
        flags: [
            RuleExample("Drones hit «Kharkov» overnight, and President «Zelenskiy» spoke.",
                        fixed: "Drones hit Kharkiv overnight, and President Zelenskyy spoke."),
            RuleExample("Fighters loyal to «al-Qaeda» met «Hizbollah» envoys in «Odessa»’s port.",
                        fixed: "Fighters loyal to al-Qaida met Hezbollah envoys in Odesa’s port."),
        ],
        passes: [
            RuleExample("Drones hit Kyiv overnight, and President Zelenskyy spoke in Odesa."),
            RuleExample("Kharkiv and Lviv were quiet; Gadhafi’s son spoke to Erdogan."),
        ],
        exampleOptions: ["house.names": "ap"]
    )

    private let table: NamesTable
    private let speller: SpellChecker?

    public init(environment: RuleEnvironment) throws {
        table = try NamesTable.shared(environment)
        speller = environment.service(SpellChecker.self)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        guard let style = options.values["house.names"], style != "none", table.styles.contains(style) else { return [] }
        let scan = NameScan(document, isOrdinary: { _ in false })
        var findings: [Finding] = []
        // Per form: the preferred spelling, or nil when there is none or it is this one.
        var verdicts: [Int32: String?] = [:]
        for o in scan.occurrences {
            let verdict: String?
            if let known = verdicts[o.form] {
                verdict = known
            } else {
                verdict = preferred(for: Int(o.form), scan: scan, document: document, style: style)
                verdicts[o.form] = .some(verdict)
            }
            guard let house = verdict else { continue }
            let text = document.text(o.span)
            let replacement = document.text(Span(o.span.start, o.coreStart)) + NameText.core(house)
            findings.append(Finding(Self.info, span: o.span,
                                    message: "“\(text)”: the house style (\(style)) writes “\(house)”",
                                    suggestions: [replacement], fix: Fix(span: o.span, replacement: replacement)))
        }
        return findings
    }

    private func preferred(for index: Int, scan: NameScan, document: Document, style: String) -> String? {
        let form = scan.forms[index]
        let groups = table.groups(forKey: form.key, skeleton: form.skeleton)
        guard !groups.isEmpty else { return nil }
        var house: String? = nil
        for g in groups {
            guard let p = table.groups[Int(g)].preferred[style] else { continue }
            if house != nil && house != p { return nil } // two names share this spelling: leave it
            house = p
        }
        guard let house, NameText.formKey(house) != form.key else { return nil }
        // A capitalised ordinary word at the start of sentences only is not the name.
        if form.midSentence == 0, let speller {
            let text = NameText.core(scan.text(form: index, in: document))
            if speller.isCorrect(text.lowercased()) { return nil }
        }
        return house
    }
}
