import Foundation
import Testing
@testable import RedlineSpelling

/// Each thread keeps the spell checker's answers it was given; two checkers used on one thread
/// must never see each other's, and threads must not share a table.
@Suite struct ThreadLocalAnswersTests {
    static let dictionaries = [try! DictionaryLocator.locate("en_US", dataDirectory: TestSupport.root)]

    @Test func checkersUsedInTurnOnOneThreadKeepTheirOwnAnswers() {
        let withWord = SpellChecker(dictionaries: Self.dictionaries, extraWords: ["Zorblatt"])
        let without = SpellChecker(dictionaries: Self.dictionaries)
        for _ in 0..<3 {
            #expect(withWord.isCorrect("Zorblatt"))
            #expect(!without.isCorrect("Zorblatt"))
            #expect(withWord.isCorrect("house") && without.isCorrect("house"))
        }
    }

    @Test func aThreadsTableIsItsOwnAndEmptiedForAnotherOwner() async {
        let owner = ThreadLocalAnswers.newOwner(), other = ThreadLocalAnswers.newOwner()
        #expect(owner != other)
        let key = ThreadLocalAnswers.key
        let here = ThreadLocalAnswers.forCurrentThread(owner: owner, key: key)
        here.answers.pointee.record("word", true)
        #expect(ThreadLocalAnswers.forCurrentThread(owner: owner, key: key) === here)
        let elsewhere = await Task.detached {
            let table = ThreadLocalAnswers.forCurrentThread(owner: owner, key: key)
            return (table.answers.pointee.answer("word"), ObjectIdentifier(table))
        }.value
        // Another thread (a detached task may run on this one: then it is the same table).
        if elsewhere.1 != ObjectIdentifier(here) { #expect(elsewhere.0 == nil) }
        let replaced = ThreadLocalAnswers.forCurrentThread(owner: other, key: key)
        #expect(replaced.owner == other && replaced.answers.pointee.isEmpty)
    }

    /// The table behind a thread's answers keeps every word's answer through growth, tells
    /// words with equal bytes from others, and replaces an answer given again.
    @Test func wordAnswersKeepEveryWordThroughGrowth() {
        var table = WordAnswers(capacity: 4)
        let words = (0..<5000).map { "w\($0)" } + ["", "café", "cafe\u{301}", "Straße", "a very long word indeed, past the small-string limit"]
        for (i, word) in words.enumerated() { table.record(word, i % 3 == 0) }
        #expect(table.count == words.count)
        for (i, word) in words.enumerated() { #expect(table.answer(word) == (i % 3 == 0), "\(word)") }
        #expect(table.answer("w5000") == nil && table.answer("cafe") == nil && table.answer("w") == nil)
        table.record("w7", true)
        table.record("w7", false)
        #expect(table.answer("w7") == false && table.count == words.count)
    }

    /// The set behind the extra words holds every word once through growth, and nothing else
    /// (words that differ only in normalisation, case or length are different words).
    @Test func wordSetHoldsEveryWordThroughGrowth() {
        let words = (0..<5000).map { "w\($0)" } + ["café", "Straße", "a very long word indeed, past the small-string limit"]
        let set = WordSet(words + words.prefix(100), expectedCount: 3)
        #expect(set.count == words.count)
        for word in words { #expect(set.contains(word), "\(word)") }
        for other in ["w5000", "w", "", "cafe\u{301}", "cafe", "straße", "W1"] { #expect(!set.contains(other), "\(other)") }
        #expect(WordSet([String]()).isEmpty && !WordSet([String]()).contains(""))
        // Filled in the order of the slots: the same set.
        let filled = WordSet(filling: words + words.prefix(100))
        #expect(filled.count == words.count)
        for word in words { #expect(filled.contains(word), "\(word)") }
        for other in ["w5000", "w", "", "cafe\u{301}", "cafe", "straße", "W1"] { #expect(!filled.contains(other), "\(other)") }
        #expect(WordSet(filling: []).isEmpty && !WordSet(filling: []).contains(""))
        #expect(WordSet(filling: ["one"]).contains("one") && WordSet(filling: ["one"]).count == 1)
    }
}
