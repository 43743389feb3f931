/// A day of the Gregorian calendar, with the arithmetic the weekday rule needs.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid date, or nil ("February 30").
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2025-07-04", or the start of "2025-07-04T10:00:00Z".
    public init?(iso: String) {
        let b = Array(iso.utf8.prefix(10))
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r { guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }; v = v * 10 + Int(b[k] - 0x30) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let n = dayNumber
        return ((n % 7) + 7 + 4) % 7   // 1970-01-01 was a Thursday (4)
    }

    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    public var weekdayName: String { Self.weekdayNames[weekday] }

    /// "Friday, July 4, 2025".
    public var description: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    /// The date of `month`/`day` nearest to `reference`: in the reference's year, the one
    /// before or the one after (a story of 2 January may speak of 30 December).
    public static func nearest(month: Int, day: Int, to reference: CalendarDate) -> CalendarDate? {
        var best: CalendarDate? = nil
        for y in [reference.year - 1, reference.year, reference.year + 1] {
            guard let d = CalendarDate(year: y, month: month, day: day) else { continue }
            if best == nil || abs(d.dayNumber - reference.dayNumber) < abs(best!.dayNumber - reference.dayNumber) { best = d }
        }
        return best
    }
}
