/// Gathers word forms, their capitalisation and their frequencies for a `SuggestionIndex`.
struct SuggestionIndexBuilder {
    var alphabet = LetterAlphabet()
    private(set) var trie = LetterTrieBuilder()
    private(set) var zipf: [Float] = []
    private(set) var kinds: [UInt8] = []
    private(set) var otherSpellings: [Int32: [String]] = [:]
    private var codes: [UInt16] = []

    /// Adds one word form (Unicode scalar values as written), from `source`
    /// (`SuggestionIndex.fromDictionary` or `.fromExtraWords`).
    mutating func add(_ form: [UInt32], source: UInt8) {
        guard !form.isEmpty, !form.contains(0x20) else { return }
        codes.removeAll(keepingCapacity: true)
        var kind = SuggestionIndex.lowercaseForm
        for (i, s) in form.enumerated() {
            let lower = LetterAlphabet.lowercase(s)
            if lower != s { kind = (i == 0 && kind == SuggestionIndex.lowercaseForm) ? SuggestionIndex.capitalisedForm : SuggestionIndex.otherForm }
            codes.append(alphabet.encode(lower))
        }
        let (key, isNew) = trie.insert(codes)
        if isNew { zipf.append(-1); kinds.append(0) }
        kinds[Int(key)] |= kind | source
        if kind == SuggestionIndex.otherForm {
            let spelling = String(scalars: form.compactMap(Unicode.Scalar.init))
            if !(otherSpellings[key]?.contains(spelling) ?? false) { otherSpellings[key, default: []].append(spelling) }
        }
    }

    /// Sets the frequency of a word the index holds (the highest wins); others are ignored.
    mutating func setFrequency(of word: Substring, zipf value: Float, in trie: LetterTrie) {
        codes.removeAll(keepingCapacity: true)
        for s in word.unicodeScalars { codes.append(alphabet.code(LetterAlphabet.lowercase(s.value))) }
        if let key = trie.lookup(codes), value > zipf[Int(key)] { zipf[Int(key)] = value }
    }
}
