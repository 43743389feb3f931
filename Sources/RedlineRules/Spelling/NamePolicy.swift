import RedlineCore
import RedlineSpelling
import RedlineText

/// Decides what an unknown word is: a misspelled word, a misspelled name, or an unknown name.
///
/// - A word with no capital is a misspelled word.
/// - A capitalised word at the start of a sentence, never written capitalised mid-sentence in the
///   article, whose lower-case form has one clearly best correction, is a misspelled word ("Teh").
/// - A capitalised word one edit from a known name (five letters or more; two edits from eight)
///   — a name in the dictionaries or house lists, or a name this article uses more often — is a
///   misspelled name, unless both are transliterations of one name (same `NameSkeleton`, or one
///   group of the names table: Hezbollah, Hizbollah), which the names rules judge.
/// - Any other capitalised word looks like a name and is not an error.
struct NamePolicy {
    enum Verdict {
        case misspelledWord(Suggestions)
        case misspelledName(suggestion: String, reason: String)
        case unknownName
    }

    let scanner: UnknownWordScanner
    let suggester: Suggester
    let knownNames: @Sendable () -> KnownNames
    let knownPeople: @Sendable () -> KnownPeople
    /// The names table (spellings of one name that are not slips of each other).
    let namesTable: NamesTable?
    /// Verdicts already given, shared by the spelling rules of one linter.
    let memo: JudgementMemo

    init(environment: RuleEnvironment) throws {
        let speller = try environment.require(SpellChecker.self)
        let resources = try environment.require(SpellingResources.self)
        scanner = UnknownWordScanner(speller: speller)
        suggester = try environment.require(Suggester.self)
        knownNames = { environment.shared(KnownNames.self) { KnownNames(resources: resources) } }
        let data = environment.dataDirectory
        knownPeople = { environment.shared(KnownPeople.self) { KnownPeople(dataDirectory: data) } }
        namesTable = try? NamesTable.shared(environment)
        memo = environment.shared(JudgementMemo.self) { JudgementMemo() }
    }

    /// How often each capitalised word (without possessive) occurs, and how often mid-sentence.
    struct CapitalisedUse {
        var count = 0
        var midSentence = 0
        /// The word's length in characters (counted once, not for every word compared with it).
        var length = 0
    }

    static func capitalisedUse(_ document: Document) -> [String: CapitalisedUse] {
        var use: [String: CapitalisedUse] = [:]
        for token in document.tokens where token.kind == .word && token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) {
            let word = UnknownWordScanner.base(document.text(token))
            let midSentence = token.flags.contains(.sentenceStart) ? 0 : 1
            // One look-up a token (this runs over every capitalised word of an article).
            if let known = use.index(forKey: word) {
                use.values[known].count += 1
                use.values[known].midSentence += midSentence
            } else {
                use[word] = CapitalisedUse(count: 1, midSentence: midSentence, length: word.count)
            }
        }
        return use
    }

    func judge(_ document: Document) -> [(UnknownWord, Verdict)] {
        memo.verdicts(document) { judgeAfresh(document) }
    }

    private func judgeAfresh(_ document: Document) -> [(UnknownWord, Verdict)] {
        let unknown = scanner.unknownWords(in: document)
        guard !unknown.isEmpty else { return [] }
        var use: [String: CapitalisedUse]? = nil
        return unknown.map { word in
            if !word.hasCapital { return (word, .misspelledWord(suggester.suggest(word.text))) }
            if use == nil { use = Self.capitalisedUse(document) }
            return (word, verdictForCapitalised(word, use: use!))
        }
    }

    private func verdictForCapitalised(_ word: UnknownWord, use: [String: CapitalisedUse]) -> Verdict {
        let base = UnknownWordScanner.base(word.text)
        let suffix = String(word.text.dropFirst(base.count))
        let scalars = Array(base.unicodeScalars)
        let titleCase = scalars.dropFirst().allSatisfy { !$0.properties.isUppercase }
        if word.sentenceStart && titleCase && (use[base]?.midSentence ?? 0) == 0 {
            let lower = word.text.lowercased()
            if let s = suggester.confidentSuggestions(lower) {
                return .misspelledWord(Suggestions(words: s.words.map(Self.capitalised), isConfident: true))
            }
        }
        if let (name, reason) = nearName(base, use: use) {
            return .misspelledName(suggestion: name + suffix, reason: reason)
        }
        return .unknownName
    }

    /// Whether `base` can be a slip for the name `name`: within `limit` edits, the same first
    /// letter (slips rarely hit it), not a plural or possessive of it, not another transliteration
    /// of it, and `name` a name rather than an ordinary word at the start of a sentence.
    private func isPlausibleSlip(of name: String, for base: String, lower: String, skeleton: String, limit: Int) -> Bool {
        let other = name.lowercased()
        guard other != lower, other.first == lower.first else { return false }
        for ending in ["s", "es", "'s", "’s"] where other + ending == lower || lower + ending == other { return false }
        guard editDistance(other, lower, limit: limit) <= limit else { return false }
        guard NameSkeleton.of(name) != skeleton else { return false }
        if let namesTable, namesTable.listsTogether(name, base) { return false }
        // "Contract" at the start of a sentence is not a name.
        return !scanner.speller.isCorrect(other)
    }

    /// Surnames one slip away from a public figure's, right after that figure's given name
    /// ("Antonio Guterrez" → "Guterres"), even when a long surname list accepts the slip.
    func fullNameSlips(_ document: Document) -> [(span: Span, word: String, suggestion: String)] {
        let people = knownPeople()
        var found: [(Span, String, String)] = []
        let tokens = document.tokens
        var i = 1
        while i < tokens.count {
            defer { i += 1 }
            let t = tokens[i], g = tokens[i - 1]
            guard t.kind == .word, g.kind == .word, t.flags.contains(.capitalized), g.flags.contains(.capitalized),
                  t.block == g.block, t.span.start - g.span.end == 1 else { continue }
            let surnames = people.surnames(ofGivenName: document.text(g))
            guard !surnames.isEmpty else { continue }
            let text = document.text(t)
            let base = UnknownWordScanner.base(text)
            guard base.count >= 4, !people.surnames.contains(base), !scanner.speller.isCorrect(base.lowercased()) else { continue }
            let lower = base.lowercased(), skeleton = NameSkeleton.of(base)
            let limit = base.count >= 8 ? 2 : 1
            let near = surnames.filter { isPlausibleSlip(of: $0, for: base, lower: lower, skeleton: skeleton, limit: limit) }
            if near.count == 1, let surname = near.first {
                found.append((t.span, text, surname + String(text.dropFirst(base.count))))
            }
        }
        return found
    }

    static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// The name this word is most likely a misspelling of, with why.
    private func nearName(_ base: String, use: [String: CapitalisedUse]) -> (String, String)? {
        let length = base.count
        guard length >= 5 else { return nil }
        let lower = base.lowercased()
        let skeleton = NameSkeleton.of(base)
        let ownCount = use[base]?.count ?? 0
        let limit = length >= 8 ? 2 : 1
        // Names this article uses more often than this spelling, or that the dictionaries know.
        var best: (name: String, count: Int)? = nil
        for (other, u) in use where abs(u.length - length) <= limit && other != base {
            guard isPlausibleSlip(of: other, for: base, lower: lower, skeleton: skeleton, limit: limit) else { continue }
            let known = scanner.isAccepted(other)
            guard known || u.count > ownCount else { continue }
            if best == nil || u.count > best!.count || (u.count == best!.count && other < best!.name) {
                best = (other, u.count)
            }
        }
        if let best {
            let times = best.count == 1 ? "once" : "\(best.count) times"
            return (best.name, "this article writes “\(best.name)” \(times)")
        }
        // Names the dictionaries and house lists know, one edit away, for a spelling used once
        // (a name written the same way twice is more likely a real name than a slip).
        guard ownCount <= 1, length >= 6 else { return nil }
        let near = knownNames().near(base).filter { isPlausibleSlip(of: $0, for: base, lower: lower, skeleton: skeleton, limit: 1) }
        if near.count == 1, let name = near.first {
            return (name, "“\(name)” is a known name")
        }
        return nil
    }
}
