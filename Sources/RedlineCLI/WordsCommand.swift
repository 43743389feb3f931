import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit
import RedlineReporters

/// `redline words add|unknown`: the repository's own word list.
struct WordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "words",
        abstract: "Manage the repository's word list (.redline/words.txt).",
        subcommands: [Add.self, Unknown.self]
    )

    /// `redline words add WORD...`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add words to .redline/words.txt (sorted, each once); creates it at the repository root.")

        @Argument(help: "Words to accept.")
        var words: [String]

        @Option(name: .long, help: "The word list to change (default: the nearest .redline/words.txt).")
        var file: String?

        func run() throws {
            let path = file ?? RepositoryWords.locate() ?? RepositoryWords.defaultLocation()
            do {
                let added = try RepositoryWords.add(words, to: path)
                print(added.isEmpty ? "\(path): nothing new" : "\(path): added \(added.joined(separator: ", "))")
            } catch {
                throw CommandError("\(path): cannot update the word list: \(error.localizedDescription)")
            }
        }
    }

    /// `redline words unknown PATH...`
    struct Unknown: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the capitalised words no dictionary knows, most frequent first, to review and add.")

        @Argument(help: "Files or folders.")
        var paths: [String]

        @OptionGroup var checking: CheckingOptions

        @Option(name: .long, help: "Only words seen at least this often.")
        var minCount: Int = 1

        @Option(name: .long, help: "Output format: text or json.")
        var format: ListFormat = .text

        func run() throws {
            let session = try checking.makeSession { options in
                for category in RuleCategory.allCases { options.ruleSettings[category.rawValue] = .off }
                options.ruleSettings["spelling.unknown-name"] = .on
                options.ruleSettings["spelling.misspelled-name"] = .on
            }
            let (inputs, errors) = FileCollector().collect(paths)
            for e in errors { Console.error("redline: \(e.path): \(e.message)") }
            let result: RunResult
            do { result = try session.run(inputs) } catch { throw CommandError("\(error)") }
            var counts: [String: (count: Int, files: Set<String>)] = [:]
            for d in result.diagnostics {
                let word = Self.base(d.match)
                counts[word, default: (0, [])].count += 1
                counts[word, default: (0, [])].files.insert(d.path)
            }
            let rows = counts.filter { $0.value.count >= minCount }
                .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            switch format {
            case .json:
                let items: [JSONValue] = rows.map { .object([("word", .string($0.key)), ("count", .int($0.value.count)),
                                                              ("files", .int($0.value.files.count))]) }
                Console.out(JSONValue.array(items).render(pretty: true) + "\n")
            case .text:
                for (word, v) in rows { Console.out("\(String(repeating: " ", count: max(0, 6 - String(v.count).count)))\(v.count)  \(v.files.count) file\(v.files.count == 1 ? " " : "s")  \(word)\n") }
                if rows.isEmpty { Console.out("No unknown names.\n") } else {
                    Console.out("\nAdd the real ones with: redline words add WORD…\n")
                }
            }
            if !errors.isEmpty || !result.errors.isEmpty { throw ExitCode(2) }
        }

        static func base(_ word: String) -> String {
            for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
            return word
        }
    }
}
