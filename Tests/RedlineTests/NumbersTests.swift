import Foundation
import RedlineCore
import RedlineKit
import RedlineText
import Testing

/// The numbers.* rules: quantity extraction (number words, qualifiers, intervals), each rule's
/// positives and negatives, and where the article date comes from. Every text here is written
/// for these tests.
@Suite struct NumbersTests {
    // MARK: - Helpers

    /// The numeric findings of a whole check (default options: no `--date`).
    private func numeric(_ text: String, path: String = "story.txt") -> [Diagnostic] {
        TestSupport.linter.check(text: text, path: path).filter { $0.category == .numeric }
    }

    /// The numeric findings with run options (`--date`, `date_field`), straight from the rules.
    private func numeric(_ text: String, path: String = "story.txt", date: String?, values: [String: String] = [:]) -> [Diagnostic] {
        let source = SourceFile(path: path, text: text)
        let document = DocumentBuilder.build(source, format: DocumentBuilder.format(forPath: path))
        let options = CheckOptions(defaultDate: date, values: values)
        return TestSupport.linter.documentRules.flatMap { $0.check(document, options: options) }
            .filter { $0.category == .numeric }
            .map { Diagnostic(finding: $0, in: source) }
            .sorted(by: Diagnostic.reportOrder)
    }

    private func rules(_ found: [Diagnostic]) -> [String] { found.map(\.ruleID) }

    private static let vocabulary: NumberVocabulary = {
        do { return try NumberVocabulary.load(dataDirectory: TestSupport.root) } catch { fatalError("\(error)") }
    }()

    private func analysis(_ text: String) -> NumberAnalysis {
        let document = DocumentBuilder.build(SourceFile(path: "t.txt", text: text), format: .plainText)
        return NumberAnalysis(document, counts: CountExtractor(vocabulary: Self.vocabulary),
                              measures: MeasureScanner(vocabulary: Self.vocabulary))
    }

    /// The number at the start of `text`.
    private func number(_ text: String) -> NumberPhrase? {
        let document = DocumentBuilder.build(SourceFile(path: "t.txt", text: text), format: .plainText)
        return NumberParser.parse(NumberText(document), at: 0)
    }

    // MARK: - Extraction

    @Test func numberWordsAndDigits() throws {
        let cases: [(String, Double)] = [
            ("eight people", 8), ("twenty-five people", 25), ("twenty five people", 25), ("a dozen people", 12),
            ("two dozen people", 24), ("1.5 million people", 1_500_000), ("23,000 people", 23_000), ("three million", 3_000_000),
            ("two hundred and fifty people", 250), ("half a million", 500_000), ("a hundred people", 100), ("£1.5bn", 1.5e9),
        ]
        for (text, value) in cases {
            let n = try #require(number(text), "no number in \(text)")
            #expect(n.value == value, "\(text)")
        }
        let thirds = try #require(number("two-thirds of the members"))
        #expect(thirds.kind == .fraction && abs(thirds.value - 2.0 / 3) < 1e-9)
        let hundreds = try #require(number("hundreds of people"))
        #expect(hundreds.isVague && hundreds.interval.lower == 100 && hundreds.interval.upper > 1000)
        let rounded = try #require(number("1.5 million people"))
        #expect(rounded.interval.meets(NumberInterval(exactly: 1_520_000)), "1.5 million is rounded")
        #expect(number("people said")?.value == nil)
        #expect(number("4th place")?.kind == .ordinal)
        #expect(number("50% of them")?.kind == .percent)
    }

    @Test func qualifiersMakeIntervals() throws {
        let cases: [(String, Double, Double)] = [
            ("At least 23 people were injured.", 23, .infinity), ("More than 500 people were injured.", 501, .infinity),
            ("Over 40 people were injured.", 41, .infinity), ("Up to 40 people were injured.", 0, 40),
            ("Fewer than 10 people were injured.", 0, 9), ("As many as 30 people were injured.", 0, 30),
            ("Nearly 100 people were injured.", 85, 100), ("About 500 people were injured.", 425, 575),
            ("Some 200 people were injured.", 170, 230), ("Exactly 12 people were injured.", 12, 12),
        ]
        for (text, lower, upper) in cases {
            let m = try #require(analysis(text).counts.mentions.first, "no count in \(text)")
            #expect(m.interval.lower == lower && m.interval.upper == upper, "\(text): \(m.interval)")
            #expect(m.event == "injured" && m.thing == "people", "\(text)")
        }
    }

    @Test func thingsAndEvents() throws {
        let cases: [(String, String?, String?)] = [
            ("The strike killed at least 23 people.", "people", "killed"),
            ("Twenty people were wounded in the blast.", "people", "injured"),
            ("Five were reportedly killed.", nil, "killed"),
            ("The army shot down 478 drones overnight.", "drones", "shot down"),
            ("Police detained 14 protesters.", "protester", "arrested"),
            ("Officials evacuated 1,200 residents.", "people", "evacuated"),
            ("The 23 injured were taken to hospital.", nil, "injured"),
            ("The alert lasted for more than eight hours.", "hours", "lasted"),
            ("There were 23 deaths.", nil, "killed"),
        ]
        for (text, thing, event) in cases {
            let m = try #require(analysis(text).counts.mentions.first, "no count in \(text)")
            #expect(m.thing == thing && m.event == event, "\(text): \(m.thing ?? "-") \(m.event ?? "-")")
        }
        // Coordinated counts share their verb.
        let list = analysis("Russia fired 539 drones and 11 missiles.").counts.mentions
        #expect(list.map(\.event) == ["launched", "launched"] && list.map(\.thing) == ["drones", "missiles"])
        // Labels, years, scores and measures are not counts.
        let none = analysis("Apollo 11 landed in 1969; Chelsea won 3-1 over 10km on page 5.").counts.mentions
        #expect(none.isEmpty, "\(none.map { $0.number.value })")
    }

    @Test func partsAndWholes() throws {
        let a = analysis("According to the mayor, 14 of the 23 injured people were taken to hospital.").counts
        let pw = try #require(a.partWholes.first)
        guard case .mention(let whole) = pw.whole else { Issue.record("whole is not a number"); return }
        #expect(a.mentions[pw.part].number.value == 14 && a.mentions[pw.part].event == "hospitalised")
        #expect(a.mentions[whole].number.value == 23 && a.mentions[whole].event == "injured")
        let implicit = analysis("It said 478 of the incoming drones and missiles were destroyed.").counts
        #expect(implicit.partWholes.first?.whole == .things(["drones", "missiles"]))
        let wounded = analysis("At least 14 of the wounded were taken to hospital.").counts
        #expect(wounded.partWholes.first?.whole == .event("injured"))
    }

    // MARK: - numbers.count-mismatch

    @Test func countMismatchByIntervals() {
        let agree = ["injuring at least 23 people", "25 people were injured"]
        let disagree = ["injuring 23 people", "25 people were injured"]
        let moreThan = ["More than 500 homes were evacuated", "480 homes were evacuated"]
        func text(_ pair: [String]) -> String { "A storm hit the coast, \(pair[0]).\n\nOfficials said \(pair[1]) in the storm.\n" }
        #expect(numeric(text(agree)).isEmpty)
        let found = numeric(text(disagree))
        #expect(rules(found) == ["numbers.count-mismatch"])
        #expect(found.first?.match == "25" && found.first?.start.line == 3)
        #expect(found.first?.message.contains("on line 1") == true)
        let related = found.first?.related.first
        #expect(related?.path == "story.txt" && related?.start == SourceLocation(line: 1, column: 33))
        #expect(rules(numeric(text(moreThan))) == ["numbers.count-mismatch"])
    }

    @Test func changeMarkersSuppress() {
        let lead = "The quake killed 40 people, officials said.\n\n"
        #expect(rules(numeric(lead + "Officials said 52 people were killed.")) == ["numbers.count-mismatch"])
        let changed = ["By Tuesday the toll had risen to 52 people killed.", "The toll rose to 52 people killed.",
                       "The toll climbed to 52 people killed.", "The ministry revised its count: 52 people were killed.",
                       "In updated figures, 52 people were killed.", "Officials later said 52 people were killed."]
        for sentence in changed { #expect(numeric(lead + sentence).isEmpty, "\(sentence)") }
    }

    @Test func countMismatchKeepsPlacesTimesAndPartsApart() {
        let texts = [
            "Five people were killed in Kharkiv. Three people were killed in Sumy.",
            "Police arrested 60 people, 45 of them in the capital. All 60 people arrested were released.",
            "In 1998 a storm killed about 10,000 people. This storm killed 300 people.",
            "Two people were killed on Monday. Four people were killed on Tuesday.",
            "The quake killed 40 people. Another 12 people were killed in aftershocks.",
        ]
        for text in texts { #expect(numeric(text).isEmpty, "\(text): \(numeric(text).map(\.message))") }
    }

    // MARK: - numbers.part-exceeds-whole

    @Test func partExceedsWhole() {
        #expect(numeric("Officials said 15 of the 12 victims were children.").map(\.match) == ["15 of the 12"])
        #expect(numeric("Damage was reported in six out of five districts.").map(\.match) == ["six out of five"])
        #expect(numeric("A poll found 120% of voters back the plan.").map(\.match) == ["120%"])
        let implicit = numeric("The army fired 40 drones and 10 missiles.\n\nIt said 56 of the drones and missiles were shot down.\n")
        #expect(implicit.map(\.match) == ["56"])
        #expect(implicit.first?.related.map(\.start.line) == [1, 1])
        for text in ["Officials said 14 of the 23 injured people were taken to hospital.",
                     "Damage was reported in six of the city's ten districts.", "Public debt reached 120% of GDP.",
                     "At least 23 people were injured. At least 14 of the wounded were taken to hospital.",
                     "Two-thirds of the 30 members voted for it."] {
            #expect(numeric(text).isEmpty, "\(text)")
        }
    }

    // MARK: - numbers.total-mismatch

    @Test func totalMismatch() {
        let flagged = [
            "Russia launched 146 drones and 12 missiles — 168 in total.",
            "A total of 30 people were hurt: 12 adults and 14 children.",
            "The convoy had 12 tanks, 8 trucks and 4 jeeps, 25 vehicles in all.",
            "In total, 168 drones and missiles were launched: 146 drones and 12 missiles.",
            "The fire destroyed 20 homes, including 12 flats and 11 houses.",
            "Of the 50 passengers, 30 were adults and 25 were children.",
        ]
        for text in flagged { #expect(rules(numeric(text)) == ["numbers.total-mismatch"], "\(text)") }
        let quiet = [
            "Russia launched 146 drones and 12 missiles — 158 in total.",
            "A total of 30 people were hurt, including 12 children and 14 adults.",
            "About 100 people were hurt: 52 adults and 45 children.",
            "The club scored 40 goals and conceded 12 in all competitions.",
            "Between 20 and 30 people were missing.",
        ]
        for text in quiet { #expect(numeric(text).isEmpty, "\(text)") }
    }

    // MARK: - numbers.weekday-date

    @Test func weekdayDateInEveryCommonForm() {
        let wrong = ["on Thursday (July 4)", "on Thursday, July 4,", "on Thursday 4 July", "on Thursday night (July 4)",
                     "on Thursday the 4th of July", "on Thu. July 4", "on July 4 (Thursday)", "on 4 July, a Thursday,"]
        for phrase in wrong {
            let found = numeric("The talks ended \(phrase) in Geneva.", date: "2025-07-05")
            #expect(rules(found) == ["numbers.weekday-date"], "\(phrase)")
            #expect(found.first?.suggestions.first?.hasPrefix("Fri") == true, "\(phrase)")
            // Which part is wrong is the editor's call: no automatic fix.
            #expect(found.first?.fix == nil, "\(phrase)")
        }
        let right = ["on Friday (July 4)", "on Friday, July 4,", "on Friday 4 July", "on Friday 4th July"]
        for phrase in right { #expect(numeric("The talks ended \(phrase) in Geneva.", date: "2025-07-05").isEmpty, "\(phrase)") }
        // The phrase's own year wins over the article date.
        #expect(numeric("It ended on Thursday, July 4, 2024.", date: "2025-07-05").isEmpty)
        #expect(rules(numeric("It ended on Friday, July 4, 2024.", date: "2025-07-05")) == ["numbers.weekday-date"])
        #expect(numeric("Voting ends on Friday 5th July 2025.").first?.suggestions == ["Saturday"])
    }

    @Test func noYearNoGuess() {
        #expect(numeric("The final is on Thursday (July 4).").isEmpty)
        #expect(numeric("The final is on Thursday (July 4).", date: nil).isEmpty)
    }

    @Test func nearestPlausibleYear() {
        // Written on 2 January 2025: "December 31" is 31 December 2024, a Tuesday.
        #expect(numeric("The fire began on Tuesday (December 31).", date: "2025-01-02").isEmpty)
        #expect(rules(numeric("The fire began on Monday (December 31).", date: "2025-01-02")) == ["numbers.weekday-date"])
        // Written on 30 December 2024: "January 2" is 2 January 2025, a Thursday.
        #expect(numeric("Talks resume on Thursday (January 2).", date: "2024-12-30").isEmpty)
    }

    @Test func articleDateSources() throws {
        let phrase = "The attack began on Thursday night (July 4)."
        // Front matter `date`, and the `date_field` a configuration names.
        let fm = numeric("---\ntitle: Attack\ndate: 2025-07-05\n---\n\(phrase)\n", path: "a.md", date: nil)
        #expect(rules(fm) == ["numbers.weekday-date"])
        #expect(fm.first?.related.first?.start.line == 3)
        #expect(numeric("---\npublished: 2024-07-05\n---\n\(phrase)\n", path: "a.md", date: nil,
                        values: ["date_field": "published"]).isEmpty, "July 4, 2024 was a Thursday")
        // Front matter wins over --date.
        #expect(numeric("---\ndate: 2024-07-05\n---\n\(phrase)\n", path: "a.md", date: "2025-07-05").isEmpty)
        // A dateline and a leading date line.
        #expect(rules(numeric("KYIV, July 5, 2025 (Reuters) - \(phrase)\n", date: nil)) == ["numbers.weekday-date"])
        #expect(rules(numeric("date 2025-07-05\n\n\(phrase)\n", date: nil)) == ["numbers.weekday-date"])
        #expect(rules(numeric("Published: 5 July 2025\n\n\(phrase)\n", date: nil)) == ["numbers.weekday-date"])
        // --date when the file states none.
        #expect(rules(numeric(phrase, date: "2025-07-05")) == ["numbers.weekday-date"])
        let document = DocumentBuilder.build(SourceFile(path: "t.txt", text: "KYIV, July 5, 2025 (Reuters) - Text."), format: .plainText)
        let resolved = try #require(ArticleDate.resolve(NumberText(document), dateField: nil, defaultDate: nil))
        #expect(resolved.date == CalendarDate(year: 2025, month: 7, day: 5) && resolved.source == .dateline)
        #expect(ArticleDate.parse("July 4, 2025") == CalendarDate(year: 2025, month: 7, day: 4))
        #expect(ArticleDate.parse("2025-07-04T10:00:00Z") == CalendarDate(year: 2025, month: 7, day: 4))
    }

    // MARK: - numbers.conversion

    @Test func conversions() {
        let wrong = ["30km (25 miles)", "30C (96F)", "500 hectares (500 acres)", "250kg (250lb)", "3 metres (14ft)",
                     "1,000 square kilometres (486 square miles)", "5 tonnes (15,000lb)", "120km/h (90mph)", "20 litres (9 gallons)",
                     "a 30-mile (58km) road"]
        for phrase in wrong { #expect(rules(numeric("The report cites \(phrase) today.")) == ["numbers.conversion"], "\(phrase)") }
        let right = ["30km (19 miles)", "30C (86F)", "-5C (23F)", "1.3m (4.2ft)", "100 kilometres (60 miles)", "12,900 acres (5,200 hectares)",
                     "20 litres (5 gallons)", "38mph (61km/h)", "$80m (£44m)", "a 30-mile (48km) road", "2m (6.5ft)",
                     "35 degrees Celsius (95 degrees Fahrenheit)", "1,000 sq km (386 sq miles)"]
        for phrase in right { #expect(numeric("The report cites \(phrase) today.").isEmpty, "\(phrase)") }
        let found = numeric("The convoy travelled 30km (25 miles).")
        #expect(found.first?.match == "25 miles" && found.first?.related.first?.start.column == 22)
    }

    // MARK: - numbers.age-mismatch

    @Test func ages() {
        let flagged = [
            "John Smith, 45, was arrested on Friday. The 47-year-old was charged on Saturday.",
            "Jane Doe, 31, won the race. Doe, 33, said she was delighted.",
            "Maria Lopez (52) leads the council. The 25-year-old Lopez took office in 2019.",
            "Mr Tom Johnson, 52, was in the crowd. \"I was lucky,\" said the 55-year-old.",
        ]
        for text in flagged { #expect(rules(numeric(text)) == ["numbers.age-mismatch"], "\(text)") }
        let quiet = [
            "John Smith, 45, was arrested on Friday. The 45-year-old was charged on Saturday.",
            "John Smith, 45, was arrested with his son Tom Smith, 19.",
            "Anna Lee, 34, and Mark Ross, 36, were hurt. The 36-year-old is in hospital.",
            "Maria Lopez, 52, praised the 28-year-old volunteer who found her.",
            "Jane Doe, 31, won.\n\nLater that year she moved abroad.\n\nThe club signed a striker.\n\nThe 24-year-old arrived on Monday.",
        ]
        for text in quiet { #expect(numeric(text).isEmpty, "\(text): \(numeric(text).map(\.message))") }
    }

    // MARK: - Seeds

    @Test func seedArticles() throws {
        guard let shared = TestSupport.shared else { return }
        let seeds = try FileManager.default.contentsOfDirectory(atPath: shared + "/seeds").sorted()
        if let s001 = seeds.first(where: { $0.hasPrefix("001") }) {
            let text = try String(contentsOfFile: shared + "/seeds/" + s001, encoding: .utf8)
            let found = numeric(text, path: s001, date: "2025-07-05")
            #expect(found.map(\.ruleID) == ["numbers.weekday-date"] && found.first?.start.line == 1)
            #expect(found.first?.match == "Thursday night (July 4)")
        }
        if let s000 = seeds.first(where: { $0.hasPrefix("000") }) {
            let text = try String(contentsOfFile: shared + "/seeds/" + s000, encoding: .utf8)
            #expect(numeric(text, path: s000, date: nil).isEmpty)
        }
    }
}
