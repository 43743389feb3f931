/// The values a stated number allows: "23" is 23 to 23, "at least 23" 23 to infinity,
/// "about 500" 425 to 575, "hundreds" 200 to 999. Two statements of one count agree when
/// their intervals meet.
public struct NumberInterval: Sendable, Hashable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public init(exactly value: Double) {
        self.init(value, value)
    }

    public var isExact: Bool { lower == upper }

    /// True when some value lies in both (with a little room for floating-point sums).
    public func meets(_ other: NumberInterval) -> Bool {
        let eps = 1e-9 * max(1, abs(lower), abs(other.lower))
        return lower <= other.upper + eps && other.lower <= upper + eps
    }

    /// The interval of a sum of one value from each.
    public static func + (a: NumberInterval, b: NumberInterval) -> NumberInterval {
        NumberInterval(a.lower + b.lower, a.upper + b.upper)
    }

    public var description: String {
        if isExact { return NumberFormatting.plain(lower) }
        if upper == .infinity { return "≥ " + NumberFormatting.plain(lower) }
        if lower <= 0 { return "≤ " + NumberFormatting.plain(upper) }
        return NumberFormatting.plain(lower) + "–" + NumberFormatting.plain(upper)
    }
}

/// Plain renderings of numbers for messages.
public enum NumberFormatting {
    /// "23", "1,500", "1.5", "0.25": integers with thousands separators, others with up to 2 decimals.
    public static func plain(_ value: Double) -> String {
        if value == .infinity { return "∞" }
        if value.rounded() == value && abs(value) < 1e15 {
            let n = Int64(value)
            let digits = String(abs(n))
            var out = ""
            for (k, ch) in digits.enumerated() {
                if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return (n < 0 ? "-" : "") + out
        }
        var s = String((value * 100).rounded() / 100)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
