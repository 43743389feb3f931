import RedlineCore

/// A number as written: digits ("23", "1,500", "1.5m", "20km") or words ("eight",
/// "twenty-five", "a dozen", "1.5 million", "hundreds", "two-thirds").
public struct NumberPhrase: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A plain amount: "23", "eight", "1.5 million", "hundreds".
        case amount
        case percent
        /// With a currency symbol ("£1.5bn") or word ("500 euros" is an amount followed by a noun).
        case currency
        case ordinal
        /// A fraction or share written in words ("two-thirds", "half"), as a value from 0 to 1.
        case fraction
        /// Times, dates, decades ("1990s") and other shapes that are not counts.
        case other
    }
    public var kind: Kind
    /// The value stated (scaled: "1.5 million" is 1,500,000).
    public var value: Double
    /// The values the words allow: exact for "23", a range for "1.5 million" (rounded) or "hundreds".
    public var interval: NumberInterval
    /// Half a unit of the last digit stated: 0.5 for "23", 5 for "60", 0.05 for "4.2".
    public var halfUnit: Double
    /// Token indices of the number (first, and just past the last).
    public var start: Int
    public var end: Int
    /// A unit glued to the digits, lower case ("km" of "20km"); "" when none. A glued "m" is
    /// kept here unscaled, as it may be metres or millions.
    public var suffix: String
    /// Written in words.
    public var isWords: Bool
    /// Vague: "hundreds", "dozens", "several".
    public var isVague: Bool
    /// Four digits between 1800 and 2100, no separator: probably a year.
    public var looksLikeYear: Bool

    /// The value, reading a glued "m" as million (for counts: "1.5m people").
    public var countValue: NumberInterval {
        guard suffix == "m" || suffix == "mn" else { return interval }
        return NumberInterval(interval.lower * 1e6 - halfUnit * 1e6, interval.upper * 1e6 + halfUnit * 1e6)
    }
}

/// Reads numbers at a token of a `NumberText`.
public enum NumberParser {
    static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = ["hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    /// Scales glued to digits ("1.5bn", "20k"); "m" is handled apart (metres or millions).
    static let suffixScales: [String: Double] = ["bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "trn": 1e12, "mn": 1e6]
    /// Plural number words: the range they allow.
    static let vague: [String: NumberInterval] = [
        "dozens": NumberInterval(13, 199), "scores": NumberInterval(20, 199), "hundreds": NumberInterval(100, 1999),
        "thousands": NumberInterval(1000, 99_999), "millions": NumberInterval(1e6, 999e6), "billions": NumberInterval(1e9, 999e9),
    ]
    static let fractionDenominators: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
        "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    ]
    /// The value of a single number word ("eight", "twenty-five", "forty"), or nil.
    public static func wordValue(_ w: String) -> Double? {
        if let v = units[w] ?? tens[w] { return v }
        if w.utf8.contains(UInt8(ascii: "-")), let dash = w.firstIndex(of: "-") {
            let a = w[..<dash], b = w[w.index(after: dash)...]
            if let t = tens[String(a)], let u = units[String(b)], u < 10 { return t + u }
        }
        return nil
    }

    /// Suffixes glued to digits that make a time or a decade, not an amount ("5pm", "1990s").
    static let otherSuffixes: Set<String> = ["am", "pm", "a.m", "p.m", "s", "hrs", "gmt", "bst"]

    /// Parses the digits of a number token: value, decimals, trailing zeros, the glued suffix.
    public static func digits(_ text: String) -> (value: Double, decimals: Int, trailingZeros: Int, suffix: String, grouped: Bool)? {
        // The bytes in place (a short token's on the stack): no array is made.
        var text = text
        return text.withUTF8 { digits(bytes: $0) }
    }

    private static func digits(bytes b: UnsafeBufferPointer<UInt8>) -> (value: Double, decimals: Int, trailingZeros: Int, suffix: String, grouped: Bool)? {
        var intPart: Double = 0
        var frac: Double = 0
        var decimals = 0
        var seenDigit = false
        var inFraction = false
        var grouped = false
        var trailingZeros = 0
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        var k = 0
        // Skip a currency symbol or sign.
        while k < b.count && !isDigit(k) { k += 1 }
        while k < b.count {
            if isDigit(k) {
                let d = Double(b[k] - 0x30)
                seenDigit = true
                if inFraction {
                    decimals += 1
                    frac += d / pow10(decimals)
                } else {
                    intPart = intPart * 10 + d
                    trailingZeros = d == 0 ? trailingZeros + 1 : 0
                }
                k += 1
            } else if b[k] == UInt8(ascii: ","), !inFraction, seenDigit, isDigit(k + 1), isDigit(k + 2), isDigit(k + 3), !isDigit(k + 4) {
                // Thousands separator: exactly three digits follow.
                grouped = true
                k += 1
            } else if b[k] == UInt8(ascii: "."), !inFraction, isDigit(k + 1) {
                inFraction = true
                k += 1
            } else {
                break
            }
        }
        guard seenDigit else { return nil }
        let suffix = k < b.count ? String(decoding: b[k...], as: UTF8.self) : ""
        return (intPart + frac, decimals, decimals > 0 ? 0 : trailingZeros, suffix, grouped)
    }

    static func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// Half a unit of the last digit written.
    static func halfUnit(decimals: Int, trailingZeros: Int, value: Double) -> Double {
        if decimals > 0 { return 0.5 / pow10(decimals) }
        if value >= 10 && trailingZeros > 0 { return 0.5 * pow10(min(trailingZeros, Int(log10Floor(value)))) }
        return 0.5
    }

    static func log10Floor(_ v: Double) -> Double {
        var n = 0.0, x = v
        while x >= 10 { x /= 10; n += 1 }
        return n
    }

    /// The number that starts at token `i`, or nil.
    public static func parse(_ text: NumberText, at i: Int) -> NumberPhrase? {
        guard i >= 0 && i < text.count else { return nil }
        let token = text.tokens[i]
        if token.kind == .number { return parseDigits(text, at: i) }
        if token.kind == .word { return parseWords(text, at: i) }
        return nil
    }

    private static func parseDigits(_ text: NumberText, at i: Int) -> NumberPhrase? {
        let token = text.tokens[i]
        guard let d = digits(text.lower[i]) else { return nil }
        let flags = token.flags
        var kind: NumberPhrase.Kind = .amount
        if flags.contains(.time) || flags.contains(.date) || flags.contains(.alphanumeric) { kind = .other }
        if flags.contains(.ordinal) { kind = .ordinal }
        var suffix = d.suffix
        var value = d.value
        var half = halfUnit(decimals: d.decimals, trailingZeros: d.trailingZeros, value: d.value)
        var end = i + 1
        var rounded = false
        if suffix == "%" { kind = .percent; suffix = "" }
        if !suffix.isEmpty && Self.otherSuffixes.contains(suffix) { kind = .other }
        if !suffix.isEmpty, let scale = suffixScales[suffix] {
            value *= scale; half *= scale; suffix = ""; rounded = true
        }
        if flags.contains(.currency) { kind = .currency }
        // A scale word after the digits: "1.5 million", "23 thousand".
        if suffix.isEmpty, text.has(end, .scale), let scale = scales[text[end]], scale >= 1000, text.sameSentence(i, end) {
            value *= scale; half *= scale; end += 1; rounded = true
        }
        // "50 per cent", "50 percent".
        if kind == .amount && suffix.isEmpty {
            if text[end] == "per" && text[end + 1] == "cent" { kind = .percent; end += 2 }
            else if text[end] == "percent" || text[end] == "pc" { kind = .percent; end += 1 }
        }
        let looksLikeYear = !d.grouped && d.decimals == 0 && suffix.isEmpty && value >= 1800 && value <= 2100
            && kind == .amount && text.lower[i].count == 4
        let interval = rounded ? NumberInterval(value - half, value + half) : NumberInterval(exactly: value)
        return NumberPhrase(kind: kind, value: value, interval: interval, halfUnit: half, start: i, end: end,
                            suffix: suffix, isWords: false, isVague: false, looksLikeYear: looksLikeYear)
    }

    /// Words a number in words can start with; anything else is rejected by one lookup.
    static let startWords: Set<String> = {
        var words = Set(units.keys).union(tens.keys).union(vague.keys)
        words.formUnion(["a", "half", "several", "tens", "dozen", "zero"])
        return words
    }()

    private static func parseWords(_ text: NumberText, at i: Int) -> NumberPhrase? {
        guard text.has(i, .numberStart) else { return nil }
        let w = text.lower[i]
        func phrase(_ value: Double, _ interval: NumberInterval, _ end: Int, kind: NumberPhrase.Kind = .amount,
                    vague: Bool = false, half: Double = 0.5) -> NumberPhrase {
            NumberPhrase(kind: kind, value: value, interval: interval, halfUnit: half, start: i, end: end, suffix: "",
                         isWords: true, isVague: vague, looksLikeYear: false)
        }
        func same(_ j: Int) -> Bool { text.sameSentence(i, j) }

        // "half a million", "half a dozen" (below) before the fraction "half".
        let halfOfAmount = w == "half" && text[i + 1] == "a" && (text[i + 2] == "dozen" || scales[text[i + 2]] != nil)
        // Fractions: "two-thirds", "one-quarter", "half", "a third", "three quarters".
        if w.utf8.contains(UInt8(ascii: "-")), let dash = w.firstIndex(of: "-") {
            let a = String(w[..<dash]), b = String(w[w.index(after: dash)...])
            if let n = units[a], let d = fractionDenominators[b], n < d {
                return phrase(n / d, NumberInterval(exactly: n / d), i + 1, kind: .fraction)
            }
        }
        if w == "half" && !halfOfAmount { return phrase(0.5, NumberInterval(exactly: 0.5), i + 1, kind: .fraction) }
        // (The word classes tell scale words and denominators before any dictionary lookup.)
        if w == "a" || w == "one", text.has(i + 1, .denominator), let d = fractionDenominators[text[i + 1]], d > 2 || text[i + 1] == "half", same(i + 1) {
            // "a third of", "one quarter of" — but "a second", "one third-party" are not fractions.
            if text[i + 2] == "of" { return phrase(1 / d, NumberInterval(exactly: 1 / d), i + 2, kind: .fraction) }
        }
        if text.has(i + 1, .denominator), let n = units[w], n < 10, let d = fractionDenominators[text[i + 1]], n < d, text[i + 2] == "of", same(i + 1) {
            return phrase(n / d, NumberInterval(exactly: n / d), i + 2, kind: .fraction)
        }

        // Vague plurals: "hundreds", "tens of thousands", "hundreds of thousands", "dozens".
        if w == "tens" || w == "hundreds", text[i + 1] == "of", let big = vague[text[i + 2]], text[i + 2] == "thousands" || text[i + 2] == "millions", same(i + 2) {
            let f = w == "tens" ? 10.0 : 100.0
            return phrase(big.lower * f, NumberInterval(big.lower * f, big.lower * f * 100 - 1), i + 3, vague: true)
        }
        if let range = vague[w] { return phrase(range.lower, range, i + 1, vague: true) }
        // "several hundred", "a few thousand", "several dozen", "a handful", "several", "a few".
        if w == "several" || (w == "a" && text[i + 1] == "few") {
            let next = w == "several" ? i + 1 : i + 2
            if text.has(next, .scale), let s = scales[text[next]], same(next) {
                return phrase(3 * s, NumberInterval(2 * s, 10 * s - 1), next + 1, vague: true)
            }
            if text[next] == "dozen" { return phrase(36, NumberInterval(24, 119), next + 1, vague: true) }
            return phrase(3, NumberInterval(2, 19), next, vague: true)
        }
        if w == "a" && text[i + 1] == "handful" { return phrase(3, NumberInterval(2, 10), i + 2, vague: true) }
        if w == "a" && text[i + 1] == "couple" && text[i + 2] == "of" { return phrase(2, NumberInterval(2, 3), i + 2, vague: true) }

        // "a dozen", "half a dozen", "a hundred", "a million", "half a million".
        var j = i
        var multiplier = 1.0
        if w == "half" && text[i + 1] == "a" { multiplier = 0.5; j = i + 1 }
        if text[j] == "a" || (multiplier == 1 && text[j] == "one" && (text[j + 1] == "dozen" || text.has(j + 1, .scale))) {
            if text[j + 1] == "dozen", same(j + 1) {
                let v = 12 * multiplier
                return phrase(v, NumberInterval(exactly: v), j + 2)
            }
            if text.has(j + 1, .scale), let s = scales[text[j + 1]], same(j + 1) {
                // "a million" is rounded like "1 million"; "a hundred" is a hundred.
                let v = s * multiplier, half = s >= 1000 ? s * multiplier / 10 : 0.5
                return phrase(v, NumberInterval(v - (s >= 1000 ? half : 0), v + (s >= 1000 ? half : 0)), j + 2, half: half)
            }
            return nil
        }
        if text[i] == "dozen" { return nil }

        // Cardinal words: "eight", "twenty-five", "twenty five", "two hundred and fifty", "three million".
        guard text.has(i, .numberWord) else { return nil }
        var total = 0.0, current = 0.0
        var k = i
        var lastWasNumber = false
        var smallestScale = 1.0
        while k < text.count && same(k) && text.tokens[k].kind == .word {
            let x = text.lower[k]
            if text.has(k, .numberWord), let v = wordValue(x) {
                // Only "twenty five" may follow a number word directly.
                if lastWasNumber && !(current >= 20 && current.truncatingRemainder(dividingBy: 10) == 0 && v < 10) { break }
                current += v
                lastWasNumber = true
                k += 1
            } else if x == "dozen" && lastWasNumber && total == 0 {
                // "two dozen"
                current *= 12
                lastWasNumber = false
                k += 1
            } else if text.has(k, .scale), let s = scales[x], lastWasNumber || current > 0 {
                if s == 100 { current *= 100 } else { total += current * s; current = 0 }
                smallestScale = s
                lastWasNumber = false
                k += 1
                // "two hundred and fifty"
                if text[k] == "and", wordValue(text[k + 1]) != nil { k += 1 }
            } else {
                break
            }
        }
        total += current
        guard total > 0 else { return nil }
        // "three million" is rounded like "3 million".
        if smallestScale >= 1000 && current == 0 {
            let half = smallestScale / 2
            return phrase(total, NumberInterval(total - half, total + half), k, half: half)
        }
        return phrase(total, NumberInterval(exactly: total), k)
    }
}
