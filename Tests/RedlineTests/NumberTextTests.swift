import Foundation
import RedlineCore
import RedlineKit
import Testing
@testable import RedlineText

/// `NumberText`, the tokens as the number rules read them, and the packed word table it looks
/// words up in: a listed word's text comes from the table and any other is built, and both
/// must read the same. Every text here is written for these tests.
@Suite struct NumberTextTests {
    private static let vocabulary: NumberVocabulary = {
        do { return try NumberVocabulary.load(dataDirectory: TestSupport.root) } catch { fatalError("\(error)") }
    }()

    private static let sample = """
        The THIRD of 23 people in Kyiv’s centre were KILLED, and twenty-five supercalifragilisticexpialidocious \
        Zürich residents drove at 30 km/h. A quarter fled on Monday; about 1,500 more stayed.\n
        """

    private func document(_ text: String) -> Document {
        DocumentBuilder.build(SourceFile(path: "t.txt", text: text), format: .plainText)
    }

    @Test func lowerCaseTextAndClassesAreTheSameFromTheTableOrBuilt() {
        let document = document(Self.sample)
        for text in [NumberText(document), NumberText(document, vocabulary: Self.vocabulary)] {
            #expect(text.count == document.tokens.count)
            for (i, token) in document.tokens.enumerated() {
                let expected = document.text(token).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                #expect(text.lower[i] == expected, "token \(i): \(document.text(token))")
                let classes = token.kind == .word ? WordClass.of(expected) : []
                #expect(text.classes[i] == classes, "classes of \(expected)")
            }
        }
        let text = NumberText(document, vocabulary: Self.vocabulary)
        func index(_ word: String) -> Int { text.lower.firstIndex(of: word)! }
        #expect(text.has(index("third"), .denominator))
        #expect(text.has(index("quarter"), .denominator))
        #expect(text.has(index("twenty-five"), .numberWord))
        #expect(text.has(index("monday"), .weekday))
        #expect(text.lower.contains("kyiv's"))
        #expect(text.lower.contains("zürich"))
        #expect(text.lower.contains("supercalifragilisticexpialidocious"))
    }

    @Test func phraseBitsNeverHideAMatch() {
        let v = Self.vocabulary
        let text = NumberText(document(Self.sample), vocabulary: v)
        #expect(!text.phraseBits.isEmpty)
        #expect(NumberText(document(Self.sample)).phraseBits.isEmpty)
        var matched = 0
        for i in 0..<text.count {
            // With the bits, and with the first word given (which looks the table up always).
            let pairs: [(Bool, Bool)] = [
                (v.events.match(text, at: i) != nil, v.events.match(text, at: i, firstWord: text.lower[i]) != nil),
                (v.things.match(text, at: i) != nil, v.things.match(text, at: i, firstWord: text.lower[i]) != nil),
                (v.qualifiers.match(text, at: i) != nil, v.qualifiers.match(text, at: i, firstWord: text.lower[i]) != nil),
                (v.units.match(text, at: i) != nil, v.units.match(text, at: i, firstWord: text.lower[i]) != nil),
            ]
            for (withBits, always) in pairs {
                #expect(withBits == always, "token \(i): \(text.lower[i])")
                if always { matched += 1 }
            }
        }
        #expect(matched >= 4) // killed, people, about, km/h at least
    }

    @Test func packedTableFindsEveryListedWordAndNoOther() throws {
        var words: [String: Int] = ["a": -1, "sixteen-letters!": -2]
        for i in 0..<300 { words["w\(i)x"] = i }
        let table = PackedWordTable(words)
        for (word, value) in words {
            let key = try #require(PackedWordTable<Int>.key(word))
            let entry = try #require(table.entry(key))
            #expect(entry.word == word && entry.value == value)
        }
        for i in 300..<2000 { #expect(table[PackedWordTable<Int>.key("w\(i)x")!] == nil) }
        #expect(table[(0, 0)] == nil)
        #expect(PackedWordTable<Int>.key("seventeen-letters") == nil)
    }
}
