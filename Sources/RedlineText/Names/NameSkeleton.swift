import Foundation

/// A transliteration-blind key for a name: two spellings with the same skeleton are taken to be
/// renderings of one name ("Zelenskyy", "Zelenskiy", "Zelensky"; "Kharkiv", "Harkiv").
///
/// Folds case, diacritics, apostrophes and hyphens, leading particles (al-, el-, ibn),
/// y/i/iy/yy/ii, kh/h, ts/tz, j/y, ou/u, ph/f, q/k, ck/k, dh/d, w/v, an initial ye/e, and
/// doubled letters.
public enum NameSkeleton {
    public static func of(_ name: String) -> String {
        var s = name.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        for particle in ["al-", "el-", "ad-", "ar-", "as-", "ash-", "an-", "at-", "az-", "ibn-", "bin-", "ben-"] where s.hasPrefix(particle) {
            s.removeFirst(particle.count)
            break
        }
        // Possessive endings are the same name.
        if s.hasSuffix("'s") || s.hasSuffix("’s") { s.removeLast(2) }
        var letters: [Character] = s.filter { $0.isLetter }
        func replace(_ from: String, _ to: String) {
            let f = Array(from), t = Array(to)
            var out: [Character] = []
            out.reserveCapacity(letters.count)
            var i = 0
            while i < letters.count {
                if i + f.count <= letters.count && Array(letters[i..<(i + f.count)]) == f {
                    out += t
                    i += f.count
                } else {
                    out.append(letters[i])
                    i += 1
                }
            }
            letters = out
        }
        if letters.starts(with: ["y", "e"]) { letters.removeFirst() }
        replace("kh", "h")
        replace("ph", "f")
        replace("dh", "d")
        replace("tz", "ts")
        replace("ck", "k")
        replace("ou", "u")
        replace("q", "k")
        replace("j", "y")
        replace("w", "v")
        replace("y", "i")
        // Doubled letters (this also folds ii, yy, iy).
        var out: [Character] = []
        for c in letters where out.last != c { out.append(c) }
        return String(out)
    }
}
