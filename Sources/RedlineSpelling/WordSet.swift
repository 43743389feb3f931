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
            if 2 * (words.count + 1) > mask + 1 { grow() }
            let hash = WordHash.of(word)
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
