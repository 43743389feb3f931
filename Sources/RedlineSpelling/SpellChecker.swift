import Foundation
import RedlineCore

/// Spell checking over one or more Hunspell dictionaries plus extra words, safe to share
/// between threads.
///
/// Each Hunspell handle is used by one thread at a time (a small pool grows to the number of
/// threads that ask at once). The extra words are not given to Hunspell: they are one
/// read-only `ExtraWords` set, built once, that answers as Hunspell would for added words, and
/// hyphenated compounds are broken at hyphens as Hunspell breaks them, with the set and each
/// dictionary together. Answers are memoised for the whole run: news copy repeats its words, so
/// most look-ups never reach Hunspell.
public final class SpellChecker: @unchecked Sendable {
    /// The base dictionaries; a word is correct when any of them accepts it.
    public let dictionaries: [DictionaryFiles]
    /// The extra words (word lists) accepted beside the dictionaries.
    public let extraWords: [String]
    /// The extra words as sets, built on another thread during start-up (some 50 ms for the
    /// house lists), waited for by the first look-up that needs them.
    private let extraWordSets: ExtraWordSets
    /// `capitalsFollowLowercase(affixPaths:)` of the dictionaries.
    private let capitalsFollowLowercase: Bool
    /// The Hunspell handles, opened on background threads while start-up goes on.
    private let pool: HunspellPool
    /// Every answer of `isCorrect`, for all threads; each thread also keeps those it was given
    /// (`ThreadLocalAnswers`, under this number).
    private let spellCache = ShardedMemo<Bool>()
    private let answersOwner = ThreadLocalAnswers.newOwner()
    private let answersKey = ThreadLocalAnswers.key
    private let suggestionCache = ShardedMemo<[String]>()
    /// The suggestion index once it is ready, when its word forms were checked with Hunspell
    /// (`SuggestionIndex.verifyingAcceptance`): a word it knows is accepted without asking
    /// Hunspell, which takes some microseconds a word and a dictionary.
    private var verifiedForms: SuggestionIndex?
    private let verifiedFormsLock = NSLock()

    /// Opens the dictionaries (checked to exist; on another thread, while this goes on) and
    /// indexes `extraWords`.
    ///
    /// `handles`, when given, is a pool for these dictionaries started earlier, so that its first
    /// set is already opening while the rest of start-up goes on.
    public init(dictionaries: [DictionaryFiles], extraWords: [String] = [], handles: HunspellPool? = nil) {
        self.dictionaries = dictionaries
        self.extraWords = extraWords
        pool = handles ?? HunspellPool(dictionaries: dictionaries)
        capitalsFollowLowercase = Self.capitalsFollowLowercase(affixPaths: dictionaries.map(\.affixPath))
        extraWordSets = ExtraWordSets(extraWords, dictionaries: dictionaries)
    }

    /// Starts opening handles for `threads` threads that check at once, on background threads:
    /// one set per two threads, which share them (`HunspellPool`).
    public func prepareHandles(threads: Int) {
        let sets = (max(1, threads) + 1) / 2
        pool.prepare(sets: sets, limit: sets)
    }

    private func withHandles<T>(_ body: ([HunspellHandle]) -> T) -> T { pool.withHandles(body) }

    /// Whether any dictionary (or the extra words) accepts the word as written.
    public func isCorrect(_ word: String) -> Bool {
        let local = ThreadLocalAnswers.forCurrentThread(owner: answersOwner, key: answersKey)
        if let known = local.answers.pointee.answer(word) { return known }
        let answer = sharedIsCorrect(word)
        local.answers.pointee.record(word, answer)
        return answer
    }

    /// `isCorrect` through the memo all threads share.
    private func sharedIsCorrect(_ word: String) -> Bool {
        if let cached = spellCache[word] { return cached }
        // "However" at the start of a sentence after "however" inside one: Hunspell fails the
        // word as written through every affix rule (some 20 µs a dictionary) before it tries
        // the lowercase form, which the memo already knows.
        if capitalsFollowLowercase, let lowered = Self.lowercasedIfCapitalised(word), spellCache[lowered] == true {
            spellCache[word] = true
            return true
        }
        // The extra words first: a few set look-ups, where Hunspell takes some microseconds a
        // dictionary and a name from the word lists fails both dictionaries first (on the BBC
        // corpus about one word in eight that reaches here is such a name). Then the word forms
        // Hunspell was found to accept when the suggestion index was built.
        let ok = extraWordSets.distinct.contains { $0.accepts(word) }
            || currentVerifiedForms()?.isVerifiedForm(word, capitalsFollowLowercase: capitalsFollowLowercase) == true
            || withHandles { handles in
            handles.contains { $0.spell(word) }
                || (!extraWords.isEmpty && word.utf8.contains(UInt8(ascii: "-"))
                    && handles.indices.contains { breaksIntoAccepted(word, dictionary: $0, handles: handles) })
        }
        spellCache[word] = ok
        return ok
    }

    /// Lets `index` answer for the words it knows Hunspell accepts (an index built from these
    /// dictionaries and verified; any other is ignored).
    func useVerifiedForms(_ index: SuggestionIndex) {
        guard index.acceptanceVerified else { return }
        verifiedFormsLock.lock()
        verifiedForms = index
        verifiedFormsLock.unlock()
    }

    /// Whether a verified suggestion index answers for the words it knows.
    var hasVerifiedForms: Bool { currentVerifiedForms() != nil }

    private func currentVerifiedForms() -> SuggestionIndex? {
        verifiedFormsLock.lock()
        defer { verifiedFormsLock.unlock() }
        return verifiedForms
    }

    /// Calls `body` with a test of whether any of the dictionaries alone (no extra words, no
    /// memo) accepts a word, on a set of handles opened for it and closed afterwards, so that
    /// checking many words (verifying a suggestion index) never keeps the workers' sets busy.
    func withOwnHandles<T>(_ body: ((String) -> Bool) -> T) -> T {
        let handles = HunspellPool.open(dictionaries)
        return body { word in handles.contains { $0.spell(word) } }
    }

    /// An ASCII word with an initial capital only ("However") or in capitals ("HOWEVER") in
    /// lowercase; nil for any other word (lowercase, mixed case, or with other letters, whose
    /// lowercase form Swift and Hunspell might not agree on).
    static func lowercasedIfCapitalised(_ word: String) -> String? {
        var utf8 = Array(word.utf8)
        guard let first = utf8.first, first >= 0x41 && first <= 0x5A else { return nil }
        var capitals = 0, small = 0
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { capitals += 1 } else if byte >= 0x61 && byte <= 0x7A { small += 1 }
        }
        guard capitals == 1 || small == 0 else { return nil }
        for i in utf8.indices where utf8[i] >= 0x41 && utf8[i] <= 0x5A { utf8[i] |= 0x20 }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Whether, in every dictionary, a word with an initial capital or in capitals is correct
    /// whenever its lowercase form is: Hunspell checks the lowercase form of such a word when
    /// the word as written fails, and refuses it only for roots flagged `KEEPCASE` or
    /// `FORBIDDENWORD` (or German sharp s rules, `CHECKSHARPS`). Affix files that declare any
    /// of these, or flags other than single characters (where a default forbidden flag could
    /// hide), leave every word to Hunspell.
    static func capitalsFollowLowercase(affixPaths: [String]) -> Bool {
        affixPaths.allSatisfy { path in
            guard let lines = affixLines(path) else { return false }
            return !lines.contains { line in
                ["KEEPCASE", "FORBIDDENWORD", "CHECKSHARPS", "FLAG"].contains(line.prefix { $0 != " " && $0 != "\t" })
            }
        }
    }

    /// One dictionary with the extra words, as Hunspell answers after `Hunspell_add` of each.
    private func accepts(_ word: String, dictionary i: Int, handles: [HunspellHandle]) -> Bool {
        handles[i].spell(word) || extraWordSets.perDictionary[i].accepts(word) || breaksIntoAccepted(word, dictionary: i, handles: handles)
    }

    /// Hunspell's breaking of a word at `BREAK` points (by default a hyphen inside, at the start
    /// or at the end), each side checked again; `spell` in `hunspell.cxx`.
    private func breaksIntoAccepted(_ word: String, dictionary i: Int, handles: [HunspellHandle]) -> Bool {
        guard let (scalars, _) = ExtraWords.clean(word, extraWordSets.perDictionary[i].conversions) else { return false }
        let text = ExtraWords.CaseType(scalars) == .capitals
            ? ExtraWords.initialCapital(ExtraWords.lowered(scalars)) : String(scalars: scalars)
        let scw = Array(text.utf8)
        let patterns: [[UInt8]] = [Array("-".utf8), Array("^-".utf8), Array("-$".utf8)]
        func find(_ p: [UInt8], from: Int) -> Int? {
            guard from <= scw.count - p.count else { return nil }
            var k = from
            while k <= scw.count - p.count {
                if scw[k..<(k + p.count)].elementsEqual(p) { return k }
                k += 1
            }
            return nil
        }
        func spell(_ bytes: ArraySlice<UInt8>) -> Bool {
            accepts(String(decoding: bytes, as: UTF8.self), dictionary: i, handles: handles)
        }
        var breaks = 0
        for p in patterns {
            var from = 0
            while let at = find(p, from: from) { breaks += 1; from = at + p.count }
        }
        if breaks >= 10 { return false }
        let length = scw.count
        // Boundary patterns (^- and -$).
        for p in patterns where p.count > 1 && p.count <= length {
            if p[0] == UInt8(ascii: "^"), scw[0..<(p.count - 1)].elementsEqual(p[1...]), spell(scw[(p.count - 1)...]) {
                return true
            }
            if p[p.count - 1] == UInt8(ascii: "$"), scw[(length - p.count + 1)...].elementsEqual(p[..<(p.count - 1)]),
               spell(scw[..<(length - p.count + 1)]) {
                return true
            }
        }
        // Inside the word: at the second occurrence (so a dictionary word with a hyphen is
        // recognised), then at the first.
        for secondFirst in [true, false] {
            for p in patterns {
                guard var found = find(p, from: 0), found > 0, found < length - p.count else { continue }
                if secondFirst, let second = find(p, from: found + 1), second < length - p.count { found = second }
                guard spell(scw[(found + p.count)...]) else { continue }
                if spell(scw[..<found]) { return true }
            }
        }
        return false
    }

    /// The lines of an affix file; nil when it cannot be read.
    private static func affixLines(_ path: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    }

    /// The input conversions (`ICONV from to`) of an affix file.
    static func inputConversions(affixPath: String) -> [(from: String, to: String)] {
        var conversions: [(from: String, to: String)] = []
        for line in affixLines(affixPath) ?? [] where line.hasPrefix("ICONV") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 3, fields[0] == "ICONV" { conversions.append((String(fields[1]), String(fields[2]))) }
        }
        return conversions
    }

    /// Hunspell's suggestions from every dictionary, merged, best first, without repeats.
    public func hunspellSuggestions(_ word: String) -> [String] {
        if let cached = suggestionCache[word] { return cached }
        let lists = withHandles { handles in handles.map { $0.suggest(word) } }
        var seen = Set<String>()
        var merged: [String] = []
        let longest = lists.map(\.count).max() ?? 0
        for i in 0..<longest {
            for list in lists where i < list.count && seen.insert(list[i]).inserted { merged.append(list[i]) }
        }
        suggestionCache[word] = merged
        return merged
    }
}

/// The extra words as one `ExtraWords` set per dictionary (each dictionary converts input its
/// own way; dictionaries with the same input conversions share one), built on another thread.
final class ExtraWordSets: @unchecked Sendable {
    private let built = DispatchGroup()
    private var sets: (perDictionary: [ExtraWords], distinct: [ExtraWords]) = ([], [])

    init(_ words: [String], dictionaries: [DictionaryFiles]) {
        built.enter()
        Thread.detachNewThread { [self] in
            var byConversions: [String: ExtraWords] = [:]
            var distinct: [ExtraWords] = []
            let perDictionary = dictionaries.map { files in
                let conversions = SpellChecker.inputConversions(affixPath: files.affixPath)
                let key = conversions.map { $0.from + "\u{0}" + $0.to }.joined(separator: "\u{1}")
                if let set = byConversions[key] { return set }
                let set = ExtraWords(words, conversions: conversions)
                byConversions[key] = set
                distinct.append(set)
                return set
            }
            sets = (perDictionary, distinct)
            PhaseTrace.mark("spelling: extra word sets built")
            built.leave()
        }
    }

    /// The set of each dictionary, in order.
    var perDictionary: [ExtraWords] {
        waitUntilBuilt()
        return sets.perDictionary
    }

    /// The distinct sets.
    var distinct: [ExtraWords] {
        waitUntilBuilt()
        return sets.distinct
    }

    /// Returns once the sets are built (the group orders their write before this returns);
    /// waiting is set-up, not the current file's time.
    private func waitUntilBuilt() {
        if built.wait(timeout: .now()) == .timedOut { WorkClock.offTheClock { built.wait() } }
    }
}

/// Word lists: one word per line; blank lines and lines starting with `#` are skipped.
public enum WordList {
    public static func load(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError("\(path): cannot read word list")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bytes = [UInt8](data)
            let line = lineOfFirstInvalidByte(bytes)
            throw DictionaryError("\(path):\(line): word list is not valid UTF-8")
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            // Lines end at LF or CR; other line separators (VT, FF, NEL, U+2028, U+2029) take the
            // general path. Hundreds of thousands of words: this is start-up time.
            if hasOtherLineSeparators(bytes) {
                return parseSlowly(String(decoding: bytes, as: UTF8.self))
            }
            var words: [String] = []
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
                var a = start, b = end
                while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
                if a < b && bytes[a] != UInt8(ascii: "#") {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
                    // Other spaces (no-break, ideographic…) at either end: trim as before.
                    if bytes[a] >= 0x80 || bytes[b - 1] >= 0x80 {
                        words += parseSlowly(word)
                    } else {
                        words.append(word)
                    }
                }
                start = end + 1
            }
            return words
        }
    }

    private static func hasOtherLineSeparators(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, b) in bytes.enumerated() {
            switch b {
            case 0x0B, 0x0C: return true
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return true
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                return true
            default: continue
            }
        }
        return false
    }

    /// Any line separator, any Unicode white space trimmed.
    static func parseSlowly(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            let w = raw.trimmingCharacters(in: .whitespaces)
            return w.isEmpty || w.hasPrefix("#") ? nil : w
        }
    }

    private static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(bytes: bytes[start..<i], encoding: .utf8) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
