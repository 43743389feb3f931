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
