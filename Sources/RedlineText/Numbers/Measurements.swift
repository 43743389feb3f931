import RedlineCore

/// A measurement: a number and its unit ("30km", "19 miles", "86F", "5,200 hectares").
public struct Measure: Sendable, Hashable {
    public var number: NumberPhrase
    /// The unit's name as listed in `units.tsv` ("km", "miles"), or "°C" / "°F".
    public var unit: String
    /// `length`, `mass`, `volume`, `area`, `speed` or `temperature`.
    public var dimension: String
    /// Size of the unit in its dimension's base unit (unused for temperature).
    public var size: NumberInterval
    /// The value, signed ("-5C").
    public var value: Double
    /// Tokens: first, and just past the unit.
    public var start: Int
    public var end: Int
}

/// A measurement followed by its conversion: "30km (19 miles)", "30C (86F)", "30km, or 19 miles".
public struct ConversionPair: Sendable, Hashable {
    public var stated: Measure
    public var converted: Measure
}

/// Finds measurements and their conversions in a `NumberText`.
public struct MeasureScanner: Sendable {
    public let units: PhraseTable<MeasureUnit>

    public init(vocabulary: NumberVocabulary) {
        units = vocabulary.units
    }

    static let approximately: Set<String> = ["about", "around", "roughly", "some", "nearly", "almost", "approximately",
                                             "approx", "c", "ca", "circa", "~", "≈", "over", "more", "than", "up", "to",
                                             "under", "less", "just", "or", "an", "estimated", "at", "least", "equivalent",
                                             "the", "of", "equal"]

    /// A measurement whose number starts at token `i`.
    public func measure(_ text: NumberText, at i: Int, shortAlone: Bool = false) -> Measure? {
        guard let number = NumberParser.parse(text, at: i), number.kind == .amount, !number.isVague else { return nil }
        // Not one end of a range ("20-30km").
        if text.isPunctuation(number.end, "-"), text.adjacent(number.end - 1, number.end), text.isNumber(number.end + 1) { return nil }
        if i > 0, text.isPunctuation(i - 1, "-") || text.isPunctuation(i - 1, "\u{2013}"), text.isNumber(i - 2) { return nil }
        var value = number.value
        var start = i
        // A sign: "-5C", "minus 5C".
        if i > 0 && (text.isPunctuation(i - 1, "-") || text.isPunctuation(i - 1, "\u{2212}")) && text.adjacent(i - 1, i)
            && !(i > 1 && text.adjacent(i - 2, i - 1) && text.isNumber(i - 2)) {
            value = -value
            start = i - 1
        } else if text[i - 1] == "minus" {
            value = -value
            start = i - 1
        }
        var suffix = number.suffix
        var end = number.end
        // "1.5m tonnes": a glued "m" before a unit is millions.
        if suffix == "m" || suffix == "mn", units.match(text, at: end) != nil {
            value *= 1e6
            suffix = ""
        }
        if !suffix.isEmpty {
            if let t = temperature(suffix) { return Measure(number: number, unit: t, dimension: "temperature", size: NumberInterval(exactly: 1), value: value, start: start, end: end) }
            guard let u = units.match(text, at: number.end - 1, firstWord: suffix) else { return nil }
            end = u.end
            // "20km²" / "20km2"
            return Measure(number: number, unit: u.value.name, dimension: u.value.dimension, size: u.value.size, value: value, start: start, end: max(end, number.end))
        }
        // "30 °C", "30° C", "30 degrees C", "30 degrees Celsius".
        var k = end
        if text.isPunctuation(k, "°") || text[k] == "degrees" || text[k] == "degree" {
            k += 1
            if let t = temperature(text[k]) { return Measure(number: number, unit: t, dimension: "temperature", size: NumberInterval(exactly: 1), value: value, start: start, end: k + 1) }
            let glued = text[k]
            if glued.hasPrefix("c") || glued.hasPrefix("f"), let t = temperature(String(glued.prefix(1))), glued.count == 1 {
                return Measure(number: number, unit: t, dimension: "temperature", size: NumberInterval(exactly: 1), value: value, start: start, end: k + 1)
            }
            return nil
        }
        // "a 19-mile stretch"
        if text.isPunctuation(k, "-") && text.adjacent(k - 1, k) { k += 1 }
        guard let u = unit(text, at: k, shortAlone: shortAlone) else { return nil }
        return Measure(number: number, unit: u.value.name, dimension: u.value.dimension, size: u.value.size, value: value, start: start, end: u.end)
    }

    /// Two-letter units that are no common word, so they may stand apart from the number ("30 km").
    static let clearShortUnits: Set<String> = ["km", "kg", "lb", "ft", "cm", "mm", "ha", "oz", "mph", "kph", "kmh", "lbs", "kms"]

    /// The unit written at token `k` after a number. A lone "in", "m", "t", "l", "st", "g" or
    /// "mi" after a space is a word, not a unit, unless `shortAlone` (inside a conversion's brackets).
    public func unit(_ text: NumberText, at k: Int, shortAlone: Bool = false) -> (value: MeasureUnit, end: Int)? {
        guard let u = units.match(text, at: k) else { return nil }
        if !shortAlone && u.end == k + 1 && text[k].count <= 2 && !text.adjacent(k - 1, k) && !Self.clearShortUnits.contains(text[k]) {
            return nil
        }
        return u
    }

    private func temperature(_ w: String) -> String? {
        switch w {
        case "c", "celsius", "centigrade", "°c": return "°C"
        case "f", "fahrenheit", "°f": return "°F"
        default: return nil
        }
    }

    /// Every measurement followed by a conversion in brackets or after ", or".
    public func conversions(_ text: NumberText) -> [ConversionPair] {
        var out: [ConversionPair] = []
        var i = 0
        while i < text.count {
            guard text.isNumber(i) || text.has(i, .numberWord), let a = measure(text, at: i) else { i += 1; continue }
            var k = a.end
            var opened = false
            if text.isPunctuation(k, "(") { opened = true; k += 1 }
            else if text.isPunctuation(k, ","), text[k + 1] == "or" { k += 2 }
            else { i = a.end; continue }
            var steps = 0
            while steps < 3 && k < text.count && Self.approximately.contains(text[k]) { k += 1; steps += 1 }
            if text.isPunctuation(k, "~") || text.isPunctuation(k, "≈") { k += 1 }
            guard let b = measure(text, at: k, shortAlone: opened), b.dimension == a.dimension, b.unit != a.unit else { i = a.end; continue }
            // In brackets, the conversion is all the brackets hold (no "or 12 miles away", no ranges).
            if opened && !(text.isPunctuation(b.end, ")") || text.isPunctuation(b.end, ";") || text.isPunctuation(b.end, ",")) { i = a.end; continue }
            out.append(ConversionPair(stated: a, converted: b))
            i = b.end
        }
        return out
    }

    /// The value `a` has in `b`'s unit: a range when a unit has two sizes (gallons, tons).
    public static func convert(_ a: Measure, to b: Measure) -> NumberInterval {
        if a.dimension == "temperature" {
            if a.unit == b.unit { return NumberInterval(exactly: a.value) }
            let v = a.unit == "°C" ? a.value * 9 / 5 + 32 : (a.value - 32) * 5 / 9
            return NumberInterval(exactly: v)
        }
        let lo = a.value * a.size.lower / b.size.upper
        let hi = a.value * a.size.upper / b.size.lower
        return NumberInterval(min(lo, hi), max(lo, hi))
    }

    /// How far a stated conversion may be from the exact one: the rounding of the conversion
    /// (at most a tenth of it), the last digit of the original carried across, and 3% more.
    public static func tolerance(_ a: Measure, _ b: Measure, exact: NumberInterval) -> Double {
        let magnitude = max(abs(exact.lower), abs(exact.upper))
        let roundingB = min(b.number.halfUnit, max(0.5, 0.1 * abs(b.value)))
        if a.dimension == "temperature" {
            return roundingB + min(a.number.halfUnit, 0.5) * 1.8 + 1
        }
        let factor = a.size.upper / b.size.lower
        return roundingB + min(a.number.halfUnit, 0.5) * factor + 0.03 * magnitude
    }
}
