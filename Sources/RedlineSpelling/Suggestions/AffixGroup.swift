/// The rules of one affix flag, bucketed by the letter a stem must end with (suffixes) or
/// start with (prefixes) for the rule to apply, so a stem is tried only against rules that
/// can fit it.
final class AffixGroup: Sendable {
    let isPrefix: Bool
    let rules: [AffixRule]
    /// Rule indexes by the stem's boundary letter (ASCII), and for any other letter.
    private let asciiBuckets: [[Int32]]
    private let otherBucket: [Int32]

    init(isPrefix: Bool, rules: [AffixRule]) {
        self.isPrefix = isPrefix
        self.rules = rules
        var buckets = [[Int32]](repeating: [], count: 128)
        var other: [Int32] = []
        for (index, rule) in rules.enumerated() {
            let conditionSize = rule.condition.elements.count
            for letter in 0..<128 {
                let scalar = UInt32(letter)
                var fits = true
                if let boundary = isPrefix ? rule.strip.first : rule.strip.last, boundary != scalar { fits = false }
                if fits && conditionSize > 0 && !rule.condition.accepts(scalar, at: isPrefix ? 0 : conditionSize - 1) { fits = false }
                if fits { buckets[letter].append(Int32(index)) }
            }
            other.append(Int32(index))
        }
        asciiBuckets = buckets
        otherBucket = other
    }

    /// Indexes of the rules that may apply to a stem with this boundary letter.
    func candidates(boundary scalar: UInt32) -> [Int32] {
        scalar < 128 ? asciiBuckets[Int(scalar)] : otherBucket
    }
}
