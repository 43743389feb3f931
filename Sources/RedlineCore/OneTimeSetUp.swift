import Foundation

/// A value built once, on first use, by whichever thread asks first (an index, a table).
///
/// Building it, and waiting for another thread that is building it, is one-time set-up: both
/// run off the clock of the per-file time limit (`WorkClock`), so the files that happen to be
/// checked first are not charged with it. The value is read under a lock of its own, never held
/// while building, so a thread that asks during a build waits only off the clock.
public final class OneTimeSetUp<Value>: @unchecked Sendable {
    private let valueLock = NSLock()
    private let buildLock = NSLock()
    private var stored: Value?

    /// - Parameter value: the value when it is already at hand (read from a cache), else nil.
    public init(_ value: Value? = nil) { stored = value }

    /// The value once built, else nil (does not wait for a build under way).
    public var ifBuilt: Value? {
        valueLock.lock()
        defer { valueLock.unlock() }
        return stored
    }

    /// The value, built now by `build` when no thread has built it yet.
    public func value(_ build: () -> Value) -> Value {
        if let built = ifBuilt { return built }
        return WorkClock.offTheClock {
            buildLock.lock()
            defer { buildLock.unlock() }
            if let built = ifBuilt { return built }
            let made = build()
            valueLock.lock()
            stored = made
            valueLock.unlock()
            return made
        }
    }
}
