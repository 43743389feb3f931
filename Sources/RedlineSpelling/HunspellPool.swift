import Foundation
import RedlineCore

/// Sets of Hunspell handles (one handle per dictionary) lent to one thread at a time.
///
/// Opening a set reads and hashes every dictionary (tens of milliseconds each, and Hunspell 1.7
/// opens one handle at a time, see `HunspellHandle`), so sets are opened on background threads
/// while the rest of start-up goes on. A thread that finds no idle set waits while a set is
/// being opened (for it, or for a busy set to come back: each loan is one look-up, a few
/// microseconds); only when none is being opened, and the pool has fewer sets than its limit,
/// does it open one itself.
///
/// A run limits the pool to one set per two worker threads (`prepare(sets:limit:)`): with the
/// memo, the extra words and the verified suggestion index answering first, a worker spends
/// only a small part of its time in Hunspell, and waiting briefly for the other worker's set
/// costs less than opening a second one (about 90 ms of CPU). A thread that finds the sets busy
/// yields its core a few times before it sleeps: a loan lasts microseconds, and waking a
/// sleeping thread takes longer than that.
///
/// `Linter` makes the pool first thing, before it reads the rules: a set takes some 90 ms of CPU
/// to open (en_US and en_GB), the longest step of start-up.
public final class HunspellPool: @unchecked Sendable {
    private let dictionaries: [DictionaryFiles]
    private let condition = NSCondition()
    private var idle: [[HunspellHandle]] = []
    /// Sets now being opened (by a background thread or by a thread that found none idle).
    private var opening = 0
    /// Sets opened so far, and being opened.
    private var total = 0
    /// At most this many sets are opened.
    private var limit = Int.max
    /// How many times a thread yields its core, waiting for a busy set, before it sleeps.
    static let yieldsBeforeSleeping = 2_000

    /// Starts opening the first set on a background thread.
    public init(dictionaries: [DictionaryFiles]) {
        self.dictionaries = dictionaries
        prepare(sets: 1)
    }

    /// How many sets are open or being opened.
    var setCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return total
    }

    /// Starts opening sets on background threads until `sets` exist or are being opened; with
    /// `limit`, no more than that many are ever opened (threads then share them).
    func prepare(sets: Int, limit: Int? = nil) {
        condition.lock()
        if let limit { self.limit = max(1, limit) }
        let missing = max(0, min(sets, self.limit) - total)
        total += missing
        opening += missing
        condition.unlock()
        for _ in 0..<missing {
            Thread.detachNewThread { [self] in
                let set = Self.open(dictionaries)
                PhaseTrace.mark("hunspell: a set of handles opened")
                condition.lock()
                idle.append(set)
                opening -= 1
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// A set of handles, one per dictionary (opened one at a time, see `HunspellHandle`).
    static func open(_ dictionaries: [DictionaryFiles]) -> [HunspellHandle] {
        dictionaries.map { HunspellHandle(affixPath: $0.affixPath, dictionaryPath: $0.dictionaryPath) }
    }

    /// Runs `body` with a set of handles no other thread uses meanwhile.
    func withHandles<T>(_ body: ([HunspellHandle]) -> T) -> T {
        condition.lock()
        var set = idle.popLast()
        if set == nil && opening == 0 && total >= limit {
            var yields = 0
            while idle.isEmpty && yields < Self.yieldsBeforeSleeping {
                condition.unlock()
                sched_yield()
                condition.lock()
                yields += 1
            }
            set = idle.popLast()
        }
        if set == nil && (opening > 0 || total >= limit) {
            // Waiting for a set is set-up, not the current file's time.
            WorkClock.offTheClock {
                while idle.isEmpty && (opening > 0 || total >= limit) { condition.wait() }
            }
            set = idle.popLast()
        }
        if set == nil {
            opening += 1
            total += 1
            condition.unlock()
            let made = WorkClock.offTheClock { Self.open(dictionaries) }
            condition.lock()
            opening -= 1
            condition.broadcast()
            set = made
        }
        condition.unlock()
        let result = body(set!)
        condition.lock()
        idle.append(set!)
        condition.signal()
        condition.unlock()
        return result
    }
}
