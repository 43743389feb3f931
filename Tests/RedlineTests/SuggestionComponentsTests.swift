import Foundation
import Testing
@testable import RedlineSpelling

/// The parts of the suggestion engine that reach beyond two edits: the sound-alike key and its
/// index, and the table of irregular forms.
@Suite struct SuggestionComponentsTests {
    static func key(_ word: String) -> String {
        String(decoding: PhoneticKey.key(word.unicodeScalars.map(\.value)), as: UTF8.self)
    }

    @Test func soundAlikeSpellingsShareAKey() {
        #expect(Self.key("physical") == Self.key("fysical"))
        #expect(Self.key("pheasant") == Self.key("fezent"))
        #expect(Self.key("knowledge") == Self.key("nollidge"))
        // Vowels count only at the start; doubled letters once; silent first letters dropped.
        #expect(Self.key("illusion") == Self.key("alusion"))
        #expect(Self.key("accommodate") == Self.key("acomodate"))
        #expect(Self.key("write") == Self.key("rite"))
        #expect(Self.key("night") == "NT")
        #expect(Self.key("photograph") == "FTKRF")
    }

    @Test func differentSoundsGetDifferentKeys() {
        #expect(Self.key("cat") == "KT")
        #expect(Self.key("cat") != Self.key("hat"))
        #expect(Self.key("ceiling") != Self.key("killing"))
        #expect(Self.key("thin") != Self.key("tin"))
    }

    @Test func keysIgnoreAccentsAndNonLetters() {
        #expect(Self.key("café") == Self.key("cafe"))
        #expect(Self.key("don't") == Self.key("dont"))
        #expect(Self.key("") == "")
        #expect(Self.key("123") == "")
    }

    @Test func theIndexFindsWordsBySound() throws {
        var builder = LetterTrieBuilder()
        var alphabet = LetterAlphabet()
        let words = ["restaurant", "restraint", "pheasant", "present", "physical"]
        var keys: [String: Int32] = [:]
        for word in words {
            let (key, _) = builder.insert(word.unicodeScalars.map { alphabet.encode($0.value) })
            keys[word] = key
        }
        let index = PhoneticIndex(trie: builder.build(), alphabet: alphabet)
        let found = index.words(soundingLike: PhoneticKey.key("restrant".unicodeScalars.map(\.value)))
        #expect(Set(found) == [try #require(keys["restaurant"]), try #require(keys["restraint"])])
        #expect(Array(index.words(soundingLike: PhoneticKey.key("fezent".unicodeScalars.map(\.value)))) == [keys["pheasant"]!])
        #expect(index.words(soundingLike: Array("XQXQ".utf8)).isEmpty)
    }

    @Test func regularFormsAreMadeByTheSpellingRules() {
        #expect(IrregularForms.pastTense(of: "teach") == ["teached"])
        #expect(IrregularForms.pastTense(of: "rise") == ["rised"])
        #expect(Set(IrregularForms.pastTense(of: "quit")) == ["quited", "quitted"])
        #expect(Set(IrregularForms.pastTense(of: "fly")) == ["flyed", "flied"])
        #expect(IrregularForms.pastTense(of: "seek") == ["seeked"])
        #expect(IrregularForms.plural(of: "child") == ["childs"])
        #expect(IrregularForms.plural(of: "fungus") == ["funguses"])
        #expect(Set(IrregularForms.suffixed("bad", "er")) == ["bader", "badder"])
    }

    @Test func theTableMapsOverRegularisedFormsToTheIrregularOnes() {
        let table = """
            # comment
            verb\tshrink\tshrank\tshrunk
            verb\tget\tgot\tgot/gotten
            noun\tmouse\tmice
            noun\tsheep\tsheep
            adjective\tgood\tbetter\tbest
            adjective\tfar\tfarther/further\tfarthest/furthest
            bogus line
            """
        let forms = IrregularForms(table: table)
        #expect(forms.meant(by: "shrinked") == ["shrank", "shrunk"])
        #expect(forms.meant(by: "getted") == ["got", "gotten"])
        #expect(forms.meant(by: "mouses") == ["mice"])
        #expect(forms.meant(by: "sheeps") == ["sheep"])
        #expect(forms.meant(by: "gooder") == ["better"])
        #expect(forms.meant(by: "goodest") == ["best"])
        #expect(forms.meant(by: "farest") == ["farthest", "furthest"])
        #expect(forms.meant(by: "shrink").isEmpty)
        #expect(forms.meant(by: "bogus").isEmpty)
    }

    @Test func theBundledTableIsFoundBesideTheDictionary() throws {
        let files = try DictionaryLocator.locate("en_US", dataDirectory: TestSupport.root)
        let path = try #require(IrregularForms.locate(besides: files))
        let forms = try #require(IrregularForms.load(path: path))
        #expect(forms.meant(by: "catched") == ["caught"])
        #expect(forms.meant(by: "childs") == ["children"])
    }
}
