import Foundation
import RedlineCore

/// What several rules read from one document, made once and kept for the last few documents:
/// the engine runs every rule on a document in turn on one thread, so the second rule to ask
/// for a document's analysis finds it here. A few entries serve all threads.
///
/// An entry keeps its document alive, so the storage of its bytes and tokens cannot be reused
/// by another document while it is kept: comparing storage addresses tells documents apart
/// without reading their text.
final class RecentDocuments<Value: Sendable>: @unchecked Sendable {
    private var recent: [(document: Document, value: Value)] = []
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The value kept for `document`, or the one `make` returns (kept from then on). `make`
    /// runs outside the lock: two threads asking for one new document may both make it.
    func value(for document: Document, make: () -> Value) -> Value {
        lock.lock()
        if let hit = recent.first(where: { Self.same($0.document, document) }) {
            lock.unlock()
            return hit.value
        }
        lock.unlock()
        let made = make()
        lock.lock()
        recent.append((document, made))
        if recent.count > capacity { recent.removeFirst() }
        lock.unlock()
        return made
    }

    /// The same document: the same byte storage (a copy shares it), path and tokens. The
    /// addresses, cheapest to compare, are compared first.
    static func same(_ a: Document, _ b: Document) -> Bool {
        let pa = a.source.bytes.withUnsafeBufferPointer { $0.baseAddress }
        let pb = b.source.bytes.withUnsafeBufferPointer { $0.baseAddress }
        let ta = a.tokens.withUnsafeBufferPointer { $0.baseAddress }
        let tb = b.tokens.withUnsafeBufferPointer { $0.baseAddress }
        return pa == pb && ta == tb && a.source.bytes.count == b.source.bytes.count && a.tokens.count == b.tokens.count
            && a.blocks.count == b.blocks.count && a.path == b.path
    }
}
