import Foundation

/// Runs `count` work items on `jobs` threads, each item with a time limit.
///
/// Swift cannot stop a thread, so a worker whose item runs past its deadline is abandoned: the
/// item gets `onTimeout`'s result at once, a replacement worker carries on with the rest, and
/// whatever the abandoned worker produces later is thrown away (it ends when its item does, or
/// with the process). The worker threads get a large stack, so deeply nested input cannot
/// overflow it. The hot path costs a lock and a clock read per item.
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
            for (worker, item) in state.active where item.deadline <= now {
                state.active[worker] = nil
                state.abandoned.insert(worker)
                state.results[item.index] = onTimeout(item.index)
                state.done += 1
                state.spawnWorker(limit: limit, work: work)
            }
            guard state.done < count else { break }
            let nearest = state.active.values.map(\.deadline).min() ?? .max
            let wait = min(Double(nearest > now ? nearest - now : 0) / 1e9, 1) + 0.005
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
        var active: [Int: (index: Int, deadline: UInt64)] = [:]
        var abandoned = Set<Int>()
        let count: Int

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
            while true {
                lock.lock()
                guard !abandoned.contains(id), next < count else { lock.unlock(); return }
                let i = next
                next += 1
                let now = DispatchTime.now().uptimeNanoseconds
                active[id] = (i, limit > UInt64.max - now ? .max : now + limit)
                lock.unlock()
                let value = work(i)
                lock.lock()
                if abandoned.contains(id) { lock.unlock(); return }
                active[id] = nil
                results[i] = value
                done += 1
                condition.broadcast()
                lock.unlock()
            }
        }
    }
}
