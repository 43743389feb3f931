import RedlineCore
import RedlineText

/// `numbers.total-mismatch`: a stated total that is not the sum of its stated parts
/// ("146 drones and 12 missiles — 168 in total"), or parts that add up to more than the
/// total they are "including" in.
public struct TotalMismatchRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.total-mismatch",
        category: .numeric,
        defaultSeverity: .error,
        summary: "A stated total that differs from the sum of its stated parts (\"146 drones and 12 missiles — "
            + "168 in total\"; \"a total of 30 people: 12 adults and 14 children\"), or parts that add up to more "
            + "than a total said to include them.",
        flags: [
            RuleExample("Russia launched 146 drones and 12 missiles — «168» in total."),
            RuleExample("A total of «30» people were hurt: 12 adults and 14 children."),
            RuleExample("The fire destroyed «20» homes, including 12 flats and 11 houses."),
            RuleExample("Officials counted 40 cars, 12 vans and 3 lorries, a total of «45» vehicles."),
        ],
        passes: [
            RuleExample("Russia launched 146 drones and 12 missiles — 158 in total."),
            RuleExample("A total of 30 people were hurt, including 12 children and 14 adults."),
            RuleExample("About 100 people were hurt: 52 adults and 45 children."),
            RuleExample("The club scored 40 goals and conceded 12 in all competitions."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    private static let beforeGap: Set<String> = [",", "\u{2014}", "\u{2013}", "-", "(", "or", "for", "a", "making", "and", "with", "of"]
    private static let totalsAfter: Set<String> = ["altogether", "combined", "overall"]
    private static let totalVerbs: Set<String> = ["totalling", "totaling", "totalled", "totaled"]

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text
        let mentions = analysis.counts.mentions.filter { !$0.isWhole && $0.number.kind == .amount }
        guard mentions.count >= 3 else { return [] }
        // Lists of two or more counts: (first mention, last mention).
        var lists: [(Int, Int)] = []
        var a = 0
        while a < mentions.count {
            var b = a
            while b + 1 < mentions.count && mentions[b + 1].list == mentions[a].list { b += 1 }
            if b > a { lists.append((a, b)) }
            a = b + 1
        }
        var findings: [Finding] = []
        var done: Set<Int> = []
        for (k, total) in mentions.enumerated() {
            guard let anchorStart = anchor(text, total) else { continue }
            // Parts just before: "146 drones and 12 missiles — 168 in total"; or the list ran on
            // into the total ("two adults and two children, 4 in all").
            if let (f, l) = lists.first(where: { $0.1 == k && $0.1 - $0.0 >= 2 && anchorStart == total.start }) {
                if let finding = compare(document, text, total, Array(mentions[f..<l]), including: false) { findings.append(finding) }
                done.insert(k)
                continue
            }
            if let (f, l) = lists.first(where: { mentions[$0.1].end <= anchorStart && mentions[$0.1].sentence == total.sentence
                && gapFits(text, mentions[$0.1].end, anchorStart) && !($0.0...$0.1).contains(k) }) {
                if let finding = compare(document, text, total, Array(mentions[f...l]), including: false) { findings.append(finding) }
                done.insert(k)
                continue
            }
            // Parts just after: "a total of 30 people were hurt: 12 adults and 14 children".
            if let found = partsAfter(text, total, lists, mentions) {
                if let finding = compare(document, text, total, found.parts, including: found.including) { findings.append(finding) }
                done.insert(k)
            }
        }
        // "Of the 50 passengers, 30 were adults and 25 were children."
        for (k, total) in mentions.enumerated() where !done.contains(k) && opensSentence(text, total) {
            let parts = mentions[(k + 1)...].prefix { $0.sentence == total.sentence }
            if parts.count >= 2, let finding = compare(document, text, total, Array(parts), including: true) {
                findings.append(finding)
                done.insert(k)
            }
        }
        // Without a total word: "20 homes, including 12 flats and 11 houses".
        for (k, total) in mentions.enumerated() where !done.contains(k) {
            if let found = partsAfter(text, total, lists, mentions), found.including, found.parts[0].start - total.end <= 2,
               let finding = compare(document, text, total, found.parts, including: true) {
                findings.append(finding)
            }
        }
        return findings
    }

    /// "Of the 50 passengers, …" at the start of a sentence.
    private func opensSentence(_ text: NumberText, _ m: CountMention) -> Bool {
        let of = m.start - 2
        guard of >= 0, text[of] == "of", text[of + 1] == "the", text.isPunctuation(m.end, ",") else { return false }
        return of == 0 || text.sentence[of - 1] != text.sentence[of]
    }

    /// Where the total's phrase starts, when the count is stated as a total ("a total of 168",
    /// "168 in total", "In total, 168", "totalling 168"), or nil.
    private func anchor(_ text: NumberText, _ m: CountMention) -> Int? {
        let s = m.start
        // "In total, 168 …", "Altogether 168 …"
        if text.isPunctuation(s - 1, ",") && text.sameSentence(s - 3, s) && text[s - 3] == "in" && (text[s - 2] == "total" || text[s - 2] == "all") {
            return s - 3
        }
        if (text[s - 1] == "altogether" || text[s - 2] == "altogether" && text.isPunctuation(s - 1, ",")) && text.sameSentence(s - 2, s) {
            return s
        }
        if text[s - 1] == "of" && text[s - 2] == "total" {
            return text[s - 3] == "a" || text[s - 3] == "the" ? s - 3 : s - 2
        }
        if Self.totalVerbs.contains(text[s - 1]) { return s - 1 }
        if text[s - 1] == "combined" && text[s - 2] == "a" { return s - 2 }
        let e = m.end
        let after = text[e]
        if (after == "in" && text[e + 1] == "total" && !Self.totalNouns.contains(text[e + 2]))
            || (after == "in" && text[e + 1] == "all" && endsPhrase(text, e + 2))
            || (Self.totalsAfter.contains(after) && endsPhrase(text, e + 1)) || (after == "total" && text.isClauseBreak(e + 1)) {
            return s
        }
        return nil
    }

    /// Words that may follow "in total" / "in all" / "altogether" when they close the phrase
    /// ("7 in total in Sydney"), unlike a noun ("in all countries").
    private static let afterTotal: Set<String> = ["in", "at", "on", "for", "and", "but", "were", "was", "are", "is", "have",
                                                  "has", "had", "across", "from", "so", "since", "this", "last", "over",
                                                  "by", "with", "during", "will", "would", "could", "to", "according", "of", "among"]

    /// Nouns "in total" may qualify ("in total darkness"): then it is no total.
    private static let totalNouns: Set<String> = ["darkness", "control", "contrast", "silence", "disregard", "agreement",
                                                  "secrecy", "chaos", "command", "charge", "isolation", "confusion", "denial"]

    private func endsPhrase(_ text: NumberText, _ k: Int) -> Bool {
        text.isClauseBreak(k) || Self.afterTotal.contains(text[k])
    }

    /// Between a list and its total: a few joining words ("— ", ", a", ", making"), or the rest of
    /// the list's clause ("at Kyiv overnight —") when a comma, dash or bracket closes it.
    private func gapFits(_ text: NumberText, _ from: Int, _ to: Int) -> Bool {
        if to - from <= 3 && (from..<to).allSatisfy({ Self.beforeGap.contains(text.lower[$0]) }) { return true }
        guard to - from <= 7, let close = (from..<to).firstIndex(where: { text.isClauseBreak($0) }) else { return false }
        return (from..<close).allSatisfy { text.isWord($0) && !text.has($0, .numberWord) || DatePhrases.isYear(text, $0) }
            && (close..<to).allSatisfy { Self.beforeGap.contains(text.lower[$0]) }
    }

    /// A list of counts after a total: after a colon or dash (all the parts), or after
    /// "including" (some of them).
    private func partsAfter(_ text: NumberText, _ total: CountMention, _ lists: [(Int, Int)], _ mentions: [CountMention])
        -> (parts: [CountMention], including: Bool)? {
        guard let (f, l) = lists.first(where: { mentions[$0.0].start >= total.end && mentions[$0.0].sentence == total.sentence }) else { return nil }
        let gap = total.end..<mentions[f].start
        guard gap.count >= 1 && gap.count <= 6, let last = gap.last else { return nil }
        var including = false
        switch text.lower[last] {
        case "including", "includes", "include", "included": including = true
        case ":", "\u{2014}", "\u{2013}": break
        default: return nil
        }
        // Only words (and a comma before "including") between: no other number.
        for t in gap.dropLast() where !(text.isWord(t) || text.isPunctuation(t, ",")) { return nil }
        if gap.dropLast().contains(where: { NumberParser.parse(text, at: $0) != nil }) { return nil }
        return (Array(mentions[f...l]), including)
    }

    private func compare(_ document: Document, _ text: NumberText, _ total: CountMention, _ parts: [CountMention],
                         including: Bool) -> Finding? {
        guard parts.count >= 2 else { return nil }
        var sum = NumberInterval(exactly: 0)
        for p in parts { sum = sum + p.interval }
        let wrong = including ? sum.lower > total.interval.upper : !sum.meets(total.interval)
        guard wrong else { return nil }
        let span = text.span(total.start, total.number.end - 1)
        let firstPart = text.span(parts[0].start, parts[0].number.end - 1)
        let lastPart = text.span(parts[parts.count - 1].start, parts[parts.count - 1].number.end - 1)
        let partsSpan = Span(firstPart.start, lastPart.end)
        let addends = parts.map { document.text(text.span($0.start, $0.number.end - 1)) }
        let sumText = sum.isExact ? NumberFormatting.plain(sum.lower) : sum.description
        let whereParts = NumbersReport.whereIs(document, partsSpan)
        let message = including
            ? "the total “\(document.text(span))” is smaller than the parts it includes: \(addends.joined(separator: " + ")) = \(sumText) (\(whereParts))"
            : "the total “\(document.text(span))” is not the sum of its parts: \(addends.joined(separator: " + ")) = \(sumText) (\(whereParts))"
        return Finding(Self.info, span: span, message: message,
                       related: [NumbersReport.related(document, partsSpan, "the parts: “\(document.text(partsSpan))”")])
    }
}
