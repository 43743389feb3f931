import RedlineCore

/// What the number rules read from one document, computed once and shared by them: its
/// tokens as lower-case text, its counts, conversions, ages and weekday–date phrases.
public final class NumberAnalysis: Sendable {
    public let text: NumberText
    public let counts: CountExtraction
    public let conversions: [ConversionPair]
    public let ages: [AgeMention]
    public let weekdayDates: [WeekdayDatePhrase]

    public init(_ document: Document, counts extractor: CountExtractor, measures: MeasureScanner) {
        let text = NumberText(document, vocabulary: extractor.vocabulary)
        self.text = text
        counts = extractor.extract(text)
        conversions = measures.conversions(text)
        ages = AgeScanner.ages(text)
        weekdayDates = DatePhrases.weekdayDates(text)
    }
}
