import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit
import RedlineReporters
import RedlineRules

/// `redline names PATH...`: the names a repository spells more than one way, with counts and
/// files, and (with `--write`) a names table of the spellings it uses most.
struct NamesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "List the names a repository spells more than one way (Zelenskyy / Zelenskiy), with counts and files.",
        discussion: """
            The spelling used in the most files comes first: it is the repository's choice. With \
            --write, those choices are written as a names table (the format of Rules/names/variants.tsv) \
            with a column for a house style (--style, default "house"). Put the table in a rule folder and \
            set, in .redline.yml, rule_paths: [that folder] and house: {names: house}: names.variant then \
            asks for those spellings everywhere.
            """
    )

    @Argument(help: "Files or folders.")
    var paths: [String]

    @OptionGroup var checking: CheckingOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ListFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the chosen spellings to this names table (.tsv).", valueName: "file"))
    var write: String?

    @Option(name: .long, help: "The house-style column of the written table.")
    var style: String = "house"

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if style.isEmpty || style.contains("\t") || ["kind", "forms", "source"].contains(style) {
            throw ValidationError("--style must be a plain name other than kind, forms or source")
        }
    }

    func run() throws {
        let session = try checking.makeSession()
        let linter: Linter
        do {
            linter = try session.linter(for: try session.configuration(forFile: nil))
        } catch let error as ConfigError {
            throw CommandError(error.description)
        } catch {
            throw CommandError("\(error)")
        }
        var environmentOptions = linter.options.values
        if !linter.options.rulePaths.isEmpty {
            environmentOptions[NamesTable.rulePathsOption] = linter.options.rulePaths.joined(separator: "\n")
        }
        let environment = RuleEnvironment(dataDirectory: session.dataDirectory, options: environmentOptions)
        environment.provide(linter.speller)
        let rule: RepoInconsistentNameRule
        do { rule = try RepoInconsistentNameRule(environment: environment) } catch { throw CommandError("\(error)") }

        let (collected, errors) = FileCollector().collect(paths)
        for e in errors { Console.error("redline: \(e.path): \(e.message)") }
        var inputs: [InputFile] = []
        for input in collected {
            guard let path = input.fileSystemPath else {
                Console.error("redline: names reads files, not standard input")
                throw ExitCode(2)
            }
            if !input.isExplicit {
                let config: Configuration
                do { config = try session.configuration(forFile: path) } catch { throw CommandError("\(error)") }
                if !config.admits(path) { continue }
            }
            inputs.append(input)
        }
        let facts = Self.collect(inputs, rule: rule, jobs: linter.options.jobs)
        let clusters = rule.clusters(facts.map { ($0.path, $0.facts) })
        let paths = facts.map(\.path)

        switch format {
        case .json:
            Console.out(Self.json(clusters, paths: paths).render(pretty: true) + "\n")
        case .text:
            Console.out(Self.text(clusters, paths: paths))
        }
        if let write {
            do {
                try Self.table(clusters, style: style, from: self.paths).write(toFile: write, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError("\(write): cannot write the names table: \(error.localizedDescription)")
            }
            Console.error("redline: wrote \(clusters.count) name\(clusters.count == 1 ? "" : "s") to \(write) (style \(style))")
        }
        if !errors.isEmpty { throw ExitCode(2) }
    }

    /// Reads and scans the files, `jobs` at a time; unreadable and binary files are skipped.
    static func collect(_ inputs: [InputFile], rule: RepoInconsistentNameRule, jobs: Int?) -> [(path: String, facts: RepoInconsistentNameRule.Facts)] {
        final class Slots: @unchecked Sendable {
            var items: [(String, RepoInconsistentNameRule.Facts)?]
            var next = 0
            let lock = NSLock()
            init(_ n: Int) { items = Array(repeating: nil, count: n) }
            func take() -> Int { lock.lock(); defer { lock.unlock() }; next += 1; return next - 1 }
            func set(_ i: Int, _ v: (String, RepoInconsistentNameRule.Facts)) { lock.lock(); items[i] = v; lock.unlock() }
        }
        let slots = Slots(inputs.count)
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, inputs.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let i = slots.take()
                if i >= inputs.count { break }
                guard let path = inputs[i].fileSystemPath, let data = FileManager.default.contents(atPath: path) else {
                    Console.error("redline: \(inputs[i].displayPath): cannot read file")
                    continue
                }
                let bytes = [UInt8](data)
                if bytes.prefix(8192).contains(0) { continue }
                let source = SourceFile(path: inputs[i].displayPath, data: bytes)
                let document = DocumentBuilder.build(source, format: DocumentBuilder.format(forPath: path))
                slots.set(i, (inputs[i].displayPath, rule.collect(document, options: CheckOptions())))
            }
        }
        return slots.items.compactMap { $0 }.map { (path: $0.0, facts: $0.1) }
    }

    static func fileCount(_ cluster: RepoInconsistentNameRule.Cluster) -> Int {
        Set(cluster.forms.flatMap(\.files)).count
    }

    static func text(_ clusters: [RepoInconsistentNameRule.Cluster], paths: [String]) -> String {
        guard !clusters.isEmpty else { return "No name is spelled more than one way in \(paths.count) file\(paths.count == 1 ? "" : "s").\n" }
        var out = ""
        for c in clusters {
            out += c.forms.map(\.text).joined(separator: " / ") + "  (\(fileCount(c)) file\(fileCount(c) == 1 ? "" : "s"))\n"
            let width = c.forms.map(\.text.count).max() ?? 0
            for f in c.forms {
                let files = f.files.prefix(5).map { paths[$0] }.joined(separator: ", ") + (f.files.count > 5 ? ", … \(f.files.count - 5) more" : "")
                let mentions = "\(f.count) mention\(f.count == 1 ? "" : "s")"
                let inFiles = "\(f.files.count) file\(f.files.count == 1 ? "" : "s")"
                out += "    " + f.text.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(mentions), \(inFiles): \(files)\n"
            }
            if !c.preferredByStyle.isEmpty {
                out += "    house styles: " + c.preferredByStyle.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
            }
        }
        let n = clusters.count
        out += "\n\(n) name\(n == 1 ? "" : "s") spelled more than one way in \(paths.count) file\(paths.count == 1 ? "" : "s"); "
            + "the first spelling of each is the one most files use.\n"
        return out
    }

    static func json(_ clusters: [RepoInconsistentNameRule.Cluster], paths: [String]) -> JSONValue {
        .object([
            ("version", .int(1)),
            ("files", .int(paths.count)),
            ("names", .array(clusters.map { c in
                .object([
                    ("chosen", .string(c.forms[0].text)),
                    ("files", .int(fileCount(c))),
                    ("forms", .array(c.forms.map { f in
                        .object([("form", .string(f.text)), ("count", .int(f.count)),
                                 ("files", .array(f.files.map { .string(paths[$0]) }))])
                    })),
                    ("house", .object(c.preferredByStyle.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
                ])
            })),
        ])
    }

    /// A names table of the repository's choices, in the format of `Rules/names/variants.tsv`.
    static func table(_ clusters: [RepoInconsistentNameRule.Cluster], style: String, from paths: [String]) -> String {
        var out = """
            # Names table written by `redline names \(paths.joined(separator: " ")) --write`: each name the
            # repository spells more than one way, with the spelling most files use in the `\(style)` column.
            # Edit the choices as you like. To use it, put it in a rule folder and set in .redline.yml:
            #   rule_paths: [that folder]
            #   house: {names: \(style)}
            # Kinds: person, place, org, word (one thing); given, surname (names many people share).

            """
        out += "kind\tforms\t\(style)\n"
        for c in clusters {
            let forms = c.forms.map { $0.text.replacingOccurrences(of: "|", with: "") }
            out += "\(c.kind.rawValue)\t\(forms.joined(separator: "|"))\t\(forms[0])\n"
        }
        return out
    }
}
