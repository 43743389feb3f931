import Foundation
import Testing
@testable import RedlineSpelling

/// Extra words (house lists, `--words`) are a set beside Hunspell instead of words added to
/// every Hunspell handle. They must answer as Hunspell answered with the words added, case by
/// case and in hyphenated compounds, apart from the one documented addition (acronyms of four
/// letters or more also capitalised: UNICEF, Unicef).
@Suite struct ExtraWordsTests {
    /// Made-up words, so that no dictionary knows them: every case type, an apostrophe, a hyphen.
    static let words = ["Brzhenskyi", "zhovtneve", "McGrivna", "eDrava", "UKRZAL", "KTV", "O'Drava", "zhyto-byt"]

    static let dictionaries = ["en_US", "en_GB"].map { try! DictionaryLocator.locate($0, dataDirectory: TestSupport.root) }

    /// Every spelling worth asking about: each word in each case, with a curly apostrophe,
    /// with full stops, inside and at the ends of compounds with dictionary words and each other.
    static var probes: [String] {
        var forms: [String] = []
        for w in words {
            let lower = w.lowercased(), upper = w.uppercased()
            let initial = lower.prefix(1).uppercased() + lower.dropFirst()
            forms += [w, lower, upper, initial, String(w.prefix(1)) + w.dropFirst().uppercased()]
        }
        var probes = forms
        for f in forms {
            probes += [f + ".", f + "..", f.replacingOccurrences(of: "'", with: "\u{2019}"), " " + f]
            probes += [f + "-led", "pro-" + f, f + "-" + f, "anti-" + f + "-style", f + "-", "-" + f,
                       (f + "-led").uppercased(), "Pro-" + f, f + "-zhovtneve", "a-b-c-d-e-f-g-h-i-j-" + f]
        }
        return probes + ["well-known", "Well-Known", "colour-center", "centre-color", "foo-bar", "x-ray", "co-op"]
    }

    @Test func answersAsHunspellDidWithTheWordsAdded() {
        let checker = SpellChecker(dictionaries: Self.dictionaries, extraWords: Self.words)
        let reference = Self.dictionaries.map { files -> HunspellHandle in
            let h = HunspellHandle(affixPath: files.affixPath, dictionaryPath: files.dictionaryPath)
            for w in Self.words { h.add(w) }
            return h
        }
        var differences: [String] = []
        for probe in Self.probes {
            let expected = reference.contains { $0.spell(probe) }
            if checker.isCorrect(probe) != expected { differences.append("\(probe): \(!expected)") }
        }
        // The addition: an entry in capitals of four letters or more accepts the capitalised form
        // (alone and in compounds, which Hunspell breaks after capitalising: UKRZAL-LED is
        // checked as Ukrzal + led); nothing else differs.
        #expect(differences.contains("Ukrzal: true") && differences.contains("Ukrzal-led: true"))
        let addition = { (d: String) in
            d.hasSuffix(": true") && (d.contains("Ukrzal") || (d.contains("UKRZAL-") && !d.contains("UKRZAL:")))
        }
        #expect(differences.filter { !addition($0) } == [])
    }

    @Test func caseRules() {
        let set = ExtraWords(Self.words, conversions: [("\u{2019}", "'")])
        for (word, accepted) in [("Brzhenskyi", true), ("BRZHENSKYI", true), ("brzhenskyi", false),
                                 ("zhovtneve", true), ("Zhovtneve", true), ("ZHOVTNEVE", true), ("zhovtnevE", false),
                                 ("McGrivna", true), ("MCGRIVNA", true), ("Mcgrivna", false), ("mcgrivna", false),
                                 ("UKRZAL", true), ("Ukrzal", true), ("ukrzal", false), ("KTV", true), ("Ktv", false),
                                 ("O\u{2019}Drava", true), ("O'DRAVA", true), ("Brzhenskyi.", true)] {
            #expect(set.accepts(word) == accepted, "\(word)")
        }
    }

    @Test func wordListsParseAsBefore() {
        let text = "# comment\n  Kyiv \r\nOdesa\r\n\n\t# indented comment\nKharkiv\t\n\u{00A0}Lviv\u{00A0}\nDnipro\u{2028}Poltava\n"
        #expect(WordList.parse(text) == WordList.parseSlowly(text))
        #expect(WordList.parse(text) == ["Kyiv", "Odesa", "Kharkiv", "Lviv", "Dnipro", "Poltava"])
        let plain = "Kyiv\n  Odesa  \n#x\nLviv"
        #expect(WordList.parse(plain) == WordList.parseSlowly(plain))
    }
}
