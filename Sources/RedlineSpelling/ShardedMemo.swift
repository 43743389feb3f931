import Foundation
import RedlineCore

/// Answers remembered for a whole run and shared by its worker threads, in shards that each
/// have a lock of their own: the spell checker asks for nearly every word of every document,
/// and one lock for all made the workers queue for each other (futex waits on two cores).
final class ShardedMemo<Value>: @unchecked Sendable {
    private static var shardCount: Int { 64 }
    private let locks: [NSLock]
    /// One dictionary per shard, behind a pointer: a stored property of a class is checked for
    /// exclusive access at run time on every use, which cost more than the look-up itself.
    private let tables: UnsafeMutablePointer<[String: Value]>

    init() {
        locks = (0..<Self.shardCount).map { _ in NSLock() }
        tables = .allocate(capacity: Self.shardCount)
        tables.initialize(repeating: [:], count: Self.shardCount)
    }

    deinit {
        tables.deinitialize(count: Self.shardCount)
        tables.deallocate()
    }

    /// The shard of a word: a hash of its length and first and last bytes (cheap, and words
    /// spread well enough over 64 shards; the dictionary hashes the whole word itself).
    private func shard(_ key: String) -> Int {
        let utf8 = key.utf8
        let mixed = utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            guard let first = bytes.first, let last = bytes.last else { return 0 }
            return UInt64(first) &* 31 &+ UInt64(last) &* 131 &+ UInt64(bytes[bytes.count / 2]) &* 7 &+ UInt64(bytes.count)
        } ?? {
            var hasher = FNV64()
            hasher.add(bytes: utf8)
            return hasher.value
        }()
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    subscript(key: String) -> Value? {
        get {
            let i = shard(key)
            locks[i].lock()
            defer { locks[i].unlock() }
            return tables[i][key]
        }
        set {
            let i = shard(key)
            locks[i].lock()
            defer { locks[i].unlock() }
            tables[i][key] = newValue
        }
    }
}
