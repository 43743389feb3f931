import Foundation

/// The clock of the per-file time limit, as one worker thread sees it.
///
/// The engine gives each worker thread a clock; work that is not the file's own fault — one-time
/// set-up such as building the suggestion index, which the first file with a misspelling
/// triggers — runs inside `offTheClock`, and the time it takes is not counted against the file.
/// Outside a worker (tests, tools), `offTheClock` just runs its body.
public final class WorkClock: @unchecked Sendable {
    private let lock = NSLock()
    private var pausedSince: UInt64?
    private var depth = 0
    private var credit: UInt64 = 0
    private static let key = "redline.work-clock"

    public init() {}

    /// Runs `body` without counting its time against the current file.
    public static func offTheClock<T>(_ body: () throws -> T) rethrows -> T {
        guard let clock = Thread.current.threadDictionary[key] as? WorkClock else { return try body() }
        clock.pause()
        defer { clock.resume() }
        return try body()
    }

    /// Makes this clock the current thread's (called once by each worker thread).
    public func install() { Thread.current.threadDictionary[Self.key] = self }

    /// Whether the clock is stopped now, and the nanoseconds it has been stopped in all.
    public func reading() -> (paused: Bool, credit: UInt64) {
        lock.lock(); defer { lock.unlock() }
        return (depth > 0, credit)
    }

    private func pause() {
        lock.lock(); defer { lock.unlock() }
        if depth == 0 { pausedSince = DispatchTime.now().uptimeNanoseconds }
        depth += 1
    }

    private func resume() {
        lock.lock(); defer { lock.unlock() }
        depth -= 1
        if depth == 0, let since = pausedSince {
            credit += DispatchTime.now().uptimeNanoseconds - since
            pausedSince = nil
        }
    }
}
