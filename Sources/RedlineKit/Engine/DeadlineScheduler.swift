import Foundation
import RedlineCore

/// Runs `count` work items on `jobs` threads, each item with a time limit.
///
/// Swift cannot stop a thread, so a worker whose item runs past its deadline is abandoned: the
/// item gets `onTimeout`'s result at once, a replacement worker carries on with the rest, and
/// whatever the abandoned worker produces later is thrown away (it ends when its item does, or
/// with the process). The worker threads get a large stack, so deeply nested input cannot
/// overflow it. The hot path costs a lock and a clock read per item; the coordinating thread
/// sleeps until the nearest deadline rather than waking for every item done.
enum DeadlineScheduler {
    /// Stack size of the worker threads (deeply nested Markdown recurses in places).
    static let stackSize = 64 << 20

    /// The items' results in order; `timeout` nil or 0 means no limit.
    static func run<Output>(count: Int, jobs: Int, timeout: Double?, work: @escaping @Sendable (Int) -> Output,
                            onTimeout: (Int) -> Output) -> [Output?] {
        let state = State<Output>(count: count)
        guard count > 0 else { return [] }
        let limit = timeout.flatMap { $0 > 0 ? UInt64(min($0, 1e9) * 1e9) : nil } ?? UInt64(Int64.max)
        state.lock.lock()
        defer { state.lock.unlock() }
        for _ in 0..<jobs { state.spawnWorker(limit: limit, work: work) }
        while state.done < count {
            let now = DispatchTime.now().uptimeNanoseconds
            for (worker, item) in state.active where state.isLate(item, now: now) {
                state.active[worker] = nil
                state.abandoned.insert(worker)
                state.results[item.index] = onTimeout(item.index)
                state.done += 1
                state.spawnWorker(limit: limit, work: work)
            }
            guard state.done < count else { break }
            // Workers wake this thread only when the last item is done: it wakes itself for the
            // nearest deadline, and no later than one time limit from now (so an item started
            // meanwhile, whose deadline is at least that far off, is never overlooked).
            let nearest = state.active.values.map { state.effectiveDeadline($0) }.min() ?? .max
            let wait = min(Double(nearest > now ? nearest - now : 0) / 1e9, Double(limit) / 1e9, 1) + 0.005
            _ = state.condition.wait(until: Date(timeIntervalSinceNow: wait))
        }
        return state.results
    }

    /// Shared between the coordinating thread and the workers; guarded by `lock`.
    private final class State<Output>: @unchecked Sendable {
        let condition = NSCondition()
        var lock: NSCondition { condition }
        var results: [Output?]
        var next = 0
        var done = 0
        var nextWorker = 0
        var active: [Int: Item] = [:]
        var abandoned = Set<Int>()
        let count: Int

        /// The item a worker is on, its deadline, and the worker's clock (time off it is added).
        struct Item {
            var index: Int
            var deadline: UInt64
            var clock: WorkClock
        }

        func effectiveDeadline(_ item: Item) -> UInt64 {
            let reading = item.clock.reading()
            if reading.paused { return .max }
            return item.deadline > UInt64.max - reading.credit ? .max : item.deadline + reading.credit
        }

        func isLate(_ item: Item, now: UInt64) -> Bool { effectiveDeadline(item) <= now }

        init(count: Int) {
            self.count = count
            results = Array(repeating: nil, count: count)
        }

        /// Starts a worker thread; call with the lock held.
        func spawnWorker(limit: UInt64, work: @escaping @Sendable (Int) -> Output) {
            guard next < count else { return }
            let id = nextWorker
            nextWorker += 1
            let thread = Thread { [self] in self.workerLoop(id, limit: limit, work: work) }
            thread.stackSize = DeadlineScheduler.stackSize
            thread.start()
        }

        private func workerLoop(_ id: Int, limit: UInt64, work: (Int) -> Output) {
            let clock = WorkClock()
            clock.install()
            while true {
                lock.lock()
                guard !abandoned.contains(id), next < count else { lock.unlock(); return }
                let i = next
                next += 1
                // Time off the clock counts from here: the credit so far is added to the deadline.
                let now = DispatchTime.now().uptimeNanoseconds, start = limit > UInt64.max - now ? UInt64.max : now + limit
                let credit = clock.reading().credit
                active[id] = Item(index: i, deadline: start >= UInt64.max - credit ? start : start &- credit, clock: clock)
                lock.unlock()
                let value = work(i)
                lock.lock()
                if abandoned.contains(id) { lock.unlock(); return }
                active[id] = nil
                results[i] = value
                done += 1
                if done == count { condition.broadcast() }
                lock.unlock()
            }
        }
    }
}
