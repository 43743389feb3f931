/// The index's words by sound: each word's `PhoneticKey`, hashed and sorted, so that words
/// that sound like a misspelling but are more than two edits from it (fezent → pheasant) can
/// be found. Built only when a misspelling first needs it.
struct PhoneticIndex: Sendable {
    /// Sound-key hashes, ascending, and the word (key) of each; stored by `SuggestionIndexCodec`.
    let hashes: [UInt64]
    let keys: [Int32]

    /// An index from stored arrays; nil unless they are as long as each other, the hashes are
    /// sorted and every key is below `keyCount`.
    init?(hashes: [UInt64], keys: [Int32], keyCount: Int) {
        guard hashes.count == keys.count, !zip(hashes, hashes.dropFirst()).contains(where: { $0 > $1 }),
              !keys.contains(where: { $0 < 0 || Int($0) >= keyCount }) else { return nil }
        self.hashes = hashes
        self.keys = keys
    }

    init(trie: LetterTrie, alphabet: LetterAlphabet) {
        var pairs: [(hash: UInt64, key: Int32)] = []
        pairs.reserveCapacity(trie.keyCount)
        let scalars = (0..<alphabet.count).map { alphabet.scalar(UInt16($0)) }
        var letters: [UInt32] = []
        for key in 0..<Int32(trie.keyCount) {
            letters.removeAll(keepingCapacity: true)
            for code in trie.codes(ofKey: key) { letters.append(Int(code) < scalars.count ? scalars[Int(code)] : 0) }
            let sound = PhoneticKey.key(letters)
            if sound.count >= 2 { pairs.append((Self.hash(sound), key)) }
        }
        pairs.sort { $0.hash < $1.hash || ($0.hash == $1.hash && $0.key < $1.key) }
        hashes = pairs.map(\.hash)
        keys = pairs.map(\.key)
    }

    /// The keys of the words whose sound key is `sound`.
    func words(soundingLike sound: [UInt8]) -> ArraySlice<Int32> {
        let h = Self.hash(sound)
        var low = 0, high = hashes.count
        while low < high {
            let mid = (low + high) / 2
            if hashes[mid] < h { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < hashes.count && hashes[end] == h { end += 1 }
        return keys[low..<end]
    }

    var memoryBytes: Int { hashes.count * 12 }

    /// FNV-1a.
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
