import Foundation

/// A transliteration-blind key for a name: two spellings with the same skeleton are taken to be
/// renderings of one name ("Zelenskyy", "Zelenskiy", "Zelensky"; "Kharkiv", "Harkiv").
///
/// Folds case, diacritics (also ı, ł, ø, đ), apostrophes and hyphens, leading particles (al-,
/// el-, ibn), a possessive ending, y/i/iy/yy/ii, kh/h, ch/h (not at the start: Mikhail, Michail),
/// tch/ch, dzh/j, ts/tz, j/y, ou/u, ph/f, q/k, ck/k, a hard c/k (Costas, Kostas; Victor, Viktor),
/// dh/d, w/v, x/ks before a vowel (Aleksandr, Alexandr), an initial ye/e, e-y-e and a-y-e inside
/// a name (Alekseyev, Alexeev; Nikolayev, Nikolaev), and doubled letters.
///
/// `key(_:)` computes the same skeleton straight from UTF-8 bytes, as a hash, without building
/// strings: it is what the names rules call for every capitalised word.
public enum NameSkeleton {
    public static func of(_ name: String) -> String {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(name.utf8.count)
        for s in name.unicodeScalars { appendFolded(s.value, to: &scalars) }
        var out = ""
        for v in skeleton(of: &scalars) { out.unicodeScalars.append(Unicode.Scalar(v) ?? "?") }
        return out
    }

    /// The skeleton of a name given as UTF-8 bytes, hashed (FNV-1a over its letters); equal for
    /// two names exactly when `of` is (barring hash collisions). 0 when the name has no letters.
    public static func key(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { key($0[...]) }
    }

    /// The skeleton of UTF-8 bytes in a buffer, hashed as `key(_:)` does.
    public static func key(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var scratch: [UInt32] = []
        return key(bytes, scratch: &scratch)
    }

    /// The skeleton of UTF-8 bytes in a buffer, hashed as `key(_:)` does, worked out in
    /// `scratch` (emptied first): a caller that keys many names passes one array for all.
    public static func key(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, scratch scalars: inout [UInt32]) -> UInt64 {
        scalars.removeAll(keepingCapacity: true)
        scalars.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                scalars.append(UInt32(b >= 0x41 && b <= 0x5A ? b | 0x20 : b))
                i += 1
                continue
            }
            // Decode one scalar (the input is valid UTF-8: a document's checkable text).
            var value: UInt32
            var length: Int
            if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); length = 2 } else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); length = 3 } else { value = UInt32(b & 0x07); length = 4 }
            var k = 1
            while k < length && i + k < end {
                value = (value << 6) | UInt32(bytes[i + k] & 0x3F)
                k += 1
            }
            appendFolded(value, to: &scalars)
            i += length
        }
        return hash(skeleton(of: &scalars))
    }

    /// The skeleton of a string, hashed as `key(_:)` does.
    public static func key(_ name: String) -> UInt64 {
        key(Array(name.utf8)[...])
    }

    /// FNV-1a over scalar values; 0 for nothing.
    static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == UInt32 {
        var h: UInt64 = 0xcbf29ce484222325
        var any = false
        for v in scalars {
            any = true
            h = (h ^ UInt64(v)) &* 0x100000001b3
        }
        return any ? h : 0
    }

    // MARK: - Folding

    /// Lower-case, accent-free forms of U+00C0…U+024F (0 where one scalar does not do).
    private static let latinFolds: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x250 - 0xC0)
        for v in UInt32(0xC0)..<0x250 {
            guard let s = Unicode.Scalar(v) else { continue }
            let folded = String(s).lowercased().folding(options: [.diacriticInsensitive], locale: nil).unicodeScalars
            if folded.count == 1, let f = folded.first { table[Int(v - 0xC0)] = f.value }
        }
        // Letters with a stroke or without a dot have no decomposition; read them as their base.
        for (from, to) in [(0x131, "i"), (0x141, "l"), (0x142, "l"), (0xD8, "o"), (0xF8, "o"), (0x110, "d"), (0x111, "d")] as [(UInt32, Character)] {
            table[Int(from - 0xC0)] = to.unicodeScalars.first!.value
        }
        return table
    }()

    /// Appends the lower-case, accent-free form of one scalar.
    @inline(__always)
    private static func appendFolded(_ v: UInt32, to out: inout [UInt32]) {
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v | 0x20 : v)
        } else if v >= 0xC0 && v < 0x250, case let f = latinFolds[Int(v - 0xC0)], f != 0 {
            out.append(f)
        } else if let s = Unicode.Scalar(v) {
            for f in String(s).lowercased().folding(options: [.diacriticInsensitive], locale: nil).unicodeScalars {
                out.append(f.value)
            }
        }
    }

    // MARK: - The skeleton

    private static let particles: [[UInt32]] = ["al-", "el-", "ad-", "ar-", "as-", "ash-", "an-", "at-", "az-", "ibn-", "bin-", "ben-"]
        .map { $0.unicodeScalars.map(\.value) }

    private static func c(_ s: Unicode.Scalar) -> UInt32 { s.value }

    /// Turns lower-case, folded scalars into the skeleton's letters (in place).
    private static func skeleton(of s: inout [UInt32]) -> ArraySlice<UInt32> {
        // Every particle is two or three letters and a hyphen.
        if s.count > 3 && (s[2] == c("-") || s[3] == c("-")) {
            for p in particles where s.count > p.count && s.starts(with: p) {
                s.removeFirst(p.count)
                break
            }
        }
        // Possessive endings are the same name.
        if s.count >= 2 && s[s.count - 1] == c("s") && (s[s.count - 2] == c("'") || s[s.count - 2] == 0x2019) {
            s.removeLast(2)
        }
        // Letters only.
        var w = 0
        for r in s.indices where isLetter(s[r]) {
            s[w] = s[r]
            w += 1
        }
        s.removeLast(s.count - w)
        if s.count >= 2 && s[0] == c("y") && s[1] == c("e") { s.removeFirst() }
        // The letters a–z that may occur: a rewrite whose first letter does not is skipped.
        var present = Letters(s)
        replace(&s, "dzh", "j", &present)
        replace(&s, "tch", "ch", &present)
        replace(&s, "kh", "h", &present)
        replace(&s, "ch", "h", &present, notAtStart: true)
        replace(&s, "ph", "f", &present)
        replace(&s, "dh", "d", &present)
        replace(&s, "tz", "ts", &present)
        replace(&s, "ck", "k", &present)
        if present.contains(c("c")) {
            hardC(&s)
            present.insert(c("k"))
        }
        replace(&s, "ou", "u", &present)
        replace(&s, "q", "k", &present)
        if present.contains(c("x")) {
            expandX(&s)
            present.insert(c("k"))
            present.insert(c("s"))
        }
        replace(&s, "j", "y", &present)
        replace(&s, "w", "v", &present)
        replace(&s, "y", "i", &present)
        replace(&s, "eie", "ee", &present)
        replace(&s, "aie", "ae", &present)
        // Doubled letters (this also folds ii, yy, iy).
        w = 0
        for r in s.indices where w == 0 || s[w - 1] != s[r] {
            s[w] = s[r]
            w += 1
        }
        return s[..<w]
    }

    @inline(__always)
    private static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    /// The lower-case ASCII letters (a = 0x61 … z = 0x7A) that may occur in a name being rewritten (a superset: a
    /// rewrite adds the letters it writes and removes none), one bit each.
    private struct Letters {
        private var bits: UInt32 = 0

        init(_ s: [UInt32]) {
            for v in s { insert(v) }
        }

        @inline(__always) mutating func insert(_ v: UInt32) {
            if v >= 0x61 && v <= 0x7A { bits |= 1 << (v - 0x61) }
        }

        @inline(__always) func contains(_ v: UInt32) -> Bool {
            v >= 0x61 && v <= 0x7A && bits & (1 << (v - 0x61)) != 0
        }
    }

    /// Replaces every `from` by `to` (never longer), left to right, in place. Most names hold
    /// none of the pattern's first letter: that is checked here, inline, before any call.
    @inline(__always)
    private static func replace(_ s: inout [UInt32], _ from: StaticString, _ to: StaticString, _ present: inout Letters,
                                notAtStart: Bool = false) {
        guard present.contains(UInt32(from.utf8Start[0])) else { return }
        rewrite(&s, from, to, &present, notAtStart: notAtStart)
    }

    /// `replace` once the pattern's first letter may occur.
    private static func rewrite(_ s: inout [UInt32], _ from: StaticString, _ to: StaticString, _ present: inout Letters,
                                notAtStart: Bool) {
        let f = from.utf8Start, fc = from.utf8CodeUnitCount
        let t = to.utf8Start, tc = to.utf8CodeUnitCount
        // Most names do not hold the whole pattern: skip the rewrite, which starts at the first match.
        let first = UInt32(f[0])
        let n = s.count
        guard n >= fc else { return }
        var start = notAtStart ? 1 : 0
        search: while start + fc <= n {
            if s[start] == first {
                var whole = true
                for k in 1..<fc where s[start + k] != UInt32(f[k]) {
                    whole = false
                    break
                }
                if whole { break search }
            }
            start += 1
        }
        guard start + fc <= n else { return }
        for k in 0..<tc { present.insert(UInt32(t[k])) }
        var r = start, w = start
        while r < n {
            var match = r + fc <= n && !(notAtStart && r == 0)
            if match {
                for k in 0..<fc where s[r + k] != UInt32(f[k]) {
                    match = false
                    break
                }
            }
            if match {
                for k in 0..<tc { s[w + k] = UInt32(t[k]) }
                w += tc
                r += fc
            } else {
                s[w] = s[r]
                w += 1
                r += 1
            }
        }
        s.removeLast(n - w)
    }

    /// A hard "c" (not before e, i, y or h) reads "k" (Costas, Kostas; Victor, Viktor).
    private static func hardC(_ s: inout [UInt32]) {
        guard s.contains(c("c")) else { return }
        for i in s.indices where s[i] == c("c") {
            if i + 1 < s.count, s[i + 1] == c("e") || s[i + 1] == c("i") || s[i + 1] == c("y") || s[i + 1] == c("h") { continue }
            s[i] = c("k")
        }
    }

    /// "x" before a vowel reads "ks" (Alexandr, Aleksandr).
    private static func expandX(_ s: inout [UInt32]) {
        guard let first = s.firstIndex(of: c("x")) else { return }
        var out = Array(s[..<first])
        out.reserveCapacity(s.count + 2)
        for i in first..<s.count {
            if s[i] == c("x"), i + 1 < s.count, [c("a"), c("e"), c("i"), c("o"), c("u"), c("y")].contains(s[i + 1]) {
                out.append(c("k"))
                out.append(c("s"))
            } else {
                out.append(s[i])
            }
        }
        s = out
    }
}
