/// The extra words (house lists, a repository's word list, `--words`) as one read-only set that
/// `SpellChecker` consults beside Hunspell, built once and shared by every thread.
///
/// Adding each of some 186,000 words to every Hunspell handle (two dictionaries, one set of
/// handles per thread) cost most of Redline's start-up and made every Hunspell look-up slower
/// (longer hash chains). This set answers the way Hunspell answers for words added at run time
/// (`Hunspell_add`): the input conversion of the dictionary (`ICONV ’ '`), trailing full stops
/// (`Klitschko.`), and case:
///
/// - a lower-case entry (`ceasefire`) accepts itself, the capitalised form and capitals;
/// - a capitalised entry (`Klitschko`) accepts itself and capitals (`KLITSCHKO`), not `klitschko`;
/// - an entry in mixed case (`McDonald`, `iPhone`) accepts itself and capitals (`MCDONALD`);
/// - an entry in capitals (`UNICEF`) accepts itself and, from four letters, the capitalised form
///   news copy uses for acronyms said as words (`Unicef`, `Nato`); Hunspell accepted only the
///   capitals. Short acronyms (`US`, `BBC`) stay in capitals only.
///
/// Hyphenated compounds (`Klitschko-led`) are `SpellChecker`'s: it breaks words at hyphens the way
/// Hunspell does, with this set and the dictionaries together.
public struct ExtraWords: Sendable {
    /// The entries as written (after the input conversions).
    private let exact: WordSet
    /// Capitals of mixed-case entries, stored capitalised (`Mcdonald` for `McDonald`): Hunspell's
    /// hidden "only in capitals" forms, accepted only for input in capitals.
    private let capitalsOnly: WordSet
    /// Capitalised forms of entries in capitals of four letters or more (`Unicef` for `UNICEF`).
    private let acronymsAsWords: WordSet
    /// Input conversions of the dictionaries (`ICONV` of their affix files), applied before look-up.
    let conversions: [(from: String, to: String)]

    /// Whether there are no extra words.
    public var isEmpty: Bool { exact.isEmpty }
    /// How many distinct entries there are.
    public var count: Int { exact.count }

    /// - Parameters:
    ///   - words: the entries, one word each.
    ///   - conversions: input conversions to apply to checked words (and entries), e.g. `[("’", "'")]`.
    public init(_ words: [String], conversions: [(from: String, to: String)] = []) {
        self.conversions = conversions
        var exact: [String] = []
        exact.reserveCapacity(words.count)
        var capitalsOnly = WordSet.Builder()
        var acronyms = WordSet.Builder()
        for raw in words {
            let word = Self.convert(raw, conversions)
            guard !word.isEmpty else { continue }
            exact.append(word)
            // Most entries are in lowercase or capitalised: the case type is read off the
            // string's scalars, without copying them, and only the others are copied.
            switch CaseType(word.unicodeScalars) {
            case .mixed, .mixedInitial:
                capitalsOnly.insert(Self.initialCapital(Self.lowered(Array(word.unicodeScalars))))
            case .capitals where word.unicodeScalars.lazy.filter({ $0.properties.isAlphabetic }).count >= 4:
                acronyms.insert(Self.initialCapital(Self.lowered(Array(word.unicodeScalars))))
            default:
                break
            }
        }
        self.exact = WordSet(filling: exact)
        self.capitalsOnly = WordSet(capitalsOnly)
        acronymsAsWords = WordSet(acronyms)
    }

    /// Whether `word` is one of the extra words, in a case its entry allows. Compounds are not
    /// broken here.
    public func accepts(_ word: String) -> Bool {
        guard !exact.isEmpty else { return false }
        guard let cleaned = Self.clean(word, conversions) else { return false }
        let (scalars, fullStops) = cleaned
        let text = String(scalars: scalars)
        func has(_ s: String) -> Bool { exact.contains(s) || (fullStops > 0 && exact.contains(s + ".")) }
        switch CaseType(scalars) {
        case .lower, .mixed, .mixedInitial:
            return has(text)
        case .initial:
            let lower = Self.lowered(scalars)
            return has(text) || has(String(scalars: lower)) || acronymsAsWords.contains(text)
        case .capitals:
            if has(text) { return true }
            let lower = Self.lowered(scalars)
            let initial = Self.initialCapital(lower)
            // Hunspell's special case for capitals with an apostrophe (O'NEILL → o'Neill).
            if let apostrophe = lower.firstIndex(of: "'"), apostrophe < lower.count - 1 {
                let split = Array(lower[...apostrophe]) + Array(Self.initialCapital(Array(lower[(apostrophe + 1)...])).unicodeScalars)
                if exact.contains(String(scalars: split)) || exact.contains(Self.initialCapital(split)) {
                    return true
                }
            }
            return has(initial) || capitalsOnly.contains(initial) || (fullStops > 0 && capitalsOnly.contains(initial + "."))
                || has(String(scalars: lower))
        }
    }

    /// The word as Hunspell looks it up, and how many full stops ended it: input conversions
    /// applied, leading spaces and trailing full stops removed. Nil when nothing is left or the
    /// word is too long for Hunspell (300 bytes, or 100 UTF-16 units).
    static func clean(_ word: String, _ conversions: [(from: String, to: String)]) -> ([Unicode.Scalar], Int)? {
        let converted = convert(word, conversions)
        guard converted.utf8.count < 300 else { return nil }
        var scalars = Array(converted.unicodeScalars)
        var start = 0
        while start < scalars.count && scalars[start] == " " { start += 1 }
        var fullStops = 0
        while scalars.count > start && scalars[scalars.count - 1] == "." {
            scalars.removeLast()
            fullStops += 1
        }
        guard scalars.count > start else { return nil }
        let body = Array(scalars[start...])
        guard body.reduce(0, { $0 + UTF16.width($1) }) < 100 else { return nil }
        return (body, fullStops)
    }

    static func convert(_ word: String, _ conversions: [(from: String, to: String)]) -> String {
        var word = word
        for c in conversions {
            // Most words hold none of the conversions' characters: a byte test first.
            guard let lead = c.from.utf8.first, Self.hasByte(word, lead), word.contains(c.from) else { continue }
            word = word.replacingOccurrences(of: c.from, with: c.to)
        }
        return word
    }

    /// Whether the UTF-8 of `word` holds `byte` (a loop over contiguous bytes when the string
    /// has them, as native strings do).
    static func hasByte(_ word: String, _ byte: UInt8) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? word.utf8.contains(byte)
    }

    /// Letter by letter, as Hunspell's tables do (no change of length: `ß` stays).
    static func lowered(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] { scalars.map(lower) }

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII { return (s >= "A" && s <= "Z") ? Unicode.Scalar(s.value + 32)! : s }
        let mapped = s.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : s
    }

    static func upper(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII { return (s >= "a" && s <= "z") ? Unicode.Scalar(s.value - 32)! : s }
        let mapped = s.properties.uppercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : s
    }

    /// The first letter in capitals, the rest as given.
    static func initialCapital(_ scalars: [Unicode.Scalar]) -> String {
        guard let first = scalars.first else { return "" }
        return String(scalars: [upper(first)] + scalars.dropFirst())
    }

    /// Hunspell's capitalisation types (`get_captype_utf8`).
    enum CaseType {
        case lower, initial, capitals, mixedInitial, mixed

        init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
            var capitals = 0, neutral = 0, count = 0
            for s in scalars {
                count += 1
                if s.isASCII {
                    // ASCII: capitals A–Z, small letters a–z, everything else has no case.
                    if s >= "A" && s <= "Z" { capitals += 1 } else if !(s >= "a" && s <= "z") { neutral += 1 }
                    continue
                }
                let l = ExtraWords.lower(s)
                if l != s { capitals += 1 }
                if ExtraWords.upper(s) == l { neutral += 1 }
            }
            let firstIsCapital = scalars.first.map { ExtraWords.lower($0) != $0 } ?? false
            if capitals == 0 { self = .lower }
            else if capitals == 1 && firstIsCapital { self = .initial }
            else if capitals == count || capitals + neutral == count { self = .capitals }
            else if capitals > 1 && firstIsCapital { self = .mixedInitial }
            else { self = .mixed }
        }
    }
}
