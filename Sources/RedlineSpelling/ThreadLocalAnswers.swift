import Foundation

/// Each thread's own copy of the answers it has been given, in front of a memo shared by all
/// threads: a worker asks for the same common words in every document ("the", "said"), and
/// two workers doing so through one shared table kept taking the same shard's lock and the
/// same reference counts, so that each slowed the other (13% more CPU at `--jobs 2` than at
/// `--jobs 1`). A thread's table needs no lock.
///
/// One slot per thread, for the owner that used it last (a run has one spell checker; when
/// another owner asks, the slot is emptied for it).
final class ThreadLocalAnswers: @unchecked Sendable {
    /// The owner of the answers: a number no other owner ever has.
    let owner: UInt64
    /// The answers, behind a pointer (no run-time exclusivity checks on the hot path).
    let answers: UnsafeMutablePointer<WordAnswers>

    private init(owner: UInt64) {
        self.owner = owner
        answers = .allocate(capacity: 1)
        answers.initialize(to: WordAnswers())
    }

    deinit {
        answers.deinitialize(count: 1)
        answers.deallocate()
    }

    /// The thread-specific key of the tables (owners keep a copy: reading a global checks
    /// that it was initialised, every time).
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        // The thread's table is released when the thread ends.
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadLocalAnswers>.fromOpaque(pointer).release()
        }
        return key
    }()

    private static let counter = OwnerCounter()

    /// A new owner number.
    static func newOwner() -> UInt64 { counter.next() }

    /// This thread's answers for `owner` (empty the first time, or after another owner's);
    /// `key` is `ThreadLocalAnswers.key`.
    @inline(__always) static func forCurrentThread(owner: UInt64, key: pthread_key_t) -> ThreadLocalAnswers {
        if let pointer = pthread_getspecific(key) {
            let table = Unmanaged<ThreadLocalAnswers>.fromOpaque(pointer).takeUnretainedValue()
            if table.owner == owner { return table }
            Unmanaged<ThreadLocalAnswers>.fromOpaque(pointer).release()
        }
        let table = ThreadLocalAnswers(owner: owner)
        pthread_setspecific(key, Unmanaged.passRetained(table).toOpaque())
        return table
    }

    private final class OwnerCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var last: UInt64 = 0
        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            last += 1
            return last
        }
    }
}
