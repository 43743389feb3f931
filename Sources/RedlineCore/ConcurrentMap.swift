import Foundation

/// Work on the indices `0..<count` side by side (`DispatchQueue.concurrentPerform`, as many
/// threads as cores) or in turn, with the results in index order. For short bursts of
/// independent work at the end of a run (cross-file verdicts, slices of a report).
public enum ConcurrentMap {
    public static func map<T>(count: Int, concurrently: Bool, _ body: (Int) -> T) -> [T] {
        guard concurrently && count > 1 else { return (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let shared = Shared(body: body, results: results)
            DispatchQueue.concurrentPerform(iterations: count) { k in shared.results[k] = shared.body(k) }
        }
        return results.map { $0! }
    }

    /// What the threads share: each writes only its own index.
    private struct Shared<T>: @unchecked Sendable {
        let body: (Int) -> T
        let results: UnsafeMutableBufferPointer<T?>
    }
}
