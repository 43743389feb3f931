import Foundation
import RedlineCore

/// Every word form the dictionaries (and extra word lists) accept, lowercased in a trie, with
/// each form's frequency and how it is capitalised. Built once, on the first suggestion;
/// read-only afterwards, so any number of threads may search it.
final class SuggestionIndex: @unchecked Sendable {
    /// Bits of `kinds`.
    static let lowercaseForm: UInt8 = 1, capitalisedForm: UInt8 = 2, otherForm: UInt8 = 4
    static let fromDictionary: UInt8 = 8, fromExtraWords: UInt8 = 16
    /// Hunspell accepts the key written in lowercase / capitalised (set by `verifyingAcceptance`).
    static let acceptedLowercase: UInt8 = 32, acceptedCapitalised: UInt8 = 64

    let alphabet: LetterAlphabet
    let trie: LetterTrie
    /// Zipf frequency per key; negative when the frequency list does not have the word.
    let zipf: [Float]
    /// How each key is written and where it comes from (the bits above).
    let kinds: [UInt8]
    /// The spellings of keys written neither in lowercase nor capitalised (`iPhone`, `McDonald`).
    let otherSpellings: [Int32: [String]]
    /// The first dictionary's affix file, merged with the `REP` tables of the others.
    let affixes: AffixFile
    /// The lowest Zipf value of the frequency list (nil without one).
    let frequencyFloor: Float?
    /// Whether the first dictionary is English (the sound-alike key is English).
    let isEnglish: Bool
    /// Over-regularised forms and the irregular ones meant (teached → taught).
    let irregular: IrregularForms
    /// Seconds spent building the index (or reading it from a `SuggestionIndexCache`).
    let buildSeconds: Double
    /// Whether the index was read from a `SuggestionIndexCache` rather than built.
    private(set) var isRestored = false
    /// Whether `kinds` carries the `accepted…` bits, so that `isVerifiedForm` can answer.
    let acceptanceVerified: Bool

    private let phoneticIndex: OneTimeSetUp<PhoneticIndex>

    /// The words by sound, built on first use (off the per-file clock: `OneTimeSetUp`).
    var phonetic: PhoneticIndex {
        phoneticIndex.value { PhoneticIndex(trie: trie, alphabet: alphabet) }
    }

    /// Approximate bytes held by the index.
    var memoryBytes: Int {
        trie.memoryBytes + zipf.capacity * 4 + kinds.capacity + otherSpellings.count * 64
    }

    private init(alphabet: LetterAlphabet, trie: LetterTrie, zipf: [Float], kinds: [UInt8],
                 otherSpellings: [Int32: [String]], affixes: AffixFile, frequencyFloor: Float?, isEnglish: Bool,
                 irregular: IrregularForms, buildSeconds: Double, phonetic: PhoneticIndex? = nil,
                 acceptanceVerified: Bool = false) {
        self.acceptanceVerified = acceptanceVerified
        self.irregular = irregular
        self.frequencyFloor = frequencyFloor
        self.isEnglish = isEnglish
        self.alphabet = alphabet
        self.trie = trie
        self.zipf = zipf
        self.kinds = kinds
        self.otherSpellings = otherSpellings
        self.affixes = affixes
        self.buildSeconds = buildSeconds
        self.phoneticIndex = OneTimeSetUp(phonetic)
    }

    /// Reads the dictionaries, expands their word forms, adds `extraWords`, the frequencies and
    /// the table of irregular forms.
    static func build(dictionaries: [DictionaryFiles], extraWords: [String], frequencyListPath: String?,
                      irregularFormsPath: String? = nil) -> SuggestionIndex {
        let start = Date()
        var builder = SuggestionIndexBuilder()
        let affixFiles = readAffixes(dictionaries)
        for (files, affixes) in zip(dictionaries, affixFiles) {
            let expander = WordFormExpander(affixes: affixes)
            _ = expander.expandDictionary(atPath: files.dictionaryPath) { builder.add($0, source: fromDictionary) }
        }
        // Extra words are suggested when they are written in lowercase or are common (in the
        // frequency list): the rare names of house lists are left to the name rules.
        let frequencies = frequencyListPath.flatMap(FrequencyList.load(path:)) ?? [:]
        for word in extraWords {
            let scalars = word.unicodeScalars.map(\.value)
            let isLowercase = scalars.allSatisfy { LetterAlphabet.lowercase($0) == $0 }
            if isLowercase || frequencies[word.lowercased()] != nil { builder.add(scalars, source: fromExtraWords) }
        }
        let trie = builder.trie.build()
        var floor: Float?
        for (word, value) in frequencies {
            builder.setFrequency(of: word[...], zipf: value, in: trie)
            floor = min(floor ?? value, value)
        }
        return SuggestionIndex(alphabet: builder.alphabet, trie: trie, zipf: builder.zipf, kinds: builder.kinds,
                               otherSpellings: builder.otherSpellings, affixes: merged(affixFiles), frequencyFloor: floor,
                               isEnglish: isEnglish(dictionaries),
                               irregular: irregularFormsPath.flatMap(IrregularForms.load(path:)) ?? IrregularForms(),
                               buildSeconds: Date().timeIntervalSince(start))
    }

    /// The index from its stored word forms (`SuggestionIndexCodec`), with the affix files and
    /// the table of irregular forms read again (they are small); `seconds` is what loading took.
    static func restore(_ stored: SuggestionIndexCodec.Contents, dictionaries: [DictionaryFiles], irregularFormsPath: String?,
                        seconds: Double) -> SuggestionIndex {
        let index = SuggestionIndex(alphabet: stored.alphabet, trie: stored.trie, zipf: stored.zipf, kinds: stored.kinds,
                                    otherSpellings: stored.otherSpellings, affixes: merged(readAffixes(dictionaries)),
                                    frequencyFloor: stored.frequencyFloor, isEnglish: isEnglish(dictionaries),
                                    irregular: irregularFormsPath.flatMap(IrregularForms.load(path:)) ?? IrregularForms(),
                                    buildSeconds: seconds, phonetic: stored.phonetic,
                                    acceptanceVerified: stored.acceptanceVerified)
        index.isRestored = true
        return index
    }

    /// This index with the dictionary forms of the frequency list, as written in lowercase and as
    /// capitalised, asked of `accepts` (Hunspell: the dictionaries alone), and the answers kept
    /// in `kinds`, so that `isVerifiedForm` can spare Hunspell the words it would accept. A form
    /// the expansion of the affix rules makes but Hunspell refuses is simply not marked.
    func verifyingAcceptance(_ accepts: (String) -> Bool) -> SuggestionIndex {
        var verified = kinds
        // Only the forms of the frequency list (the words a text is likely to use: about a fifth
        // of the forms, and a fifth of the second that checking them all took, for the same
        // speed-up on the BBC corpus); every form when there is no frequency list.
        let all = frequencyFloor == nil
        for key in verified.indices where verified[key] & Self.fromDictionary != 0 && (all || zipf[key] >= 0) {
            let kind = verified[key]
            guard kind & (Self.lowercaseForm | Self.capitalisedForm) != 0 else { continue }
            let lower = trie.codes(ofKey: Int32(key)).compactMap { Unicode.Scalar(alphabet.scalar($0)) }
            if kind & Self.lowercaseForm != 0, accepts(String(scalars: lower)) { verified[key] |= Self.acceptedLowercase }
            if kind & Self.capitalisedForm != 0, let first = lower.first, let capital = Unicode.Scalar(LetterAlphabet.uppercase(first.value)),
               accepts(String(scalars: [capital] + lower.dropFirst())) {
                verified[key] |= Self.acceptedCapitalised
            }
        }
        return SuggestionIndex(alphabet: alphabet, trie: trie, zipf: zipf, kinds: verified, otherSpellings: otherSpellings,
                               affixes: affixes, frequencyFloor: frequencyFloor, isEnglish: isEnglish, irregular: irregular,
                               buildSeconds: buildSeconds, acceptanceVerified: true)
    }

    /// Whether Hunspell is known to accept `word` as written, from `verifyingAcceptance`: a
    /// verified form in lowercase, or capitalised (or, when `capitalsFollowLowercase`, a
    /// capitalised word whose lowercase form is verified). False means only "not known": any
    /// other word, or an index that was not verified, is Hunspell's to judge.
    func isVerifiedForm(_ word: String, capitalsFollowLowercase: Bool) -> Bool {
        guard acceptanceVerified else { return false }
        var codes: [UInt16] = []
        codes.reserveCapacity(word.utf8.count)
        var capitalised = false
        for scalar in word.unicodeScalars {
            let value = scalar.value
            let lower = LetterAlphabet.lowercase(value)
            if lower != value {
                // Only the first letter may be a capital, and one that capitalising gives back.
                guard codes.isEmpty, LetterAlphabet.uppercase(lower) == value else { return false }
                capitalised = true
            }
            let code = alphabet.code(lower)
            guard code != LetterAlphabet.unknown else { return false }
            codes.append(code)
        }
        guard let key = trie.lookup(codes) else { return false }
        let kind = kinds[Int(key)]
        if capitalised {
            return kind & Self.acceptedCapitalised != 0 || (capitalsFollowLowercase && kind & Self.acceptedLowercase != 0)
        }
        return kind & Self.acceptedLowercase != 0
    }

    /// What `SuggestionIndexCodec` stores: everything but the affixes and irregular forms. The
    /// sound-alike index is built first if it is not yet (English only).
    var storedContents: SuggestionIndexCodec.Contents {
        SuggestionIndexCodec.Contents(alphabet: alphabet, trie: trie, zipf: zipf, kinds: kinds, otherSpellings: otherSpellings,
                                      frequencyFloor: frequencyFloor, phonetic: isEnglish ? phonetic : nil,
                                      acceptanceVerified: acceptanceVerified)
    }

    private static func readAffixes(_ dictionaries: [DictionaryFiles]) -> [AffixFile] {
        dictionaries.map { AffixFile(path: $0.affixPath) ?? AffixFile() }
    }

    /// The first dictionary's affix file, with the `REP` tables of all of them.
    private static func merged(_ affixFiles: [AffixFile]) -> AffixFile {
        var replacements: [(from: String, to: String)] = []
        for affixes in affixFiles {
            for r in affixes.replacements where !replacements.contains(where: { $0 == r }) { replacements.append(r) }
        }
        var first = affixFiles.first ?? AffixFile()
        first.replacements = replacements
        return first
    }

    private static func isEnglish(_ dictionaries: [DictionaryFiles]) -> Bool {
        dictionaries.first?.name.lowercased().hasPrefix("en") ?? false
    }

    /// The letter codes of a word, lowercased (`unknown` for letters no word has).
    func codes(of word: String) -> [UInt16] {
        word.unicodeScalars.map { alphabet.code(LetterAlphabet.lowercase($0.value)) }
    }

    /// The lowercase text of a key.
    func text(ofKey key: Int32) -> String {
        String(scalars: trie.codes(ofKey: key).compactMap { Unicode.Scalar(alphabet.scalar($0)) })
    }
}
