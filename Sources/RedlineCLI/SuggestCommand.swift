import ArgumentParser
import Foundation
import RedlineKit
import RedlineReporters

/// `redline suggest WORD...`: ranked spelling suggestions.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Print ranked spelling suggestions for words.")

    @Argument(help: "Words to look up.")
    var words: [String]

    @OptionGroup var checking: CheckingOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let linter = try checking.makeLinter { $0.hunspellSuggestions = true }
        let results = words.map { word -> (String, Bool, [String]) in
            let correct = linter.speller.isCorrect(word)
            return (word, correct, correct ? [] : linter.suggester.suggest(word).words)
        }
        switch format {
        case .json:
            let items: [JSONValue] = results.map { .object([("word", .string($0.0)), ("correct", .bool($0.1)),
                                                            ("suggestions", .array($0.2.map(JSONValue.string)))]) }
            Console.out(JSONValue.array(items).render() + "\n")
        case .text:
            for (word, correct, suggestions) in results {
                Console.out(correct ? "\(word): correct\n"
                            : "\(word): \(suggestions.isEmpty ? "(no suggestions)" : suggestions.joined(separator: ", "))\n")
            }
        }
    }
}
