import RedlineCore

/// Yes-or-no answers keyed by word: an open-addressing table hashed with FNV-1a over the word's
/// UTF-8 bytes, in storage of its own (reading it retains nothing).
///
/// Every word of every document is looked up in a thread's table (`ThreadLocalAnswers`); with
/// a `Dictionary<String, Bool>`, hashing the word (SipHash, seeded per process) and finding
/// its bucket were most of a look-up. Equal hashes are confirmed by comparing the words.
/// Not copyable: one owner frees the storage.
struct WordAnswers: ~Copyable {
    /// Per slot: the hash with its lowest bit set (0: empty), the word, the answer.
    private var tags: UnsafeMutablePointer<UInt64>
    private var words: UnsafeMutablePointer<String>
    private var answers: UnsafeMutablePointer<Bool>
    private var mask: Int
    /// Slots in use.
    private(set) var count = 0

    /// An empty table with room for `capacity` words before it grows.
    init(capacity: Int = 512) {
        var slots = 16
        while slots < 2 * capacity { slots *= 2 }
        mask = slots - 1
        tags = .allocate(capacity: slots)
        tags.initialize(repeating: 0, count: slots)
        words = .allocate(capacity: slots)
        answers = .allocate(capacity: slots)
    }

    deinit {
        for slot in 0...mask where tags[slot] != 0 { (words + slot).deinitialize(count: 1) }
        tags.deallocate()
        words.deallocate()
        answers.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The answer recorded for `word`, if any.
    @inline(__always) func answer(_ word: String) -> Bool? {
        let tag = Self.tag(word)
        var slot = Self.slot(tag, mask)
        while true {
            let found = tags[slot]
            if found == 0 { return nil }
            if found == tag && words[slot] == word { return answers[slot] }
            slot = (slot &+ 1) & mask
        }
    }

    /// Records `answer` for `word` (replacing an earlier one).
    mutating func record(_ word: String, _ answer: Bool) {
        if 2 * (count + 1) > mask + 1 { grow() }
        place(word, answer, tag: Self.tag(word))
    }

    private mutating func place(_ word: String, _ answer: Bool, tag: UInt64) {
        var slot = Self.slot(tag, mask)
        while tags[slot] != 0 {
            if tags[slot] == tag && words[slot] == word { answers[slot] = answer; return }
            slot = (slot &+ 1) & mask
        }
        tags[slot] = tag
        (words + slot).initialize(to: word)
        answers[slot] = answer
        count += 1
    }

    /// Moves every entry into storage twice the size.
    private mutating func grow() {
        let oldTags = tags, oldWords = words, oldAnswers = answers, oldSlots = mask + 1
        let slots = 2 * oldSlots
        mask = slots - 1
        tags = .allocate(capacity: slots)
        tags.initialize(repeating: 0, count: slots)
        words = .allocate(capacity: slots)
        answers = .allocate(capacity: slots)
        count = 0
        for slot in 0..<oldSlots where oldTags[slot] != 0 {
            place((oldWords + slot).move(), oldAnswers[slot], tag: oldTags[slot])
        }
        oldTags.deallocate()
        oldWords.deallocate()
        oldAnswers.deallocate()
    }

    @inline(__always) private static func tag(_ word: String) -> UInt64 {
        var hasher = FNV64()
        var word = word
        word.withUTF8 { hasher.add(bytes: $0) }
        return hasher.value | 1
    }

    /// The first slot to try: FNV's high bits mixed into the low ones the mask keeps.
    @inline(__always) private static func slot(_ tag: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: tag ^ (tag >> 29)) & mask
    }
}
