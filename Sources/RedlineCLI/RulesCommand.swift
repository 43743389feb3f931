import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit
import RedlineReporters

/// `redline rules`: every rule with its id, category, severity, whether it is on, and its description.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, category, severity, on/off (under the configuration of this folder), description.")

    @Option(name: .long, help: "Output format: text or json.")
    var format: ListFormat = .text

    func run() throws {
        let session = CheckSession(registry: ActiveRegistry.shared.registry, dataDirectory: try CheckingOptions.dataDirectory(),
                                   commandLine: LintOptions(), commandLineSetsLanguage: false)
        let config: Configuration
        let registry: RuleRegistry
        do {
            config = try session.configuration(forFile: nil)
            registry = try Linter.registry(base: session.registry, dataDirectory: session.dataDirectory,
                                           rulePaths: session.options(for: config).rulePaths)
        } catch {
            throw CommandError("\(error)")
        }
        let settings = session.options(for: config).ruleSettings
        var rows: [(RuleInfo, Bool, Severity)] = []
        for info in registry.infos {
            let setting = settings[info.id] ?? settings[info.category.rawValue]
            var on = info.enabledByDefault
            var severity = info.defaultSeverity
            switch setting {
            case .off?: on = false
            case .on?: on = true
            case .severity(let s)?: on = true; severity = s
            case nil: break
            }
            rows.append((info, on, severity))
        }
        switch format {
        case .json:
            let items: [JSONValue] = rows.map { info, on, severity in
                .object([("id", .string(info.id)), ("category", .string(info.category.rawValue)),
                         ("severity", .string(severity.rawValue)), ("enabled", .bool(on)), ("description", .string(info.summary))])
            }
            Console.out(JSONValue.array(items).render(pretty: true) + "\n")
        case .text:
            for (info, on, severity) in rows {
                Console.out("\(info.id)  [\(info.category.rawValue), \(severity.rawValue), \(on ? "on" : "off")]\n    \(info.summary)\n\n")
            }
        }
    }
}

/// `redline config FILE`: the configuration in force for a file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration for a file (its .redline.yml and what it extends).")

    @Argument(help: "A file (or folder) to show the configuration for.")
    var path: String = "."

    func run() throws {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        // For a folder, ask as if for a file inside it.
        let probe = exists && isDir.boolValue ? (path as NSString).appendingPathComponent("-") : path
        do {
            let config = try ConfigResolver().configuration(forFile: probe)
            Console.out(config.describe())
        } catch {
            throw CommandError("\(error)")
        }
    }
}
