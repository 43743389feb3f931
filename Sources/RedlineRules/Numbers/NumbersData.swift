import Foundation
import RedlineCore
import RedlineText

/// What the numbers.* rules share: the vocabulary of `Rules/numbers/`, read once per run, and
/// the analysis of the documents being checked, made once per document for all six rules.
final class NumbersData: Sendable {
    let vocabulary: NumberVocabulary
    let counts: CountExtractor
    let measures: MeasureScanner
    /// Events that happen to people: a count of them without a noun is a count of people ("five were killed").
    let peopleEvents: Set<String> = ["injured", "killed", "hospitalised", "arrested", "evacuated", "missing", "rescued"]

    /// The last few documents analysed (see `RecentDocuments`).
    private let recent = RecentDocuments<NumberAnalysis>()

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
        recent.value(for: document) { NumberAnalysis(document, counts: counts, measures: measures) }
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
