import ExclamationRule
import Foundation
import RedlineCore
import RedlineKit
import RedlineRules
import Testing

/// The plug-in's rule runs inside Redline's engine, beside the built-in rules.
@Suite struct ExclamationRuleTests {
    static let linter: Linter = {
        var registry = BuiltinRules.registry
        registry.register(ExclamationRule.self)
        // The repository root: Examples/CustomRule/Tests/ExclamationRuleTests/ → ../../../..
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        do { return try Linter(registry: registry, options: LintOptions(), dataDirectory: root) } catch { fatalError("\(error)") }
    }()

    @Test func ruleFiresOutsideQuotes() {
        let found = Self.linter.check(text: "Prices rose again! “Wow!” she said.", path: "a.txt")
            .filter { $0.ruleID == "house.exclamation" }
        #expect(found.map(\.start.column) == [18])
        #expect(found.first?.severity == .warning)
    }

    @Test func builtInRulesStillRun() {
        let found = Self.linter.check(text: "The goverment said so!", path: "a.txt")
        #expect(Set(found.map(\.ruleID)) == ["spelling.misspelled", "house.exclamation"])
    }

    @Test func ruleIsRegistered() {
        #expect(Self.linter.registry.infos.contains { $0.id == "house.exclamation" })
    }
}
