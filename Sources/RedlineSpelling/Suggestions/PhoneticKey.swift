/// A Metaphone-like sound key for English spellings (`physical` and `fysical` → `FSKL`):
/// consonants by sound, vowels dropped except at the start, doubled letters once. Used to
/// prefer candidates that sound like the misspelling.
enum PhoneticKey {
    /// The key of a lowercase word given as Unicode scalar values (accents are ignored).
    static func key(_ word: [UInt32]) -> [UInt8] {
        var w: [UInt8] = []
        w.reserveCapacity(word.count)
        for v in word {
            let base = v < 128 ? v : ErrorModel.baseLetter(v)
            if base >= 97 && base <= 122 { w.append(UInt8(base)) }
        }
        guard !w.isEmpty else { return [] }
        func at(_ i: Int) -> UInt8 { i >= 0 && i < w.count ? w[i] : 0 }
        func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }
        let a: UInt8 = 97, c: UInt8 = 99, e: UInt8 = 101, g: UInt8 = 103, h: UInt8 = 104, i: UInt8 = 105
        let k: UInt8 = 107, n: UInt8 = 110, p: UInt8 = 112, s: UInt8 = 115, t: UInt8 = 116, y: UInt8 = 121
        var out: [UInt8] = []
        var start = 0
        // Silent first letters: kn, gn, pn, wr, ae.
        let first2 = (at(0), at(1))
        if (first2.0 == k || first2.0 == g || first2.0 == p) && first2.1 == n { start = 1 }
        if first2.0 == 119 && first2.1 == 114 { start = 1 }
        if first2.0 == a && first2.1 == e { start = 1 }
        func emit(_ ch: Character) {
            let v = ch.asciiValue!
            if out.last != v { out.append(v) }
        }
        var index = start
        while index < w.count {
            let ch = w[index]
            let next = at(index + 1), prev = index > 0 ? w[index - 1] : 0
            if ch == prev && ch != c { index += 1; continue }
            switch ch {
            case 97, 101, 105, 111, 117:
                if index == start { emit("A") }
            case 98:
                if !(prev == 109 && index == w.count - 1) { emit("B") }
            case c:
                if next == h || (next == i && at(index + 2) == a) { emit("X"); if next == h { index += 1 } }
                else if next == i || next == e || next == y { if prev != s { emit("S") } }
                else { emit("K") }
            case 100:
                if next == g && (at(index + 2) == e || at(index + 2) == y || at(index + 2) == i) { emit("J") } else { emit("T") }
            case g:
                if next == h && !(index + 2 < w.count && !isVowel(at(index + 2))) && index + 2 < w.count { index += 1; emit("K") }
                else if next == h { index += 1 }  // silent gh: night, though
                else if next == n && (index + 2 == w.count || (at(index + 2) == e && at(index + 3) == 100)) { }
                else if next == i || next == e || next == y { emit("J") }
                else { emit("K") }
            case h:
                if isVowel(next) && !(prev == c || prev == s || prev == p || prev == t || prev == g) { emit("H") }
            case k:
                if prev != c { emit("K") }
            case p:
                if next == h { emit("F"); index += 1 } else { emit("P") }
            case 113: emit("K")
            case s:
                if next == h { emit("X"); index += 1 }
                else if next == i && (at(index + 2) == 111 || at(index + 2) == a) { emit("X") }
                else { emit("S") }
            case t:
                if next == i && (at(index + 2) == 111 || at(index + 2) == a) { emit("X") }
                else if next == h { emit("0"); index += 1 }
                else if !(next == c && at(index + 2) == h) { emit("T") }
            case 118: emit("F")
            case 119: if isVowel(next) { emit("W") }
            case 120: emit("K"); emit("S")
            case y: if isVowel(next) { emit("Y") }
            case 122: emit("S")
            case 102: emit("F")
            case 106: emit("J")
            case 108: emit("L")
            case 109: emit("M")
            case n: emit("N")
            case 114: emit("R")
            default: break
            }
            index += 1
        }
        return out
    }
}
