import RedlineCore

/// A read-only set of words: open addressing over FNV-1a hashes of their UTF-8 bytes, at most
/// half full.
///
/// `ExtraWords` holds some 186,000 house words in sets built at every start-up; with
/// `Set<String>` hashing each word (SipHash) and growing the table were most of that (about
/// 30 ms of CPU for the house lists), and every look-up hashed the word again the same way.
/// Equal hashes are confirmed by comparing the words.
struct WordSet: Sendable {
    /// Per slot: the upper 32 bits of the word's hash and, below them, 1 + the word's index in
    /// `words`; 0 for an empty slot. Eight bytes a slot keep the table small (a look-up of a
    /// word that is not there, the usual case, reads one slot or a few side by side).
    private let slots: [UInt64]
    /// The words, in the order they were first inserted.
    private let words: [String]
    private let mask: Int

    /// How many distinct words the set holds.
    var count: Int { words.count }

    /// The set of `words` (repeats are kept once); `expectedCount` sizes the table.
    init<S: Sequence>(_ words: S, expectedCount: Int = 0) where S.Element == String {
        var builder = Builder(capacity: expectedCount)
        for word in words { builder.insert(word) }
        self.init(builder)
    }

    /// The set of `words` (repeats are kept once), filled in the order of the slots the words
    /// hash to rather than the order given: the table of the house words is some 4 MB, and
    /// filling it at random made nearly every insertion wait on memory (most of the time of
    /// building the sets at start-up). Words are counted into 4,096 runs of neighbouring
    /// slots first, and each run is filled while its part of the table is in the cache.
    init(filling words: [String]) {
        var builder = Builder(capacity: words.count)
        let hashes = words.map(WordHash.of)
        let buckets = min(4096, builder.mask + 1)
        let shift = (builder.mask + 1).trailingZeroBitCount - buckets.trailingZeroBitCount
        var starts = [Int](repeating: 0, count: buckets + 1)
        for hash in hashes { starts[(WordHash.slot(hash, builder.mask) >> shift) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        // The words and hashes moved into that order in one pass (stores, which do not stall
        // as loads do), then read front to back.
        var places = [Int](repeating: 0, count: words.count)
        for (i, hash) in hashes.enumerated() {
            let b = WordHash.slot(hash, builder.mask) >> shift
            places[i] = starts[b]
            starts[b] += 1
        }
        var sortedHashes = [UInt64](repeating: 0, count: words.count)
        let sortedWords = [String](unsafeUninitializedCapacity: words.count) { buffer, initialized in
            // `places` is a permutation of 0..<count: every element is initialised once.
            for (i, word) in words.enumerated() {
                (buffer.baseAddress! + places[i]).initialize(to: word)
                sortedHashes[places[i]] = hashes[i]
            }
            initialized = words.count
        }
        for (word, hash) in zip(sortedWords, sortedHashes) { builder.insert(word, hash: hash) }
        self.init(builder)
    }

    init(_ builder: Builder) {
        slots = builder.slots
        words = builder.words
        mask = builder.mask
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ word: String) -> Bool {
        let hash = WordHash.of(word)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = WordHash.slot(hash, mask)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found == 0 { return false }
                if found & 0xFFFF_FFFF_0000_0000 == tag && words[Int(truncatingIfNeeded: found & 0xFFFF_FFFF) - 1] == word {
                    return true
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// A set being filled (it grows as needed).
    struct Builder {
        fileprivate var slots: [UInt64]
        fileprivate var words: [String] = []
        fileprivate var mask: Int

        init(capacity: Int = 0) {
            var size = 16
            while size < 2 * capacity { size *= 2 }
            mask = size - 1
            slots = [UInt64](repeating: 0, count: size)
            words.reserveCapacity(capacity)
        }

        var count: Int { words.count }

        /// Adds `word` (nothing when it is there already).
        mutating func insert(_ word: String) {
            insert(word, hash: WordHash.of(word))
        }

        /// Adds `word`, whose `WordHash` is `hash`.
        mutating func insert(_ word: String, hash: UInt64) {
            if 2 * (words.count + 1) > mask + 1 { grow() }
            let tag = hash & 0xFFFF_FFFF_0000_0000
            var slot = WordHash.slot(hash, mask)
            while slots[slot] != 0 {
                let found = slots[slot]
                if found & 0xFFFF_FFFF_0000_0000 == tag && words[Int(truncatingIfNeeded: found & 0xFFFF_FFFF) - 1] == word { return }
                slot = (slot &+ 1) & mask
            }
            words.append(word)
            slots[slot] = tag | UInt64(words.count)
        }

        private mutating func grow() {
            let size = 2 * (mask + 1)
            mask = size - 1
            slots = [UInt64](repeating: 0, count: size)
            for (i, word) in words.enumerated() {
                let hash = WordHash.of(word)
                var slot = WordHash.slot(hash, mask)
                while slots[slot] != 0 { slot = (slot &+ 1) & mask }
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(i + 1)
            }
        }
    }
}
