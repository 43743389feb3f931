import ArgumentParser
import RedlineCore
import RedlineKit
import RedlineRules

/// `redline rules`: every rule with its id, category, severity and description.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule Redline knows.")

    func run() throws {
        for info in BuiltinRules.registry.infos {
            let state = info.enabledByDefault ? "on" : "off"
            print("\(info.id)  [\(info.category.rawValue), \(info.defaultSeverity.rawValue), \(state)]")
            print("    \(info.summary)\n")
        }
    }
}

/// The rules this binary knows (built-ins; plug-in binaries register more).
enum BuiltinRulesList {
    static var infos: [RedlineCore.RuleInfo] { BuiltinRules.registry.infos }
}
