import RedlineCore
import RedlineText

/// `numbers.age-mismatch`: one person's age stated two ways ("Smith, 45, …" and later
/// "the 47-year-old").
///
/// Ages are tied to people by name ("Smith, 45", "Jane Smith (45)", "Smith, aged 45",
/// "47-year-old Smith", "Smith, the 47-year-old"). A bare "The 47-year-old said …" (opening a
/// sentence or clause, or after "said") stands for a person with a stated age named in its
/// sentence or the one before: the one of that age if there is one, else the one named last.
/// Two people of one surname are kept apart by their given names ("John Smith, 45" and "Tom Smith, 19").
public struct AgeMismatchRule: DocumentRule {
    public static let info = RuleInfo(
        id: "numbers.age-mismatch",
        category: .numeric,
        defaultSeverity: .warning,
        summary: "One person's age stated two ways (\"Smith, 45, …\" and later \"the 47-year-old\"). Ages are tied "
            + "to people by name; a bare \"The 47-year-old said …\" to a person with an age named in that sentence or "
            + "the one before.",
        flags: [
            RuleExample("John Smith, 45, was arrested on Friday. The «47»-year-old was charged on Saturday."),
            RuleExample("Jane Doe, 31, won the race.\n\nThe «29»-year-old Doe said she was delighted."),
            RuleExample("Maria Lopez (52) leads the council.\n\nLopez, the «25»-year-old, has led it since 2019."),
        ],
        passes: [
            RuleExample("John Smith, 45, was arrested on Friday. The 45-year-old was charged on Saturday."),
            RuleExample("John Smith, 45, was arrested with his son Tom Smith, 19."),
            RuleExample("Anna Lee, 34, and Mark Ross, 36, were hurt. The 36-year-old is in hospital."),
            RuleExample("Jane Doe, 31, won the race. Her coach, Peter Grant, praised the 28-year-old runner-up."),
        ]
    )

    private let data: NumbersData

    public init(environment: RuleEnvironment) throws {
        data = try NumbersData.shared(environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        let analysis = data.analysis(document)
        let text = analysis.text, ages = analysis.ages
        guard ages.count >= 2 else { return [] }
        var findings: [Finding] = []
        for (j, later) in ages.enumerated() {
            guard let first = ages[..<j].first(where: { $0.samePerson(later) }), first.age != later.age else { continue }
            let span = text.tokens[later.start].span
            let otherSpan = text.tokens[first.start].span
            let name = later.person.prefix(1).uppercased() + later.person.dropFirst()
            findings.append(Finding(Self.info, span: span,
                                    message: "\(name) is \(later.age) here, but \(first.age) \(NumbersReport.whereIs(document, otherSpan))",
                                    related: [NumbersReport.related(document, otherSpan, "the other age of \(name): \(first.age)")]))
        }
        return findings
    }
}
