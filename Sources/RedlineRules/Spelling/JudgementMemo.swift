import Foundation
import RedlineCore

/// The last few documents' unknown words and verdicts, shared by the three spelling rules of a
/// linter (`spelling.misspelled`, `spelling.misspelled-name`, `spelling.unknown-name`), which
/// each need the same judgement of the same document one after the other.
///
/// A document is recognised by the storage of its bytes and tokens, which an entry keeps alive,
/// so the storage of a document that has gone cannot be reused by another while remembered.
final class JudgementMemo: @unchecked Sendable {
    private struct Entry {
        let bytes: [UInt8]
        let tokens: [Token]
        let verdicts: [(UnknownWord, NamePolicy.Verdict)]
    }

    /// Enough for every thread's current document.
    private let capacity = 16
    private var entries: [Entry] = []
    private let lock = NSLock()

    /// The verdicts for `document`, judged by `judge` unless remembered.
    func verdicts(_ document: Document, judge: () -> [(UnknownWord, NamePolicy.Verdict)]) -> [(UnknownWord, NamePolicy.Verdict)] {
        guard !document.tokens.isEmpty, !document.source.bytes.isEmpty else { return judge() }
        let bytesID = Self.address(document.source.bytes), tokensID = Self.address(document.tokens)
        lock.lock()
        let found = entries.last { Self.address($0.bytes) == bytesID && Self.address($0.tokens) == tokensID }
        lock.unlock()
        if let found { return found.verdicts }
        let verdicts = judge()
        lock.lock()
        entries.append(Entry(bytes: document.source.bytes, tokens: document.tokens, verdicts: verdicts))
        if entries.count > capacity { entries.removeFirst() }
        lock.unlock()
        return verdicts
    }

    private static func address<T>(_ array: [T]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
