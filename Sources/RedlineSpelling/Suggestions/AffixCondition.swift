/// A Hunspell affix condition such as `[^aeiou]y`, `.` or `[^ey]`: a sequence of letter
/// classes matched against the end of a stem (suffixes) or its start (prefixes).
struct AffixCondition: Sendable {
    /// One letter class: ASCII letters as a bit set, others listed in `others`.
    struct Element: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var negated = false
        var anyOther = false
        var otherStart: Int32 = 0
        var otherCount: Int32 = 0
    }

    private(set) var elements: [Element] = []
    private var others: [UInt32] = []

    /// The condition `.` (or an empty one) matches every stem.
    var isTrivial: Bool { elements.isEmpty }

    init(_ text: String) {
        var scalars = text.unicodeScalars.makeIterator()
        var allDots = true
        while let s = scalars.next() {
            var element = Element()
            var members: [UInt32] = []
            if s == "[" {
                var first = true
                while let t = scalars.next(), t != "]" {
                    if first && t == "^" { element.negated = true } else { members.append(t.value) }
                    first = false
                }
                allDots = false
            } else if s == "." {
                element.low = .max
                element.high = .max
                element.anyOther = true
            } else {
                members.append(s.value)
                allDots = false
            }
            element.otherStart = Int32(others.count)
            for m in members {
                if m < 64 { element.low |= 1 << UInt64(m) }
                else if m < 128 { element.high |= 1 << UInt64(m - 64) }
                else { others.append(m) }
            }
            element.otherCount = Int32(others.count) - element.otherStart
            elements.append(element)
        }
        if allDots { elements = [] }
    }

    /// Whether the class at `position` accepts the letter.
    func accepts(_ scalar: UInt32, at position: Int) -> Bool {
        let e = elements[position]
        var inside: Bool
        if scalar < 64 { inside = e.low & (1 << UInt64(scalar)) != 0 }
        else if scalar < 128 { inside = e.high & (1 << UInt64(scalar - 64)) != 0 }
        else if e.anyOther { inside = true }
        else {
            inside = false
            let start = Int(e.otherStart)
            for i in start..<(start + Int(e.otherCount)) where others[i] == scalar { inside = true; break }
        }
        return inside != e.negated
    }

    /// Whether the last letters of `word` match (suffix rules).
    func matchesEnd(of word: [UInt32]) -> Bool {
        if elements.isEmpty { return true }
        guard word.count >= elements.count else { return false }
        let offset = word.count - elements.count
        for i in 0..<elements.count where !accepts(word[offset + i], at: i) { return false }
        return true
    }

    /// Whether the first letters of `word` match (prefix rules).
    func matchesStart(of word: [UInt32]) -> Bool {
        if elements.isEmpty { return true }
        guard word.count >= elements.count else { return false }
        for i in 0..<elements.count where !accepts(word[i], at: i) { return false }
        return true
    }
}
