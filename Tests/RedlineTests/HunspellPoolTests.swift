import Foundation
import Testing
@testable import RedlineSpelling

/// The pool of Hunspell handles: sets opened ahead on background threads, lent to one thread
/// at a time, and grown only when every set is busy, none is being opened and the limit allows.
@Suite struct HunspellPoolTests {
    static let dictionaries = ["en_US", "en_GB"].map { try! DictionaryLocator.locate($0, dataDirectory: TestSupport.root) }
    static let words = ["colour", "color", "recieve", "theatre", "Kyiv", "organise", "organize", "xqzt", "aluminium"]

    @Test func threadsGetAnswersOfTheirOwnHandlesAndThePoolStaysSmall() async {
        let pool = HunspellPool(dictionaries: Self.dictionaries)
        pool.prepare(sets: 2)
        #expect(pool.setCount == 2)
        // Asking again for as many sets, or fewer, opens none.
        pool.prepare(sets: 2)
        pool.prepare(sets: 1)
        #expect(pool.setCount == 2)
        let serial = Self.words.map { w in pool.withHandles { handles in handles.map { $0.spell(w) } } }
        #expect(serial[0] == [false, true] && serial[1] == [true, false] && serial[7] == [false, false])
        let threads = 6
        let results = await withTaskGroup(of: [[Bool]].self) { group in
            for _ in 0..<threads {
                group.addTask {
                    var answers: [[Bool]] = []
                    for _ in 0..<40 {
                        for w in Self.words { answers.append(pool.withHandles { $0.map { $0.spell(w) } }) }
                    }
                    return answers
                }
            }
            var all: [[[Bool]]] = []
            for await part in group { all.append(part) }
            return all
        }
        #expect(results.count == threads)
        for answers in results {
            #expect(answers.count == 40 * Self.words.count)
            for (i, a) in answers.enumerated() where a != serial[i % Self.words.count] {
                Issue.record("\(Self.words[i % Self.words.count]): \(a) against \(serial[i % Self.words.count])")
                break
            }
        }
        // At most one set per thread that asked at once.
        #expect(pool.setCount <= threads + 1)
    }

    /// With a limit of one set, six threads share it (waiting in turn) and get the answers one
    /// thread gets alone; the pool never opens a second set.
    @Test func aLimitedPoolIsSharedAndNeverGrows() async {
        let pool = HunspellPool(dictionaries: Self.dictionaries)
        pool.prepare(sets: 2, limit: 1)
        #expect(pool.setCount == 1)
        let serial = Self.words.map { w in pool.withHandles { handles in handles.map { $0.spell(w) } } }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<40 {
                        for (i, w) in Self.words.enumerated() where pool.withHandles({ $0.map { $0.spell(w) } }) != serial[i] {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(pool.setCount == 1)
    }

    /// A run's speller opens one set per two worker threads.
    @Test func aRunOpensOneSetPerTwoWorkers() {
        for (threads, sets) in [(1, 1), (2, 1), (3, 2), (4, 2), (8, 4)] {
            let pool = HunspellPool(dictionaries: Self.dictionaries)
            let speller = SpellChecker(dictionaries: Self.dictionaries, handles: pool)
            speller.prepareHandles(threads: threads)
            #expect(pool.setCount == sets, "\(threads) threads")
        }
    }
}
