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
        here.answers.pointee["word"] = true
        #expect(ThreadLocalAnswers.forCurrentThread(owner: owner, key: key) === here)
        let elsewhere = await Task.detached {
            let table = ThreadLocalAnswers.forCurrentThread(owner: owner, key: key)
            return (table.answers.pointee["word"], ObjectIdentifier(table))
        }.value
        // Another thread (a detached task may run on this one: then it is the same table).
        if elsewhere.1 != ObjectIdentifier(here) { #expect(elsewhere.0 == nil) }
        let replaced = ThreadLocalAnswers.forCurrentThread(owner: other, key: key)
        #expect(replaced.owner == other && replaced.answers.pointee.isEmpty)
    }
}
