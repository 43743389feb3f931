import RedlineCore
import RedlineText

/// `numbers.weekday-date`: a weekday that does not fall on the date beside it ("Thursday
/// (July 4)" in 2025, when July 4 was a Friday).
///
/// The year is the phrase's own, else the article's (front matter `date_field` or `date`, a
/// dateline, a leading date line, or `--date`), taking the year that puts the date nearest
/// the article's. With no year anywhere the phrase is not checked.
///
/// The right weekday is a suggestion, not a fix: the text cannot tell whether the weekday or
/// the date is the wrong one ("Thursday night (July 4)" may mean the night of July 3 into
/// the 4th), so `redline fix` leaves the phrase to the editor.
public struct WeekdayDateRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.weekday-date",
        category: .numeric,
        defaultSeverity: .error,
        summary: "A weekday that does not match the date beside it (\"Thursday (July 4)\" when July 4 is a "
            + "Friday), in any common order and punctuation. The year is the phrase's own, else the article's "
            + "date (front matter, a dateline, a leading date line, or --date), nearest plausible year; "
            + "without any year the phrase is not checked. The right weekday is suggested, not fixed: "
            + "the date may be the wrong part.",
        flags: [
            RuleExample("The summit opened on «Thursday, July 4, 2025», in the capital."),
            RuleExample("Voting ends on «Friday 5th July 2025»."),
            RuleExample("date 2025-07-05\n\nThe attack began on «Thursday night (July 4)»."),
            RuleExample("The talks resumed on «3 March 2005 (Friday)»."),
        ],
        passes: [
            RuleExample("The summit opened on Friday, July 4, 2025, in the capital."),
            RuleExample("The final is on Saturday 5 July."),
            RuleExample("date 2025-07-05\n\nThe attack began on Friday night (July 4)."),
            RuleExample("The talks resumed on Thursday (3 March 2005)."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text, phrases = analysis.weekdayDates
        guard !phrases.isEmpty else { return [] }
        let articleDate = phrases.contains { $0.date.year == nil }
            ? ArticleDate.resolve(text, dateField: options.values["date_field"], defaultDate: options.defaultDate) : nil
        var findings: [Finding] = []
        for p in phrases {
            let date: CalendarDate
            var yearNote = ""
            var related: [RelatedLocation] = []
            if let y = p.date.year, let d = CalendarDate(year: y, month: p.date.month, day: p.date.day) {
                date = d
            } else if let article = articleDate, let d = CalendarDate.nearest(month: p.date.month, day: p.date.day, to: article.date) {
                date = d
                if let span = article.span {
                    yearNote = " (the year from the article date \(iso(article.date)), \(article.source.rawValue) \(NumbersReport.whereIs(document, span)))"
                    related = [NumbersReport.related(document, span, "the article date")]
                } else {
                    yearNote = " (the year from the article date \(iso(article.date)), \(article.source.rawValue))"
                }
            } else {
                continue
            }
            guard date.weekday != p.weekday else { continue }
            let span = text.span(p.start, p.end - 1)
            let weekdayToken = text.tokens[p.weekdayToken]
            let written = document.text(weekdayToken)
            let right = styled(date.weekdayName, like: written)
            findings.append(Finding(Self.info, span: span,
                                    message: "\(date) is a \(date.weekdayName), not a \(CalendarDate.weekdayNames[p.weekday])\(yearNote); "
                                        + "the weekday or the date is wrong",
                                    suggestions: [right], related: related))
        }
        return findings
    }

    private func iso(_ d: CalendarDate) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(d.year)-\(pad(d.month))-\(pad(d.day))"
    }

    /// The weekday written the way the original was: "FRIDAY", "Fri", "Friday".
    private func styled(_ name: String, like written: String) -> String {
        let letters = written.filter(\.isLetter)
        let out = letters.lowercased().hasSuffix("day") ? name : String(name.prefix(3))
        return letters.count > 1 && letters == letters.uppercased() ? out.uppercased() : out
    }
}
