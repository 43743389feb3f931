/// One prefix or suffix rule of a Hunspell `.aff` file (`SFX D y ied [^aeiou]y`): strip some
/// letters from a stem that matches the condition, add others, and pass on continuation flags.
struct AffixRule: Sendable {
    var isPrefix: Bool
    /// Whether the rule combines with rules of the other kind (the `Y` of the header line).
    var crossProduct: Bool
    var strip: [UInt32]
    var add: [UInt32]
    /// Flags of the affixed form: further affixes it may take, or `NEEDAFFIX`-like markers.
    var continuation: [UInt32]
    var condition: AffixCondition
    /// Set once the whole `.aff` file is read: the form is never suggested (forbidden,
    /// `NOSUGGEST`, compound-only), is no word by itself (`NEEDAFFIX`), or is half a circumfix.
    var isExcluded = false
    var needsAffix = false
    var isCircumfix = false

    init(isPrefix: Bool, crossProduct: Bool, strip: [UInt32], add: [UInt32], continuation: [UInt32], condition: AffixCondition) {
        self.isPrefix = isPrefix
        self.crossProduct = crossProduct
        self.strip = strip
        self.add = add
        self.continuation = continuation
        self.condition = condition
    }

    /// The affixed form of `stem`, or nil when the rule does not apply to it.
    func apply(to stem: [UInt32]) -> [UInt32]? {
        let n = stem.count, s = strip.count
        guard n > s || (n == s && !add.isEmpty) else { return nil }
        if isPrefix {
            guard condition.matchesStart(of: stem) else { return nil }
            for i in 0..<s where stem[i] != strip[i] { return nil }
            var form = add
            form.append(contentsOf: stem[s...])
            return form
        }
        guard condition.matchesEnd(of: stem) else { return nil }
        for i in 0..<s where stem[n - s + i] != strip[i] { return nil }
        var form = [UInt32]()
        form.reserveCapacity(n - s + add.count)
        form.append(contentsOf: stem[..<(n - s)])
        form.append(contentsOf: add)
        return form
    }
}
