import Foundation

/// A list cut into consecutive slices that are worked on side by side (one per thread at a
/// time), with the results in slice order; one slice when there is one thread or little to do.
struct ParallelSlices {
    let ranges: [Range<Int>]
    private let threads: Int

    init(count: Int, threads: Int, minimumPerSlice: Int) {
        self.threads = max(1, threads)
        let slices = self.threads == 1 ? 1 : max(1, min(self.threads * 4, count / max(1, minimumPerSlice)))
        ranges = (0..<slices).map { k in (count * k / slices)..<(count * (k + 1) / slices) }
    }

    /// `body` of each slice, in slice order.
    func map<T>(_ body: (Range<Int>) -> T) -> [T] {
        guard ranges.count > 1 else { return ranges.map(body) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: ranges.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedShared(body: body, results: results, ranges: ranges)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                shared.results[k] = shared.body(shared.ranges[k])
            }
        }
        return results.map { $0! }
    }

    /// What the slices' threads share: each writes only its own result.
    private struct UncheckedShared<T>: @unchecked Sendable {
        let body: (Range<Int>) -> T
        let results: UnsafeMutableBufferPointer<T?>
        let ranges: [Range<Int>]
    }
}
