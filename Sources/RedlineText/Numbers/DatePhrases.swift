import RedlineCore

/// A date as written in the text: "July 4", "4 July 2025", "Friday 5th July", "2025-07-04".
public struct DateExpression: Sendable, Hashable {
    public var month: Int
    public var day: Int
    /// The year when the text states it.
    public var year: Int?
    /// Token indices: first, and just past the last.
    public var start: Int
    public var end: Int
}

/// A weekday written beside a date: "Thursday (July 4)", "Thursday, July 4, 2025",
/// "on Thursday 4 July", "Friday 5th July", "July 4 (Thursday)".
public struct WeekdayDatePhrase: Sendable, Hashable {
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int
    /// Token index of the weekday.
    public var weekdayToken: Int
    public var date: DateExpression
    /// Token indices of the whole phrase: first, and just past the last.
    public var start: Int
    public var end: Int
}

/// Finds dates and weekday–date phrases in a `NumberText`.
public enum DatePhrases {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
    ]
    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "overnight", "lunchtime", "midday", "noon"]

    /// The month named by token `i` (capitalised, or an abbreviation with its period), or nil.
    public static func month(_ text: NumberText, _ i: Int) -> Int? {
        guard text.has(i, .month), text.tokens[i].flags.contains(.capitalized), let m = months[text.lower[i]] else { return nil }
        return m
    }

    /// The weekday named by token `i` (capitalised; an abbreviation only right before a date), or nil.
    public static func weekday(_ text: NumberText, _ i: Int) -> Int? {
        guard text.has(i, .weekday), text.tokens[i].flags.contains(.capitalized), let d = weekdays[text.lower[i]] else { return nil }
        return d
    }

    /// A day of the month: "4", "4th", "04".
    static func day(_ text: NumberText, _ i: Int) -> Int? {
        guard text.isNumber(i) else { return nil }
        let flags = text.tokens[i].flags
        guard !flags.contains(.currency), !flags.contains(.percent), !flags.contains(.time), !flags.contains(.date) else { return nil }
        guard let d = NumberParser.digits(text.lower[i]), d.decimals == 0, !d.grouped,
              d.suffix.isEmpty || ["st", "nd", "rd", "th"].contains(d.suffix), d.value >= 1, d.value <= 31 else { return nil }
        return Int(d.value)
    }

    /// A year: four digits from 1900 to 2100, in the same sentence as token `near`.
    static func year(_ text: NumberText, _ i: Int, near: Int) -> Int? {
        guard text.isNumber(i), text.sameSentence(i, near), text.tokens[i].flags.isEmpty, text.lower[i].count == 4, let v = Int(text.lower[i]), (1900...2100).contains(v) else { return nil }
        return v
    }

    /// True when token `i` is a year ("2004").
    public static func isYear(_ text: NumberText, _ i: Int) -> Bool { year(text, i, near: i) != nil }

    /// Skips a period after an abbreviated month ("Jul. 4").
    static func afterMonth(_ text: NumberText, _ i: Int) -> Int {
        text.lower[i].count <= 4 && text.isPunctuation(i + 1, ".") && text.adjacent(i, i + 1) ? i + 2 : i + 1
    }

    /// A date starting at token `i`.
    public static func date(_ text: NumberText, at i: Int) -> DateExpression? {
        guard i >= 0 && i < text.count else { return nil }
        if text.isNumber(i) && text.tokens[i].flags.contains(.date), let d = CalendarDate(iso: text.lower[i]) {
            return DateExpression(month: d.month, day: d.day, year: d.year, start: i, end: i + 1)
        }
        // Month Day[,] [Year]: "July 4", "July 4, 2025", "Jul. 4th".
        if let m = month(text, i) {
            let j = afterMonth(text, i)
            guard let d = day(text, j), text.sameSentence(i, j) || text.tokens[j].block == text.tokens[i].block else { return nil }
            var end = j + 1
            var y: Int? = nil
            if text.isPunctuation(end, ","), let yy = year(text, end + 1, near: i) { y = yy; end += 2 }
            else if let yy = year(text, end, near: i) { y = yy; end += 1 }
            return validated(m, d, y, i, end)
        }
        // [the] Day [of] Month [Year]: "4 July", "4th of July 2025", "the 4th of July".
        var k = i
        if text[k] == "the" { k += 1 }
        if let d = day(text, k) {
            var j = k + 1
            if text[j] == "of" { j += 1 }
            guard let m = month(text, j) else { return nil }
            var end = afterMonth(text, j)
            var y: Int? = nil
            if let yy = year(text, end, near: i) { y = yy; end += 1 }
            else if text.isPunctuation(end, ","), let yy = year(text, end + 1, near: i) { y = yy; end += 2 }
            return validated(m, d, y, i, end)
        }
        return nil
    }

    private static func validated(_ m: Int, _ d: Int, _ y: Int?, _ start: Int, _ end: Int) -> DateExpression? {
        if let y, CalendarDate(year: y, month: m, day: d) == nil { return nil }
        guard d <= CalendarDate.daysIn(month: m, year: 2024) else { return nil }
        return DateExpression(month: m, day: d, year: y, start: start, end: end)
    }

    /// Every weekday written beside a date, in token order.
    public static func weekdayDates(_ text: NumberText) -> [WeekdayDatePhrase] {
        var out: [WeekdayDatePhrase] = []
        var i = 0
        while i < text.count {
            guard let wd = weekday(text, i) else { i += 1; continue }
            let abbreviated = !text.lower[i].hasSuffix("day")
            if let p = weekdayFirst(text, i, wd) {
                out.append(p)
                i = p.end
                continue
            }
            if !abbreviated, let p = dateFirst(text, i, wd) {
                if out.last.map({ $0.end <= p.start }) ?? true { out.append(p) }
            }
            i += 1
        }
        return out
    }

    /// "Thursday (July 4)", "Thursday night, July 4, 2025", "Thursday 4 July", "Fri. 5th July".
    static func weekdayFirst(_ text: NumberText, _ w: Int, _ wd: Int) -> WeekdayDatePhrase? {
        var k = w + 1
        if text.isPunctuation(k, "."), text.adjacent(w, k) { k += 1 }
        if partsOfDay.contains(text[k]), text.sameSentence(w, k) { k += 1 }
        var paren = false
        if text.isPunctuation(k, ",") { k += 1 }
        if text.isPunctuation(k, "(") { paren = true; k += 1 }
        guard text.tokens.indices.contains(k), text.tokens[k].block == text.tokens[w].block, let d = date(text, at: k) else { return nil }
        var end = d.end
        if paren {
            guard text.isPunctuation(end, ")") else { return nil }
            end += 1
        }
        return WeekdayDatePhrase(weekday: wd, weekdayToken: w, date: d, start: w, end: end)
    }

    /// "July 4 (Thursday)", "4 July, a Thursday", "July 4, Thursday".
    static func dateFirst(_ text: NumberText, _ w: Int, _ wd: Int) -> WeekdayDatePhrase? {
        var k = w - 1
        var paren = false
        if text.isPunctuation(k, "(") { paren = true; k -= 1 }
        else {
            if text[k] == "a" { k -= 1 }
            if text.isPunctuation(k, ",") { k -= 1 } else { return nil }
        }
        // k is the last token of the date; try starts a few tokens back.
        for start in stride(from: k, through: max(0, k - 5), by: -1) {
            guard text.tokens[start].block == text.tokens[w].block, let d = date(text, at: start), d.end == k + 1 else { continue }
            var end = w + 1
            if paren {
                guard text.isPunctuation(end, ")") else { return nil }
                end += 1
            }
            return WeekdayDatePhrase(weekday: wd, weekdayToken: w, date: d, start: d.start, end: end)
        }
        return nil
    }
}

/// Where an article's date came from, and the date.
public struct ArticleDate: Sendable, Hashable {
    public enum Source: String, Sendable {
        case frontMatter = "front matter"
        case dateline
        case dateLine = "leading date line"
        case option = "--date"
    }
    public var date: CalendarDate
    public var source: Source
    /// Where the date is written in the document (nil for `--date`).
    public var span: Span?

    /// The article's date: the front matter's `date_field` (or `date`), a dateline or a leading
    /// date line at the top of the body, else `defaultDate` (`--date`). Nil when none of these
    /// gives a full date.
    public static func resolve(_ text: NumberText, dateField: String?, defaultDate: String?) -> ArticleDate? {
        let document = text.document
        if let fm = document.frontMatter, let field = fm.fields.first(where: { $0.key == (dateField ?? "date") }),
           let d = parse(field.value) {
            return ArticleDate(date: d, source: .frontMatter, span: field.span)
        }
        if let found = leading(text) { return found }
        if let s = defaultDate, let d = CalendarDate(iso: s) { return ArticleDate(date: d, source: .option, span: nil) }
        return nil
    }

    static let labels: Set<String> = ["date", "dated", "published", "updated", "posted", "last", "first", "pubdate", "filed"]

    /// A date with its year near the top: "date 2025-07-04", "Published: 4 July 2025",
    /// "KYIV, July 5, 2025 (Reuters) —", "Friday 4 July 2025".
    static func leading(_ text: NumberText) -> ArticleDate? {
        var blocksSeen = 0
        var lastBlock: Int32 = -1
        var i = 0
        while i < text.count && blocksSeen <= 3 {
            let block = text.tokens[i].block
            if block != lastBlock {
                lastBlock = block
                if case .frontMatter = text.document.blocks[Int(block)].kind {
                    while i < text.count && text.tokens[i].block == block { i += 1 }
                    continue
                }
                blocksSeen += 1
                if blocksSeen > 3 { break }
                // From the block's start: labels, a place in capitals, commas, a weekday, then the date.
                var k = i
                var label = false
                var place = 0
                while k < text.count && text.tokens[k].block == block && k - i < 8 {
                    if let d = DatePhrases.date(text, at: k) {
                        if let y = d.year, let c = CalendarDate(year: y, month: d.month, day: d.day) {
                            return ArticleDate(date: c, source: label || place == 0 ? .dateLine : .dateline, span: text.span(d.start, d.end - 1))
                        }
                        break
                    }
                    let w = text.lower[k]
                    if text.isWord(k) && labels.contains(w) { label = true; k += 1; continue }
                    if text.isPunctuation(k, ":") || text.isPunctuation(k, ",") || text.isPunctuation(k, "-") || text.isPunctuation(k, "|") { k += 1; continue }
                    if DatePhrases.weekday(text, k) != nil { k += 1; continue }
                    if text.isWord(k) && text.tokens[k].flags.contains(.capitalized) && !label { place += 1; k += 1; continue }
                    break
                }
            }
            i += 1
        }
        return nil
    }

    /// A front-matter date: ISO ("2025-07-04", "2025-07-04T10:00:00Z") or "July 4, 2025" / "4 July 2025".
    public static func parse(_ value: String) -> CalendarDate? {
        let v = value.trimmingCharacters(in: [" ", "\"", "'"])
        if let d = CalendarDate(iso: v) { return d }
        let parts = v.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        guard parts.count >= 3 else { return nil }
        let stripped = parts.map { $0.hasSuffix("st") || $0.hasSuffix("nd") || $0.hasSuffix("rd") || $0.hasSuffix("th") ? String($0.dropLast(2)) : $0 }
        for (mi, di) in [(0, 1), (1, 0)] {
            if let m = DatePhrases.months[parts[mi]], let d = Int(stripped[di]), let y = Int(parts[2]) {
                return CalendarDate(year: y, month: m, day: d)
            }
        }
        // "Friday, July 4, 2025"
        if parts.count >= 4, DatePhrases.weekdays[parts[0]] != nil { return parse(parts.dropFirst().joined(separator: " ")) }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
