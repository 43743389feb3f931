import Foundation
import RedlineCore

/// Every word form the dictionaries (and extra word lists) accept, lowercased in a trie, with
/// each form's frequency and how it is capitalised. Built once, on the first suggestion;
/// read-only afterwards, so any number of threads may search it.
final class SuggestionIndex: @unchecked Sendable {
    /// Bits of `kinds`.
    static let lowercaseForm: UInt8 = 1, capitalisedForm: UInt8 = 2, otherForm: UInt8 = 4
    static let fromDictionary: UInt8 = 8, fromExtraWords: UInt8 = 16

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
                 irregular: IrregularForms, buildSeconds: Double, phonetic: PhoneticIndex? = nil) {
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
                                    buildSeconds: seconds, phonetic: stored.phonetic)
        index.isRestored = true
        return index
    }

    /// What `SuggestionIndexCodec` stores: everything but the affixes and irregular forms. The
    /// sound-alike index is built first if it is not yet (English only).
    var storedContents: SuggestionIndexCodec.Contents {
        SuggestionIndexCodec.Contents(alphabet: alphabet, trie: trie, zipf: zipf, kinds: kinds, otherSpellings: otherSpellings,
                                      frequencyFloor: frequencyFloor, phonetic: isEnglish ? phonetic : nil)
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
