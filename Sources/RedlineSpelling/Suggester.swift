import Foundation
import RedlineCore

/// Produces ranked suggestions for misspelled words, memoised per run.
///
/// Candidates come from an index of every word form the dictionaries accept (built on the
/// first request, in a fraction of a second): all forms within two edits, rewrites from the
/// dictionary's `REP` table and words run together. They are ranked by a weighted edit cost
/// (swaps, doubled letters, vowels, sound-alikes and neighbouring keys are cheap) against
/// their frequency in a word-frequency list. Hunspell's own (slow) suggestions are asked for
/// only when no candidate is close. Every suggestion is accepted by the spell checker and is
/// written in the case pattern of the misspelling.
///
/// Safe to call from several threads: the index is read-only once built, and Hunspell is
/// reached only through `SpellChecker`, which lends each handle to one thread at a time.
public final class Suggester: @unchecked Sendable {
    private let speller: SpellChecker
    private let frequencyListPath: String?
    private let irregularFormsPath: String?
    private let extraWords: [String]
    private let weights: SuggestionWeights
    /// At most this many suggestions are returned.
    public let limit: Int
    /// Hunspell is asked when the best candidate of our own costs more than this (in edits).
    public let hunspellFallbackCost: Float
    /// Whether Hunspell is asked at all. Its suggestions for a far misspelling take some 50 ms
    /// per dictionary (it compares the word with every word of the dictionary): more than the
    /// rest of a check of an article. `redline check` does without; `redline suggest` asks.
    public let hunspellFallback: Bool
    /// Where built indexes are kept between runs (nil: the index is built on every run).
    public let indexCache: SuggestionIndexCache?

    private let builtEngine = OneTimeSetUp<SuggestionEngine>()
    private let cacheLock = NSLock()
    private var cache: [String: Suggestions] = [:]
    /// Words `confidentSuggestions` found to have no confident correction.
    private var notConfident: Set<String> = []

    /// - Parameters:
    ///   - frequencyListPath: a `word<TAB>zipf` list; by default `frequency/<language>.tsv`
    ///     beside the first dictionary, when it exists (without one, ranking uses edit cost only).
    ///   - irregularFormsPath: a table of irregular verbs, nouns and adjectives (teach/taught);
    ///     by default `irregular/<language>.tsv` beside the first dictionary, when it exists.
    ///   - extraWords: words to suggest besides the dictionaries' (default: the speller's extra words).
    ///   - indexCache: where to read the index from, and store it once built (`SuggestionIndexCache.standard`).
    public init(speller: SpellChecker, frequencyListPath: String? = nil, irregularFormsPath: String? = nil, extraWords: [String]? = nil,
                weights: SuggestionWeights = SuggestionWeights(), limit: Int = 8, hunspellFallbackCost: Float = 1.8,
                hunspellFallback: Bool = true, indexCache: SuggestionIndexCache? = nil) {
        self.speller = speller
        self.frequencyListPath = frequencyListPath ?? speller.dictionaries.first.flatMap(FrequencyList.locate(besides:))
        self.irregularFormsPath = irregularFormsPath ?? speller.dictionaries.first.flatMap(IrregularForms.locate(besides:))
        self.extraWords = extraWords ?? speller.extraWords
        self.weights = weights
        self.limit = limit
        self.hunspellFallbackCost = hunspellFallbackCost
        self.hunspellFallback = hunspellFallback
        self.indexCache = indexCache
    }

    /// The engine, built on first use (off the per-file clock: `OneTimeSetUp`).
    private var engine: SuggestionEngine {
        builtEngine.value { SuggestionEngine(index: loadOrBuildIndex(), weights: weights) }
    }

    /// The index from the cache, else built (and then verified and stored in the cache). A
    /// verified index also answers the speller for the word forms Hunspell accepts.
    private func loadOrBuildIndex() -> SuggestionIndex {
        let key = indexCache?.key(dictionaries: speller.dictionaries, extraWords: extraWords, frequencyListPath: frequencyListPath)
        if let indexCache, let key,
           let index = indexCache.load(key: key, dictionaries: speller.dictionaries, irregularFormsPath: irregularFormsPath) {
            PhaseTrace.mark("suggestions: index read from the cache")
            speller.useVerifiedForms(index)
            return index
        }
        var index = SuggestionIndex.build(dictionaries: speller.dictionaries, extraWords: extraWords,
                                          frequencyListPath: frequencyListPath, irregularFormsPath: irregularFormsPath)
        PhaseTrace.mark("suggestions: index built")
        if let indexCache, let key {
            // Asking Hunspell about the common forms costs about 0.2 s of CPU: paid once, by the
            // run that stores the index, so that every later run is spared those look-ups.
            index = speller.withOwnHandles { index.verifyingAcceptance($0) }
            PhaseTrace.mark("suggestions: index verified with Hunspell")
            indexCache.store(index, key: key)
            speller.useVerifiedForms(index)
        }
        return index
    }

    /// Starts building the index (and its sound index) on a background thread, so that it is
    /// ready, or nearly, when the first misspelling needs it; start-up work meanwhile runs on the
    /// other core. Returns at once.
    public func prepareInBackground() {
        Thread.detachNewThread { [self] in
            _ = engine.index.phonetic
        }
    }

    /// Builds the index now (it is otherwise built on the first suggestion), with its sound-alike
    /// part for English, and says what it cost.
    @discardableResult
    public func prepare() -> SuggestionIndexStatistics {
        let index = engine.index
        // The sound-alike index is otherwise built by the first suggestion of four letters or more.
        let start = Date()
        let phoneticBytes = index.isEnglish ? index.phonetic.memoryBytes : 0
        return SuggestionIndexStatistics(buildSeconds: index.buildSeconds, memoryBytes: index.memoryBytes + phoneticBytes,
                                         wordForms: index.trie.keyCount, nodes: index.trie.nodeCount,
                                         phoneticBuildSeconds: Date().timeIntervalSince(start), loadedFromCache: index.isRestored)
    }

    /// Suggestions for `word`, best first, in the word's own case pattern.
    public func suggest(_ word: String) -> Suggestions {
        cacheLock.lock()
        let cached = cache[word]
        cacheLock.unlock()
        if let cached { return cached }
        let result = compute(word)
        cacheLock.lock()
        cache[word] = result
        cacheLock.unlock()
        return result
    }

    /// The suggestions for `word` when the first is a confident correction, else nil; for words
    /// that are seldom misspellings (a capitalised word at the start of a sentence, usually a
    /// name). When no candidate of ours is close enough to be confident the answer is nil
    /// whatever Hunspell would add, so Hunspell (tens of milliseconds a word) is not asked.
    public func confidentSuggestions(_ word: String) -> Suggestions? {
        cacheLock.lock()
        let cached = cache[word]
        let known = notConfident.contains(word)
        cacheLock.unlock()
        if let cached { return cached.isConfident ? cached : nil }
        if known { return nil }
        let engine = self.engine
        // The narrower search first (it leaves out words two edits away whose first letter is
        // neither of the word's first two, the longest part of a search for a name). When it
        // finds a word near enough, its ranking is the whole ranking; when it finds nothing a
        // confident correction could be (at most `confidenceMaxCost`), the word has none
        // (a wider candidate that cheap needs an edit to the first letter, rare in a slip).
        var (ranked, needsWider) = engine.rank(word, limit: 2 * limit + 8, widerSearch: false)
        func hasConfidentCandidate() -> Bool { ranked.contains(where: { $0.cost <= weights.confidenceMaxCost }) }
        let narrowDeclines = needsWider && !hasConfidentCandidate()
        if needsWider && !narrowDeclines { ranked = engine.rank(word, limit: 2 * limit + 8) }
        if narrowDeclines || (asksHunspell(ranked, word) && !hasConfidentCandidate()) {
            cacheLock.lock()
            notConfident.insert(word)
            cacheLock.unlock()
            return nil
        }
        let result = compute(word, ranked: ranked, engine: engine)
        cacheLock.lock()
        cache[word] = result
        cacheLock.unlock()
        return result.isConfident ? result : nil
    }

    /// Hunspell is slow, and slowest on long words: asked only when nothing of ours is close.
    private func asksHunspell(_ ranked: [RankedCandidate], _ word: String) -> Bool {
        guard hunspellFallback else { return false }
        return (ranked.first.map { $0.cost > hunspellFallbackCost } ?? true) && word.unicodeScalars.count <= 40
    }

    private func compute(_ word: String) -> Suggestions {
        let engine = self.engine
        return compute(word, ranked: engine.rank(word, limit: 2 * limit + 8), engine: engine)
    }

    private func compute(_ word: String, ranked: [RankedCandidate], engine: SuggestionEngine) -> Suggestions {
        var ranked = ranked
        if asksHunspell(ranked, word) {
            ranked = merge(ranked, hunspell: speller.hunspellSuggestions(word), engine: engine, word: word)
        }
        let pattern = CasePattern(word)
        let curly = word.unicodeScalars.contains("\u{2019}")
        var words: [String] = []
        var kept: [RankedCandidate] = []
        for candidate in ranked {
            guard let spelling = spell(candidate, pattern: pattern, engine: engine, curly: curly),
                  spelling != word, !words.contains(spelling) else { continue }
            words.append(spelling)
            kept.append(candidate)
            if words.count == limit { break }
        }
        return Suggestions(words: words, isConfident: isConfident(kept, typed: engine.normalise(word), engine: engine))
    }

    /// The first is confident when it is a single word, one cheap edit away, and clearly ahead:
    /// by a wide score margin; or by a smaller one when every rival needs a whole edit more, or
    /// when it is the misspelling with two neighbouring letters swapped back (teh → the).
    private func isConfident(_ ranked: [RankedCandidate], typed: [UInt16], engine: SuggestionEngine) -> Bool {
        guard let first = ranked.first, first.keys.count == 1, first.hunspellSpelling == nil,
              first.cost <= weights.confidenceMaxCost else { return false }
        // A possessive the writer did not type (crudes → crude's) depends on the sentence.
        let codes = engine.index.trie.codes(ofKey: first.keys[0])
        let scalars = codes.suffix(2).map(engine.index.alphabet.scalar)
        if scalars == [0x27, 0x73] && !typed.contains(codes[codes.count - 2]) { return false }
        guard ranked.count > 1 else { return true }
        let margin = first.score - ranked[1].score
        if margin >= weights.confidenceMargin { return true }
        let gap = (ranked.dropFirst().map(\.cost).min() ?? .infinity) - first.cost
        if gap >= weights.confidenceCostGap && margin >= weights.confidenceGapMargin { return true }
        return margin >= weights.confidenceSwapMargin && Self.isSwap(typed, codes)
    }

    /// Whether `b` is `a` with two neighbouring letters swapped.
    static func isSwap(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        guard a.count == b.count, a.count >= 2 else { return false }
        guard let i = a.indices.first(where: { a[$0] != b[$0] }), i + 1 < a.count else { return false }
        return a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }

    /// How the candidate is written for a misspelling in `pattern`, if the speller accepts it.
    private func spell(_ candidate: RankedCandidate, pattern: CasePattern, engine: SuggestionEngine, curly: Bool) -> String? {
        if let literal = candidate.hunspellSpelling {
            var text = literal
            switch pattern {
            case .lowercase, .mixed: break
            case .capitalised: text = CasePattern.capitalise(literal)
            case .allCaps: text = CasePattern.uppercase(literal)
            }
            if curly { text = text.replacingOccurrences(of: "'", with: "\u{2019}") }
            let parts = text.split(separator: " ").map(String.init)
            if parts.allSatisfy(speller.isCorrect) { return text }
            return literal.split(separator: " ").allSatisfy({ speller.isCorrect(String($0)) }) ? literal : nil
        }
        var parts: [String] = []
        for (i, key) in candidate.keys.enumerated() {
            let kind = engine.index.kinds[Int(key)]
            let partPattern: CasePattern = i == 0 ? pattern : (pattern == .allCaps ? .allCaps : .lowercase)
            var options = partPattern.spellings(lowercase: engine.index.text(ofKey: key),
                                                hasLowercase: kind & SuggestionIndex.lowercaseForm != 0,
                                                hasCapitalised: kind & SuggestionIndex.capitalisedForm != 0,
                                                others: engine.index.otherSpellings[key] ?? [])
            if curly { options = options.map { $0.replacingOccurrences(of: "'", with: "\u{2019}") } }
            guard let accepted = options.first(where: speller.isCorrect) else { return nil }
            parts.append(accepted)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Adds Hunspell's suggestions to ours, scored by the same model.
    private func merge(_ ranked: [RankedCandidate], hunspell: [String], engine: SuggestionEngine, word: String) -> [RankedCandidate] {
        guard !hunspell.isEmpty else { return ranked }
        var merged = ranked
        let typed = engine.model.prepare(engine.normalise(word))
        var scratch: [Float] = []
        let hyphenated = word.contains("-")
        for (rank, suggestion) in hunspell.enumerated() {
            // Hunspell's compounds of two unrelated words (cart-ledge) are not worth showing.
            if !hyphenated && suggestion.contains("-") { continue }
            let lower = suggestion.lowercased()
            if merged.contains(where: { $0.text == lower }) { continue }
            let words = lower.split(separator: " ").map(String.init)
            let keys = words.compactMap { engine.index.trie.lookup(engine.index.codes(of: $0)) }
            let prior = keys.count == words.count ? engine.jointPrior(keys) : (engine.index.frequencyFloor ?? 0) - weights.unlistedBelowFloor
            let cost = (words.count > 1 ? weights.split : 0)
                + engine.model.cost(typed: typed, meant: engine.index.codes(of: words.joined()), scratch: &scratch)
            merged.append(RankedCandidate(keys: [], text: lower, cost: cost,
                                          score: weights.frequency * prior - cost - Float(rank) * 0.01,
                                          hunspellSpelling: suggestion))
        }
        merged.sort { $0.score > $1.score }
        return merged
    }
}
