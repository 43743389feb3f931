import Foundation

/// Ranks corrections for a misspelled word: candidates within two edits from the index (plus
/// `REP`-table rewrites and split words), scored by the error model's cost against the
/// candidate's frequency. Stateless apart from its read-only index, so safe from any thread.
struct SuggestionEngine: Sendable {
    let index: SuggestionIndex
    let model: ErrorModel
    let weights: SuggestionWeights

    init(index: SuggestionIndex, weights: SuggestionWeights) {
        self.index = index
        self.weights = weights
        self.model = ErrorModel(alphabet: index.alphabet, affixes: index.affixes, weights: weights)
    }

    /// The prior of a key: its Zipf frequency, or a default for unlisted words.
    func prior(_ key: Int32) -> Float {
        let z = index.zipf[Int(key)]
        if z >= 0 { return z }
        guard let floor = index.frequencyFloor else { return 0 }
        return floor - (index.kinds[Int(key)] & SuggestionIndex.fromDictionary != 0 ? weights.unlistedBelowFloor : weights.extraWordBelowFloor)
    }

    /// The sound-alike key of letter codes (empty for dictionaries other than English).
    func phoneticKey(_ codes: [UInt16]) -> [UInt8] {
        index.isEnglish ? PhoneticKey.key(codes.map(index.alphabet.scalar)) : []
    }

    /// The query as letter codes: lowercased, with the dictionary's input conversions applied.
    func normalise(_ word: String) -> [UInt16] {
        var text = word
        for (from, to) in index.affixes.inputConversions where text.contains(from) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return index.codes(of: text)
    }

    /// Candidates for `word`, best first (at most `limit`).
    func rank(_ word: String, limit: Int = 10) -> [RankedCandidate] {
        rank(word, limit: limit, widerSearch: true).ranked
    }

    /// The same, and whether words two edits away with another first letter than the word's
    /// first two were (`widerSearch` true), or would have been, searched: they are, when no
    /// word nearer is found. With `widerSearch` false and `needsWider` false, `ranked` is
    /// exactly what `rank` gives.
    func rank(_ word: String, limit: Int, widerSearch: Bool) -> (ranked: [RankedCandidate], needsWider: Bool) {
        let q = normalise(word)
        guard !q.isEmpty, q.count <= 60 else { return ([], false) }
        let lowercaseInput = CasePattern(word) == .lowercase
        let sound = phoneticKey(q)
        var scratch: [Float] = []
        let typed = model.prepare(q)
        var byKey: [Int32: RankedCandidate] = [:]
        func consider(_ key: Int32) {
            if byKey[key] != nil { return }
            let meant = index.trie.codes(ofKey: key)
            var cost = model.cost(typed: typed, meant: meant, scratch: &scratch)
            if lowercaseInput && index.kinds[Int(key)] & SuggestionIndex.lowercaseForm == 0 { cost += weights.caseMismatch }
            if !sound.isEmpty && phoneticKey(meant) == sound { cost -= weights.soundsAlike }
            byKey[key] = RankedCandidate(keys: [key], text: "", cost: cost, score: weights.frequency * prior(key) - cost)
        }
        // Words that keep the first letter (or swap it with the second) are searched within two
        // edits, the others within one; those within two edits too only when nothing is close.
        let k = q.count <= 3 ? 1 : 2
        let kept = Array(q.prefix(2))
        index.trie.search(q, maxDistance: k, widerFirst: kept, narrowDistance: 1) { key, _ in consider(key) }
        let needsWider = k > 1 && !byKey.values.contains(where: { $0.cost <= weights.widerSearchCost })
        if widerSearch && needsWider {
            index.trie.search(q, maxDistance: k, widerFirst: kept, narrowDistance: k, skipWider: true) { key, _ in consider(key) }
        }
        // Words that sound alike, however many edits away (restraunt → restaurant).
        if index.isEnglish && q.count >= 4 && sound.count >= 2 {
            for key in index.phonetic.words(soundingLike: sound).prefix(300) { consider(key) }
        }
        // The irregular form meant by a regular-looking one (teached → taught, childs → children).
        for form in index.irregular.meant(by: word.lowercased()) {
            guard let key = index.trie.lookup(index.codes(of: form)) else { continue }
            let cost = weights.irregularForm
            if let known = byKey[key], known.cost <= cost { continue }
            byKey[key] = RankedCandidate(keys: [key], text: "", cost: cost, score: weights.frequency * prior(key) - cost)
        }

        var multi: [RankedCandidate] = []
        // REP-table rewrites that reach further than two edits (alot → a lot, f → ph).
        for (from, to) in index.affixes.replacements {
            let typed = index.codes(of: from)
            guard !typed.isEmpty, typed.count <= q.count else { continue }
            var start = 0
            while start + typed.count <= q.count {
                defer { start += 1 }
                guard q[start..<(start + typed.count)].elementsEqual(typed) else { continue }
                let parts = to.split(separator: "_", omittingEmptySubsequences: false)
                var rewritten = Array(q[..<start])
                rewritten += index.codes(of: String(parts[0]))
                if parts.count == 1 {
                    rewritten += q[(start + typed.count)...]
                    if let key = index.trie.lookup(rewritten) { consider(key) }
                } else {
                    var words = [rewritten]
                    for p in parts.dropFirst() { words.append(index.codes(of: String(p))) }
                    words[words.count - 1] += q[(start + typed.count)...]
                    let keys = words.compactMap { index.trie.lookup($0) }
                    guard keys.count == words.count, keys.allSatisfy(isDictionaryWord) else { continue }
                    // The dictionary names this pair as a common confusion: the words' own
                    // frequency, not their chance of meeting, is the prior.
                    multi.append(RankedCandidate(keys: keys, text: keys.map(index.text(ofKey:)).joined(separator: " "),
                                                 cost: weights.replacement,
                                                 score: weights.frequency * (keys.map(prior).min() ?? 0) - weights.replacement))
                }
            }
        }
        // Two words run together (infact → in fact).
        if q.count >= 3 {
            for split in 1..<q.count {
                guard let left = index.trie.lookup(q[..<split]), let right = index.trie.lookup(q[split...]),
                      isDictionaryWord(left), isDictionaryWord(right) else { continue }
                multi.append(RankedCandidate(keys: [left, right], text: index.text(ofKey: left) + " " + index.text(ofKey: right),
                                             cost: weights.split, score: weights.frequency * jointPrior([left, right]) - weights.split))
            }
        }

        var ranked = Array(byKey.values)
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.keys[0] < $1.keys[0]) }
        if ranked.count > limit { ranked.removeLast(ranked.count - limit) }
        for i in ranked.indices { ranked[i].text = index.text(ofKey: ranked[i].keys[0]) }
        for c in multi where !ranked.contains(where: { $0.text == c.text }) { ranked.append(c) }
        ranked.sort { $0.score > $1.score }
        return (Array(ranked.prefix(limit)), needsWider)
    }

    /// The prior of words written one after another, as if independent: the sum of their Zipf
    /// values less 9 per extra word (Zipf counts per billion words).
    func jointPrior(_ keys: [Int32]) -> Float {
        keys.map(prior).reduce(0, +) - 9 * Float(keys.count - 1)
    }

    /// Whether a key is a dictionary word written in lowercase (extra words and names are not
    /// used to split a word in two).
    private func isDictionaryWord(_ key: Int32) -> Bool {
        let kind = index.kinds[Int(key)]
        return kind & SuggestionIndex.fromDictionary != 0 && kind & SuggestionIndex.lowercaseForm != 0
    }
}
