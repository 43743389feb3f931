import RedlineCore
import RedlineSpelling

/// `spelling.misspelled`: an ordinary word that no dictionary in use accepts.
///
/// Lower-case unknown words, and capitalised words at the start of a sentence whose lower-case
/// form has one clearly best correction ("Teh" → "The"). Capitalised words elsewhere are names:
/// see `spelling.misspelled-name`. The fix applies the first suggestion only when it is clearly
/// the best one.
public struct MisspelledWordRule: DocumentRule {
    public static let info = RuleInfo(
        id: "spelling.misspelled",
        category: .spelling,
        defaultSeverity: .error,
        summary: "A word that is not in the dictionary, with suggestions best first. Capitalised words "
            + "are treated as names (see spelling.misspelled-name) unless they start a sentence and are "
            + "clearly a misspelled ordinary word. The fix applies the first suggestion only when it is "
            + "clearly the best one.",
        flags: [
            RuleExample("The fire set a shed «abalze» overnight.", fixed: "The fire set a shed ablaze overnight."),
            RuleExample("A «recieved» letter and a well-«knwon» face."),
            RuleExample("«Teh» council met on Monday."),
        ],
        passes: [
            RuleExample("The city’s mayor said a well-known café was hit."),
            RuleExample("See https://example.com/abalze or mail desk@example.org about NATO."),
            RuleExample("He wrote “abalze” [sic] in the note."),
            RuleExample("Mayor Oleksandr Tkachuk met Ms Wójcik in Dnipro."),
        ]
    )

    private let policy: NamePolicy

    public init(environment: RuleEnvironment) throws {
        policy = try NamePolicy(environment: environment)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        policy.judge(document).compactMap { word, verdict in
            guard case .misspelledWord(let suggestions) = verdict else { return nil }
            let fix = suggestions.isConfident ? suggestions.words.first.map { Fix(span: word.span, replacement: $0) } : nil
            return Finding(Self.info, span: word.span, message: "“\(word.text)” is not in the dictionary",
                           suggestions: Array(suggestions.words.prefix(5)), fix: fix)
        }
    }
}
