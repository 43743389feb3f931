import Foundation
import RedlineSpelling

/// Prominent names (the house lists of public figures, organisations, countries and capitals),
/// indexed for "which known names are one edit away from this word".
///
/// A deletion index: every name and each of its one-letter deletions are hashed into a sorted
/// array, so two words within one edit (insertion, deletion, substitution or transposition)
/// share a key. About 12 bytes per key; built once per run, on first use.
final class KnownNames: Sendable {
    /// House lists whose names are prominent enough that a near miss is more likely a slip than
    /// another name. The long lists of given names, surnames and places, and the proper nouns of the
    /// base dictionaries, are left out: the space of real names is so dense that almost any unknown
    /// name is one edit from one of them.
    static let prominentLists: Set<String> = ["public-figures", "organisations", "countries", "capitals"]

    private let names: [String]
    private let keys: [UInt64]
    private let ids: [Int32]

    init(resources: SpellingResources) {
        var set = Set<String>()
        for list in resources.wordLists where Self.prominentLists.contains(list.name) {
            for w in list.words {
                if let first = w.unicodeScalars.first, first.properties.isUppercase, w.count >= 4 { set.insert(w) }
            }
        }
        let names = set.sorted()
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(names.count * 9)
        for (i, name) in names.enumerated() {
            for key in Self.deletionKeys(name.lowercased()) { pairs.append((key, Int32(i))) }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        self.names = names
        keys = pairs.map(\.0)
        ids = pairs.map(\.1)
    }

    var count: Int { names.count }

    /// Known names within one edit of `word` (case-insensitive), excluding the word itself.
    func near(_ word: String) -> [String] {
        let lower = word.lowercased()
        var found = Set<Int32>()
        for key in Self.deletionKeys(lower) {
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            while lo < keys.count && keys[lo] == key {
                found.insert(ids[lo])
                lo += 1
            }
        }
        return found.map { names[Int($0)] }
            .filter { $0.lowercased() != lower && editDistance($0.lowercased(), lower, limit: 1) <= 1 }
            .sorted()
    }

    /// The word and each of its one-letter deletions, hashed (FNV-1a over UTF-8).
    static func deletionKeys(_ word: String) -> [UInt64] {
        let scalars = Array(word.unicodeScalars)
        var keys: [UInt64] = [hash(scalars, skipping: -1)]
        for i in scalars.indices { keys.append(hash(scalars, skipping: i)) }
        return keys
    }

    private static func hash(_ scalars: [Unicode.Scalar], skipping skip: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for (i, s) in scalars.enumerated() where i != skip {
            h = (h ^ UInt64(s.value)) &* 0x100000001b3
        }
        return h
    }
}
