import Foundation
import Testing
@testable import RedlineSpelling

/// The suggestion index as a first answer for the spell checker: its dictionary forms are
/// checked with Hunspell once, when the index is stored, and a word it marks as accepted is
/// never one Hunspell refuses; every other word is still Hunspell's to judge.
@Suite struct VerifiedFormsTests {
    typealias Inputs = SuggestionIndexCacheTests.Inputs

    /// Forms of the test dictionary, in every case, misspellings and words of no dictionary.
    static let probes = [
        "phone", "Phone", "PHONE", "phones", "Phones", "phoned", "phoneds", "berry", "berries", "Berries", "berrys",
        "happy", "Happy", "hapy", "Paris", "paris", "PARIS", "key", "keys", "Keys", "café", "Café", "cafés", "cafe",
        "pheasant", "pheasants", "lot", "Lot", "a", "A", "McDonald", "iPhone", "Klitschko", "klitschko", "ceasefire",
        "Ceasefire", "UNICEF", "Unicef", "pHone", "phoNe", "ﬁne", "zebra", "Zebra", "",
    ]

    /// Hunspell on the test dictionary alone.
    static func hunspell(_ inputs: Inputs) -> HunspellHandle {
        HunspellHandle(affixPath: inputs.dictionary.affixPath, dictionaryPath: inputs.dictionary.dictionaryPath)
    }

    /// The index without a frequency list (every dictionary form is checked).
    static func buildWithoutFrequencies(_ inputs: Inputs) -> SuggestionIndex {
        SuggestionIndex.build(dictionaries: [inputs.dictionary], extraWords: inputs.extraWords, frequencyListPath: nil)
    }

    @Test func everyVerifiedFormIsOneHunspellAccepts() throws {
        let inputs = try Inputs()
        let hunspell = Self.hunspell(inputs)
        let index = Self.buildWithoutFrequencies(inputs).verifyingAcceptance { hunspell.spell($0) }
        #expect(index.acceptanceVerified)
        var verified: [String] = []
        for word in Self.probes {
            for follows in [false, true] where index.isVerifiedForm(word, capitalsFollowLowercase: follows) {
                #expect(hunspell.spell(word), "\(word) is marked accepted but Hunspell refuses it")
                verified.append(word)
            }
        }
        // Forms as written in the dictionary, made by its affix rules, and capitalised.
        for word in ["phone", "phones", "phoned", "berries", "Paris", "cafés", "pheasants"] {
            #expect(index.isVerifiedForm(word, capitalsFollowLowercase: false), "\(word)")
        }
        // A capitalised form of a lowercase entry counts only when capitals follow lowercase.
        #expect(!index.isVerifiedForm("Phones", capitalsFollowLowercase: false))
        #expect(index.isVerifiedForm("Phones", capitalsFollowLowercase: true))
        // Never: a capitalised entry in lowercase, capitals, mixed case, extra words (not
        // Hunspell's), misspellings, letters no form has.
        for word in ["paris", "PHONE", "pHone", "phoNe", "iPhone", "ceasefire", "Klitschko", "berrys", "zebra", "", "ﬁne"] {
            #expect(!index.isVerifiedForm(word, capitalsFollowLowercase: true), "\(word)")
        }
        #expect(verified.count > 10)
    }

    @Test func aFormHunspellRefusesIsNotMarked() throws {
        let inputs = try Inputs()
        let hunspell = Self.hunspell(inputs)
        // As if the expansion of the affix rules made forms Hunspell does not accept.
        let index = Self.buildWithoutFrequencies(inputs).verifyingAcceptance {
            $0 != "berries" && $0 != "Paris" && hunspell.spell($0)
        }
        #expect(!index.isVerifiedForm("berries", capitalsFollowLowercase: true))
        #expect(!index.isVerifiedForm("Paris", capitalsFollowLowercase: true))
        #expect(index.isVerifiedForm("berry", capitalsFollowLowercase: true))
    }

    /// With a frequency list, only its forms are checked (the words a text is likely to use).
    @Test func withAFrequencyListOnlyItsFormsAreChecked() throws {
        let inputs = try Inputs()
        let hunspell = Self.hunspell(inputs)
        var asked: [String] = []
        let index = inputs.build().verifyingAcceptance { asked.append($0); return hunspell.spell($0) }
        // "keys" is in the list but not a form of this dictionary ("key/S" takes neither rule).
        #expect(Set(asked) == ["phone", "berry", "pheasant"])
        #expect(index.isVerifiedForm("phone", capitalsFollowLowercase: false))
        #expect(index.isVerifiedForm("pheasant", capitalsFollowLowercase: false))
        // In the dictionary, not in the list: left to Hunspell.
        #expect(!index.isVerifiedForm("phones", capitalsFollowLowercase: false))
        #expect(!index.isVerifiedForm("Paris", capitalsFollowLowercase: false))
    }

    @Test func anIndexNotVerifiedKnowsNoWord() throws {
        let inputs = try Inputs()
        let index = inputs.build()
        #expect(!index.acceptanceVerified)
        for word in Self.probes { #expect(!index.isVerifiedForm(word, capitalsFollowLowercase: true), "\(word)") }
    }

    @Test func theVerifiedMarksAreStoredAndReadBack() throws {
        let inputs = try Inputs()
        let hunspell = Self.hunspell(inputs)
        let index = Self.buildWithoutFrequencies(inputs).verifyingAcceptance { hunspell.spell($0) }
        let key = inputs.key(inputs.cache())
        let bytes = SuggestionIndexCodec.encode(index.storedContents, key: key)
        let read = try #require(bytes.withUnsafeBytes { SuggestionIndexCodec.decode($0, key: key) })
        #expect(read.acceptanceVerified)
        #expect(read.kinds == index.kinds)
        #expect(read.kinds.contains { $0 & SuggestionIndex.acceptedLowercase != 0 })
        #expect(read.kinds.contains { $0 & SuggestionIndex.acceptedCapitalised != 0 })
    }

    /// A suggester with a cache stores a verified index and hands it to its speller; a second
    /// one reads it back; the spell checker answers every probe as one without the index does.
    @Test func theSpellerAnswersTheSameWithAVerifiedIndex() throws {
        let inputs = try Inputs()
        let cache = inputs.cache()
        let plain = SpellChecker(dictionaries: [inputs.dictionary], extraWords: inputs.extraWords)
        #expect(!plain.hasVerifiedForms)
        for round in 0..<2 {
            let speller = SpellChecker(dictionaries: [inputs.dictionary], extraWords: inputs.extraWords)
            let suggester = Suggester(speller: speller, frequencyListPath: inputs.frequency, indexCache: cache)
            #expect(suggester.prepare().loadedFromCache == (round == 1))
            #expect(speller.hasVerifiedForms)
            for word in Self.probes {
                #expect(speller.isCorrect(word) == plain.isCorrect(word), "\(word), round \(round)")
            }
        }
    }
}
