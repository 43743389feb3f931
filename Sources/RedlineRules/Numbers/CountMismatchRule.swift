import RedlineCore
import RedlineText

/// `numbers.count-mismatch`: one count stated twice with values that cannot both be true
/// ("injuring 23 people" … "25 people were injured").
///
/// Counts are the same when they count the same thing (`Rules/numbers/things.tsv`) that the
/// same thing happened to (`Rules/numbers/events.tsv`). Qualifiers make intervals ("at least
/// 23" and "25" agree; "more than 500" and "480" do not). Not compared: parts ("45 of them",
/// "another 12", `Rules/numbers/subset-markers.tsv`), sentences that mark a change ("rose to",
/// "revised", "later", `Rules/numbers/change-markers.txt`), counts in different places ("in
/// Kharkiv" / "in Sumy") or times ("on Monday" / "on Tuesday", "in 1998"). The later statement
/// is reported, with the earlier one as its related location.
public struct CountMismatchRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.count-mismatch",
        category: .numeric,
        defaultSeverity: .warning,
        summary: "A count stated twice with values that cannot both be true (\"injuring 23 people\" and later "
            + "\"25 people were injured\"). Qualifiers are read as ranges (\"at least 23\" agrees with 25); a "
            + "sentence that marks a change (\"rose to\", \"revised\", \"later\") is not compared. The vocabulary "
            + "of events and counted things is in Rules/numbers/.",
        flags: [
            RuleExample("The strike injured at least 23 people, officials said.\n\nThe mayor said «21» people had been injured."),
            RuleExample("Five people were killed when the bridge collapsed.\n\nThe collapse killed «six» people, the police said."),
            RuleExample("More than 500 homes were evacuated on the coast.\n\nThe council said «480» homes were evacuated."),
        ],
        passes: [
            RuleExample("The strike injured at least 23 people.\n\nThe mayor said 25 people were injured."),
            RuleExample("The strike injured 23 people.\n\nOfficials later said 25 people were injured."),
            RuleExample("Five people were killed in Kharkiv.\n\nThree people were killed in Sumy."),
            RuleExample("Police arrested 60 people, 45 of them in the capital.\n\nAll 60 people arrested were released."),
            RuleExample("About 500 homes were evacuated.\n\nThe council said 480 homes were evacuated."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text, extraction = analysis.counts
        let candidates = extraction.mentions.filter {
            $0.event != nil && !$0.isSubset && !$0.changeMarked && $0.number.kind == .amount && $0.thingOrDefault(data.peopleEvents) != nil
        }
        var findings: [Finding] = []
        for (j, later) in candidates.enumerated() {
            for earlier in candidates[..<j] {
                guard earlier.event == later.event, earlier.sentence != later.sentence,
                      earlier.thingOrDefault(data.peopleEvents) == later.thingOrDefault(data.peopleEvents),
                      !earlier.interval.meets(later.interval),
                      (extraction.years[earlier.sentence] ?? []) == (extraction.years[later.sentence] ?? []),
                      compatible(extraction.times[earlier.sentence], extraction.times[later.sentence]),
                      placesAllow(extraction, earlier, later) else { continue }
                findings.append(finding(document, text, later, earlier))
                break
            }
        }
        return findings
    }

    /// Places: counts in different places are different counts. A count in a narrower place is
    /// part of one in a wider ("12 in Germany" of "20 in Germany and Poland"), and a count in a
    /// place the title and lead do not name is part of one that names no place ("191 killed in
    /// Madrid" of "21,000 killed"): a part contradicts its whole only by being larger.
    private func placesAllow(_ extraction: CountExtraction, _ a: CountMention, _ b: CountMention) -> Bool {
        let pa = a.places, pb = b.places, story = extraction.storyPlaces
        if pa == pb { return true }
        if pa.isEmpty || pb.isEmpty {
            let (placed, unplaced) = pa.isEmpty ? (b, a) : (a, b)
            if !placed.places.isDisjoint(with: story) { return true }
            return placed.interval.lower > unplaced.interval.upper
        }
        if pa.isStrictSubset(of: pb) { return a.interval.lower > b.interval.upper }
        if pb.isStrictSubset(of: pa) { return b.interval.lower > a.interval.upper }
        return !pa.isDisjoint(with: pb)
    }

    /// Two sentences' times allow the same count unless both name some and none in common.
    private func compatible(_ a: Set<String>?, _ b: Set<String>?) -> Bool {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return true }
        return !a.isDisjoint(with: b)
    }

    private func finding(_ document: Document, _ text: NumberText, _ here: CountMention, _ other: CountMention) -> Finding {
        let span = text.span(here.start, here.number.end - 1)
        let otherSpan = text.span(other.start, other.number.end - 1)
        let hereText = document.text(span), otherText = document.text(otherSpan)
        let what = "\(noun(text, here) ?? noun(text, other) ?? "people") \(here.event ?? "")"
        let message = "\(what): “\(hereText)” here, but “\(otherText)” \(NumbersReport.whereIs(document, otherSpan))"
        return Finding(Self.info, span: span, message: message,
                       related: [NumbersReport.related(document, otherSpan, "the other statement of the count: “\(otherText)”")])
    }

    /// The counted noun as written ("protesters"), when the count has one.
    private func noun(_ text: NumberText, _ m: CountMention) -> String? {
        guard m.thing != nil, m.end > m.number.end else { return nil }
        let words = (m.number.end..<m.end).filter { text.isWord($0) && data.vocabulary.events.match(text, at: $0) == nil }
        guard let last = words.last else { return nil }
        return text.document.text(text.tokens[last])
    }
}
