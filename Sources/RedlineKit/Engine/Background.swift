import Foundation

/// Values computed once per key, from any thread (a second caller waits for the first).
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[key] { return known }
        let made = make()
        values[key] = made
        return made
    }
}

/// Work started on another thread now, whose result (or error) is waited for later.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Set by the waiting thread only.
    private var waited = false

    /// Waits for the work to end; its result, or its error thrown. Call from one thread.
    public func value() throws -> Value {
        if !waited {
            // The semaphore orders the worker's write of `result` before this read.
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}

/// Memory freed on another thread.
enum BackgroundRelease {
    /// Frees `value` on another thread: the caller gives up its reference (`consume`), so the
    /// memory is released there, not on the caller's thread.
    static func of<T>(_ value: consuming T) {
        let box = UncheckedBox(value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
    }
}

/// A value carried to another thread that will only release it.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: consuming T) { self.value = value }
}
