import RedlineCore

/// Yes-or-no answers keyed by word: an open-addressing table hashed with FNV-1a over the word's
/// UTF-8 bytes, in storage of its own (reading it retains nothing).
///
/// Every word of every document is looked up in a thread's table (`ThreadLocalAnswers`); with
/// a `Dictionary<String, Bool>`, hashing the word (SipHash, seeded per process) and finding
/// its bucket were most of a look-up. Equal hashes are confirmed by comparing the words.
/// Not copyable: one owner frees the storage.
struct WordAnswers: ~Copyable {
    /// One slot: the hash with its lowest bit set (0: empty), the word and its answer side by
    /// side, so that a look-up reads one cache line (the table of a run holds tens of thousands
    /// of words: far more than fit in the nearest caches).
    private struct Slot {
        var tag: UInt64
        var word: String
        var answer: Bool
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    /// Slots in use.
    private(set) var count = 0

    /// An empty table with room for `capacity` words before it grows.
    init(capacity: Int = 512) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        mask = size - 1
        slots = Self.emptySlots(size)
    }

    deinit {
        slots.deinitialize(count: mask + 1)
        slots.deallocate()
    }

    private static func emptySlots(_ size: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        slots.initialize(repeating: Slot(tag: 0, word: "", answer: false), count: size)
        return slots
    }

    var isEmpty: Bool { count == 0 }

    /// The answer recorded for `word`, if any.
    @inline(__always) func answer(_ word: String) -> Bool? {
        let tag = Self.tag(word)
        var slot = WordHash.slot(tag, mask)
        while true {
            let found = slots[slot].tag
            if found == 0 { return nil }
            if found == tag && slots[slot].word == word { return slots[slot].answer }
            slot = (slot &+ 1) & mask
        }
    }

    /// Records `answer` for `word` (replacing an earlier one).
    mutating func record(_ word: String, _ answer: Bool) {
        if 2 * (count + 1) > mask + 1 { grow() }
        place(word, answer, tag: Self.tag(word))
    }

    private mutating func place(_ word: String, _ answer: Bool, tag: UInt64) {
        var slot = WordHash.slot(tag, mask)
        while slots[slot].tag != 0 {
            if slots[slot].tag == tag && slots[slot].word == word { slots[slot].answer = answer; return }
            slot = (slot &+ 1) & mask
        }
        slots[slot] = Slot(tag: tag, word: word, answer: answer)
        count += 1
    }

    /// Moves every entry into storage twice the size.
    private mutating func grow() {
        let old = slots, oldSize = mask + 1
        let size = 2 * oldSize
        mask = size - 1
        slots = Self.emptySlots(size)
        count = 0
        for slot in 0..<oldSize where old[slot].tag != 0 {
            place(old[slot].word, old[slot].answer, tag: old[slot].tag)
        }
        old.deinitialize(count: oldSize)
        old.deallocate()
    }

    /// The word's hash with its lowest bit set (0 marks an empty slot).
    @inline(__always) private static func tag(_ word: String) -> UInt64 { WordHash.of(word) | 1 }
}
