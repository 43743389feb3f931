import Foundation
import RedlineCore

/// A list cut into consecutive slices that are worked on side by side (one per thread at a
/// time), with the results in slice order; one slice when there is one thread or little to do.
struct ParallelSlices {
    let ranges: [Range<Int>]

    init(count: Int, threads: Int, minimumPerSlice: Int) {
        let slices = threads <= 1 ? 1 : max(1, min(threads * 4, count / max(1, minimumPerSlice)))
        ranges = (0..<slices).map { k in (count * k / slices)..<(count * (k + 1) / slices) }
    }

    /// `body` of each slice, in slice order.
    func map<T>(_ body: (Range<Int>) -> T) -> [T] {
        ConcurrentMap.map(count: ranges.count, concurrently: true) { body(ranges[$0]) }
    }
}
