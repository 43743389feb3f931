import Foundation
import Testing
@testable import RedlineSpelling

/// The spell checker answers a word with an initial capital or in capitals from the memoised
/// answer for its lowercase form. That holds only if Hunspell accepts such a word whenever it
/// accepts the lowercase form: checked here on the bundled dictionaries, word by word.
@Suite struct SpellCheckerCaseTests {
    static let dictionaries = ["en_US", "en_GB"].map { try! DictionaryLocator.locate($0, dataDirectory: TestSupport.root) }

    @Test func hunspellAcceptsTheCapitalisedFormsOfEveryAcceptedLowercaseWord() throws {
        #expect(SpellChecker.capitalsFollowLowercase(affixPaths: Self.dictionaries.map(\.affixPath)))
        for files in Self.dictionaries {
            let handle = HunspellHandle(affixPath: files.affixPath, dictionaryPath: files.dictionaryPath)
            let dic = try String(contentsOfFile: files.dictionaryPath, encoding: .utf8)
            // Every 7th lowercase ASCII stem, with the endings the affix rules add most.
            let stems = dic.split(separator: "\n").dropFirst().enumerated().compactMap { i, line -> String? in
                guard i % 7 == 0 else { return nil }
                let stem = String(line.prefix { $0 != "/" })
                let letters = stem.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 == 0x27 || $0 == 0x2D }
                return letters && stem.utf8.first.map({ $0 >= 0x61 && $0 <= 0x7A }) == true ? stem : nil
            }
            #expect(stems.count > 5000)
            var checked = 0
            for stem in stems {
                for form in [stem, stem + "s", stem + "ed", stem + "ing", stem + "'s", "un" + stem, stem + "-based"]
                where handle.spell(form) {
                    checked += 1
                    let lowered = try #require(SpellChecker.lowercasedIfCapitalised(form.prefix(1).uppercased() + form.dropFirst()))
                    #expect(lowered == form)
                    #expect(handle.spell(form.prefix(1).uppercased() + form.dropFirst()), "\(files.name): \(form)")
                    #expect(handle.spell(form.uppercased()), "\(files.name): \(form)")
                }
            }
            #expect(checked > 5000)
        }
    }

    @Test func onlyASCIIWordsInitialCapitalOrCapitalsAreLowered() {
        #expect(SpellChecker.lowercasedIfCapitalised("However") == "however")
        #expect(SpellChecker.lowercasedIfCapitalised("NATO") == "nato")
        #expect(SpellChecker.lowercasedIfCapitalised("Well-Known") == nil)
        #expect(SpellChecker.lowercasedIfCapitalised("Well-known") == "well-known")
        #expect(SpellChecker.lowercasedIfCapitalised("McDonald") == nil)
        #expect(SpellChecker.lowercasedIfCapitalised("however") == nil)
        #expect(SpellChecker.lowercasedIfCapitalised("Éclair") == nil)
        #expect(SpellChecker.lowercasedIfCapitalised("Don’t") == nil)
        #expect(SpellChecker.lowercasedIfCapitalised("") == nil)
    }

    @Test func affixFilesWithCaseFlagsLeaveEveryWordToHunspell() throws {
        let keep = try TestSupport.writeDictionary(name: "keep", aff: "SET UTF-8\nKEEPCASE k\n", dic: "1\nfoo/k\n")
        #expect(!SpellChecker.capitalsFollowLowercase(affixPaths: [keep.files.affixPath]))
        let long = try TestSupport.writeDictionary(name: "long", aff: "SET UTF-8\nFLAG long\n", dic: "1\nfoo\n")
        #expect(!SpellChecker.capitalsFollowLowercase(affixPaths: [Self.dictionaries[0].affixPath, long.files.affixPath]))
        // With KEEPCASE, Hunspell refuses "Foo" though it accepts "foo", and so does the checker.
        let checker = SpellChecker(dictionaries: [keep.files])
        #expect(checker.isCorrect("foo"))
        #expect(!checker.isCorrect("Foo"))
    }
}
