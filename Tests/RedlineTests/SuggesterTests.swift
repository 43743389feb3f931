import Foundation
import Testing
@testable import RedlineSpelling

/// The suggestion engine: ranking, case, dictionary acceptance, confidence, split words,
/// thread safety, and the affix expansion it is built on.
@Suite struct SuggesterTests {
    static let speller: SpellChecker = {
        let files = try! DictionaryLocator.locate("en_US", dataDirectory: TestSupport.root)
        return SpellChecker(dictionaries: [files])
    }()

    /// One suggester for the suite (its index is built on first use).
    static let suggester = Suggester(speller: speller)

    static func first(_ word: String) -> String? { suggester.suggest(word).words.first }

    @Test(arguments: [
        ("recieve", "receive"), ("teh", "the"), ("abalze", "ablaze"), ("goverment", "government"),
        ("wrold", "world"), ("becuase", "because"), ("tommorrow", "tomorrow"), ("accomodation", "accommodation"),
        ("begining", "beginning"), ("publically", "publicly"), ("knowlege", "knowledge"), ("parliment", "parliament"),
        ("enviroment", "environment"), ("councel", "council"), ("goverments", "governments"), ("wierd", "weird"),
    ])
    func ranksTheIntendedWordFirst(_ pair: (String, String)) {
        #expect(Self.first(pair.0) == pair.1, "\(pair.0): \(Self.suggester.suggest(pair.0).words)")
    }

    @Test(arguments: [("minstry", "ministry"), ("electon", "election"), ("spokesmn", "spokesman"), ("refugess", "refugees")])
    func findsTheWordAmongTheFirstFive(_ pair: (String, String)) {
        #expect(Self.suggester.suggest(pair.0).words.prefix(5).contains(pair.1), "\(pair.0): \(Self.suggester.suggest(pair.0).words)")
    }

    @Test func findsWordsThatSoundAlikeBeyondTwoEdits() {
        #expect(Self.suggester.suggest("restrant").words.prefix(5).contains("restaurant"), "\(Self.suggester.suggest("restrant").words)")
        #expect(Self.first("fotograf") == "photograph")
        #expect(Self.first("nollidge") == "knowledge")
    }

    @Test func suggestsTheIrregularFormOfAnOverRegularisedOne() {
        #expect(Self.first("catched") == "caught")
        #expect(Self.first("buyed") == "bought")
        #expect(Self.first("thinked") == "thought")
        #expect(Self.first("Mouses") == "Mice")
        #expect(Self.suggester.suggest("gooder").words.prefix(3).contains("better"))
    }

    @Test func keepsTheCasePatternOfTheMisspelling() {
        #expect(Self.first("Recieve") == "Receive")
        #expect(Self.first("RECIEVE") == "RECEIVE")
        #expect(Self.first("Goverment") == "Government")
        #expect(Self.suggester.suggest("GOVERMENT").words.allSatisfy { $0 == $0.uppercased() })
        // A name the dictionary has only with a capital keeps it, even for lowercase input.
        #expect(Self.suggester.suggest("londn").words.prefix(3).contains("London"))
        #expect(Self.first("february") == "February")
        #expect(Self.first("obama") == "Obama")
    }

    @Test func typographicApostrophesAreKept() {
        let words = Self.suggester.suggest("dont’").words + Self.suggester.suggest("do’nt").words
        #expect(words.contains("don’t"), "\(words)")
        #expect(!words.contains("don't"))
    }

    @Test func everySuggestionIsAcceptedByTheDictionary() {
        for word in ["recieve", "Teh", "ALOT", "infact", "xyzzyq", "qwrtpl", "sofware", "Wahsington", "colour", "dont",
                     "thier", "accross", "untill", "Brexitt", "aaaaaaaa", "zzz", "é", "naïvete", "cafe"] {
            for s in Self.suggester.suggest(word).words {
                let accepted = s.split(separator: " ").allSatisfy { Self.speller.isCorrect(String($0)) }
                #expect(accepted, "\(word) → \(s)")
                #expect(s != word)
            }
        }
    }

    @Test func suggestsWordsRunTogetherAsTwo() {
        #expect(Self.suggester.suggest("alot").words.prefix(3).contains("a lot"))
        #expect(Self.suggester.suggest("infact").words.prefix(3).contains("in fact"))
        #expect(!Self.suggester.suggest("alot").isConfident)
    }

    /// `confidentSuggestions` (a capitalised word at the start of a sentence) searches the
    /// narrower set of candidates first. When it answers, it answers exactly what the whole
    /// ranking gives; when it declines, the whole ranking is not confident either, or its first
    /// word changes a letter the narrower search keeps (one of the misspelling's first two).
    @Test func confidentSuggestionsAgreeWithTheWholeRanking() {
        // A suggester of its own: `suggest` and `confidentSuggestions` share a memo.
        let narrow = Suggester(speller: Self.speller)
        let words = ["teh", "recieve", "goverment", "abalze", "wierd", "becuase", "tommorrow", "knowlege", "hte",
                     "klitschko", "holosiivskyi", "ukrzaliznytsia", "tkachenko", "zelenskyy", "nowlege", "ecole",
                     "fotograf", "nollidge", "restrant", "alot", "todays", "tht", "munbers", "yatch", "sepina", "boaut"]
        var declined = 0
        for word in words {
            let whole = Self.suggester.suggest(word)
            if let confident = narrow.confidentSuggestions(word) {
                #expect(confident.isConfident && confident.words == whole.words, "\(word): \(confident.words) \(whole.words)")
            } else {
                declined += 1
                let firstLetters = Set(word.unicodeScalars.prefix(2))
                let keepsThem = whole.words.first.map { firstLetters.contains($0.lowercased().unicodeScalars.first!) } ?? true
                #expect(!whole.isConfident || !keepsThem, "\(word): \(whole.words)")
            }
        }
        // The names and the far misspellings are declined; the slips are not.
        #expect(declined >= 5 && declined < words.count - 8, "\(declined)")
    }

    @Test func isConfidentOnlyWhenTheFirstIsClearlyAhead() {
        // One likely edit, nothing close behind.
        #expect(Self.suggester.suggest("recieve").isConfident)
        #expect(Self.suggester.suggest("goverment").isConfident)
        #expect(Self.suggester.suggest("abalze").isConfident)
        #expect(Self.suggester.suggest("enougth").isConfident)
        #expect(Self.suggester.suggest("criticised").isConfident)
        // Two letters swapped back, far ahead of the rest.
        #expect(Self.suggester.suggest("teh").isConfident)
        #expect(Self.suggester.suggest("Teh").words.first == "The")
        // A possessive the writer did not type depends on the sentence.
        #expect(Self.suggester.suggest("todays").words.first == "today's")
        #expect(!Self.suggester.suggest("todays").isConfident)
        // Several equally plausible words.
        #expect(!Self.suggester.suggest("tht").isConfident)
        #expect(!Self.suggester.suggest("ther").isConfident)
        // Nothing close at all.
        #expect(!Self.suggester.suggest("xqzvbnw").isConfident)
    }

    @Test func returnsNothingForHopelessInput() {
        #expect(Self.suggester.suggest("").words.isEmpty)
        #expect(Self.suggester.suggest(String(repeating: "q", count: 80)).words.isEmpty)
    }

    @Test func concurrentCallsAgreeWithSerialOnes() async {
        let words = ["recieve", "teh", "abalze", "goverment", "wrold", "becuase", "tommorrow", "alot", "Recieve",
                     "RECIEVE", "minstry", "electon", "parliment", "knowlege", "enviroment", "thier"]
        let expected = words.map { Self.suggester.suggest($0) }
        // A fresh suggester, so that the index is built while several threads ask at once.
        let fresh = Suggester(speller: Self.speller)
        let results = await withTaskGroup(of: [(Int, Suggestions)].self) { group in
            for round in 0..<8 {
                group.addTask {
                    var out: [(Int, Suggestions)] = []
                    for offset in 0..<words.count {
                        let i = (offset + round * 3) % words.count
                        out.append((i, fresh.suggest(words[i])))
                    }
                    return out
                }
            }
            var all: [(Int, Suggestions)] = []
            for await part in group { all += part }
            return all
        }
        #expect(results.count == words.count * 8)
        for (i, s) in results { #expect(s == expected[i], "\(words[i])") }
    }

    // MARK: - Any Hunspell dictionary, by its affix rules

    static func tinyDictionary() throws -> DictionaryFiles {
        let aff = """
            SET UTF-8
            REP 1
            REP f ph
            NOSUGGEST !
            PFX U Y 1
            PFX U   0     un         .

            SFX S Y 3
            SFX S   y     ies        [^aeiou]y
            SFX S   0     s          [aeiou]y
            SFX S   0     s          [^sxy]

            SFX D Y 2
            SFX D   0     d          e
            SFX D   0     ed         [^e]
            """
        let dic = "6\nphone/SD\nberry/S\nhappy/U\nParis\nkey/S\nrude/!\n"
        return try TestSupport.writeDictionary(name: "tiny", aff: aff, dic: dic).files
    }

    @Test func expandsStemsWithTheAffixRules() throws {
        let files = try Self.tinyDictionary()
        let affixes = try #require(AffixFile(path: files.affixPath))
        var forms = Set<String>()
        _ = WordFormExpander(affixes: affixes).expandDictionary(atPath: files.dictionaryPath) { scalars in
            forms.insert(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))))
        }
        #expect(forms == ["phone", "phones", "phoned", "berry", "berries", "happy", "unhappy", "Paris", "key", "keys"])
    }

    @Test func worksWithAnyDictionaryAndNoFrequencyList() throws {
        let files = try Self.tinyDictionary()
        let speller = SpellChecker(dictionaries: [files])
        let suggester = Suggester(speller: speller, frequencyListPath: "/nonexistent/frequency.tsv")
        #expect(suggester.suggest("berris").words.first == "berries")
        #expect(suggester.suggest("keyss").words.first == "keys")
        #expect(suggester.suggest("fone").words.first == "phone")
        #expect(suggester.suggest("Unhapy").words.first == "Unhappy")
        #expect(suggester.suggest("paris").words.first == "Paris")
        #expect(!suggester.suggest("rudee").words.contains("rude"))
        #expect(suggester.prepare().wordForms == 10)
    }
}
