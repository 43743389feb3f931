import Foundation
import RedlineCore
import RedlineText

/// What the numbers.* rules share: the vocabulary of `Rules/numbers/`, read once per run, and
/// the analysis of the documents being checked, made once per document for all six rules.
final class NumbersData: @unchecked Sendable {
    let vocabulary: NumberVocabulary
    let counts: CountExtractor
    let measures: MeasureScanner
    /// Events that happen to people: a count of them without a noun is a count of people ("five were killed").
    let peopleEvents: Set<String> = ["injured", "killed", "hospitalised", "arrested", "evacuated", "missing", "rescued"]

    /// The last few documents analysed (the engine runs every rule on a document in turn, on one
    /// thread, so a few entries serve all threads). An entry keeps its document alive, so the
    /// storage of its bytes cannot be reused by another document while it is cached.
    private var recent: [(document: Document, analysis: NumberAnalysis)] = []
    private let lock = NSLock()
    private static let capacity = 8

    init(dataDirectory: String) throws {
        vocabulary = try NumberVocabulary.load(dataDirectory: dataDirectory)
        counts = CountExtractor(vocabulary: vocabulary)
        measures = MeasureScanner(vocabulary: vocabulary)
    }

    static func shared(_ environment: RuleEnvironment) throws -> NumbersData {
        try environment.shared(NumbersData.self) { try NumbersData(dataDirectory: environment.dataDirectory) }
    }

    /// The analysis of `document`, made on first request.
    func analysis(_ document: Document) -> NumberAnalysis {
        lock.lock()
        if let hit = recent.first(where: { Self.same($0.document, document) }) {
            lock.unlock()
            return hit.analysis
        }
        lock.unlock()
        let made = NumberAnalysis(document, counts: counts, measures: measures)
        lock.lock()
        recent.append((document, made))
        if recent.count > Self.capacity { recent.removeFirst() }
        lock.unlock()
        return made
    }

    /// The same document: the same byte storage (a copy shares it), path and tokens.
    private static func same(_ a: Document, _ b: Document) -> Bool {
        guard a.path == b.path, a.source.bytes.count == b.source.bytes.count, a.tokens.count == b.tokens.count,
              a.blocks.count == b.blocks.count else { return false }
        let pa = a.source.bytes.withUnsafeBufferPointer { $0.baseAddress }
        let pb = b.source.bytes.withUnsafeBufferPointer { $0.baseAddress }
        let ta = a.tokens.withUnsafeBufferPointer { $0.baseAddress }
        let tb = b.tokens.withUnsafeBufferPointer { $0.baseAddress }
        return pa == pb && ta == tb
    }
}

/// Helpers for the numbers.* findings: where the other mention is.
enum NumbersReport {
    /// "on line 3": where the other mention is.
    static func whereIs(_ document: Document, _ other: Span) -> String {
        "on line \(document.source.location(of: other.start).line)"
    }

    static func related(_ document: Document, _ span: Span, _ message: String) -> RelatedLocation {
        RelatedLocation(path: document.path, start: document.source.location(of: span.start),
                        end: document.source.location(of: span.end), message: message)
    }
}
