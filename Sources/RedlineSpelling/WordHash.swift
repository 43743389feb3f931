import RedlineCore

/// The hash of a word's UTF-8 bytes (FNV-1a) and the first slot it takes in an open-addressing
/// table, shared by the word tables of the spell checker (`WordAnswers`, `WordSet`).
enum WordHash {
    @inline(__always) static func of(_ word: String) -> UInt64 {
        var hasher = FNV64()
        var word = word
        word.withUTF8 { hasher.add(bytes: $0) }
        return hasher.value
    }

    /// The first slot to try: FNV's high bits mixed into the low ones the mask keeps.
    @inline(__always) static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}
