import Foundation

/// Runs work over a list on several threads and returns the results in input order, so the
/// output of a run is the same whatever the number of threads.
public enum ParallelWork {
    /// `transform` applied to each item, `jobs` threads at a time (nil: one per core).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int?,
                                                    _ transform: @Sendable @escaping (T) -> R) -> [R] {
        let count = items.count
        guard count > 0 else { return [] }
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
        let slots = Slots<R>(count: count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let i = next.increment()
                if i >= count { break }
                slots.set(i, transform(items[i]))
            }
        }
        return slots.values()
    }

    /// Results written by worker threads, each index once.
    private final class Slots<R>: @unchecked Sendable {
        private var items: [R?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: R) { lock.lock(); items[i] = value; lock.unlock() }
        func values() -> [R] { lock.lock(); defer { lock.unlock() }; return items.map { $0! } }
    }

    /// A shared index handed out to workers one at a time.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
        var current: Int { lock.lock(); defer { lock.unlock() }; return value }
    }
}

/// Reads an input's bytes (a file, or standard input already read), or says why it is not checked.
public enum InputReader {
    public static func read(_ input: InputFile, stdinBytes: [UInt8]) -> Result<[UInt8], FileOutcomeError> {
        let bytes: [UInt8]
        if let path = input.fileSystemPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(.init(.failed(InputError(path: input.displayPath, message: "cannot read file"))))
            }
            bytes = [UInt8](data)
        } else {
            bytes = stdinBytes
        }
        if BinaryDetector.looksBinary(bytes) {
            return .failure(.init(.skipped(InputError(path: input.displayPath, message: "binary file (NUL bytes); skipped"))))
        }
        return .success(bytes)
    }
}

/// A failed read, carrying the outcome to report.
public struct FileOutcomeError: Error, Sendable {
    public let outcome: FileOutcome
    init(_ outcome: FileOutcome) { self.outcome = outcome }
}
