import Foundation
import RedlineCore
import RedlineKit
import RedlineRuleFiles
import Testing

/// Every malformed `.redline.yml` and rule file names the exact `path:line:column` of the
/// problem; none crashes or is silently half-read.
@Suite struct MalformedConfigTests {
    /// A file's bytes, where the error must point (`line:column`) and a fragment of its message.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var at: String
        var says: String
        init(_ name: String, _ text: String, at: String, says: String) {
            self.init(name, bytes: Array(text.utf8), at: at, says: says)
        }
        init(_ name: String, bytes: [UInt8], at: String, says: String) {
            self.name = name; self.bytes = bytes; self.at = at; self.says = says
        }
        var description: String { name }
    }

    static let configs: [Case] = [
        Case("misspelt key", "lang: en_GB\nrulez:\n  spelling: off\n", at: "2:1", says: "unknown setting 'rulez' (did you mean 'rules'?)"),
        Case("bad rule setting", "rules:\n  spelling.misspelled: sometimes\n", at: "2:24", says: "expected off, on, error, warning or info"),
        Case("bad fail_on", "fail_on: sometimes\n", at: "1:10", says: "fail_on: expected error, warning, info or never"),
        Case("mapping for a list", "lang: {a: b}\n", at: "1:7", says: "lang: expected a value or a list of values"),
        Case("nested list item", "words:\n  - ok\n  - [nested]\n", at: "3:5", says: "words: expected a list of values"),
        Case("list for a mapping", "house: [ap]\n", at: "1:8", says: "house: expected a mapping"),
        Case("scalar for rules", "rules: warning\n", at: "1:8", says: "rules: expected a mapping"),
        Case("list for a single value", "date_field: [a, b]\n", at: "1:13", says: "date_field: expected a single value"),
        Case("unknown metadata key", "metadata:\n  alow: [x]\n", at: "2:3", says: "metadata: unknown setting 'alow'"),
        Case("bad ignore pattern", "ignore: ['ok', '(unclosed']\n", at: "1:16", says: "not a valid regular expression"),
        Case("top-level list", "- lang\n- words\n", at: "1:1", says: "expected a mapping of settings"),
        Case("unclosed flow list", "rules: [unclosed\n", at: "2:1", says: "not valid YAML"),
        Case("tab indentation", "rules:\n\tspelling: off\n", at: "2:1", says: "tabs"),
        Case("duplicate key", "lang: en_GB\nlang: en_US\n", at: "1:1", says: "appears more than once"),
        Case("anchor", "lang: &b en_GB\nwords: *b\n", at: "1:7", says: "anchors and aliases"),
        Case("invalid UTF-8", bytes: Array("lang: en_GB\ndate_field: caf".utf8) + [0xE9, 0x0A], at: "2:16", says: "not valid UTF-8 (byte 0xE9)"),
        Case("nesting", String(repeating: "[", count: 100), at: "1:65", says: "nested more than 64 levels"),
        Case("UTF-16", bytes: [0xFF, 0xFE] + Array("lang: en_GB\n".utf8).flatMap { [$0, 0] }, at: "1:1", says: "not valid UTF-8 (byte 0xFF)"),
    ]

    @Test(arguments: configs) func configuration(_ c: Case) throws {
        let path = try Self.write(c.bytes, name: ".redline.yml")
        do {
            _ = try ConfigFile.load(path)
            Issue.record("\(c.name): loaded without an error")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix("\(path):\(c.at): "), "\(c.name): \(error.description)")
            #expect(error.message.contains(c.says), "\(c.name): \(error.message)")
        }
    }

    static let ruleFiles: [Case] = [
        Case("wrong type", "kind: existence\ndescription: D.\ntokens: foo\n", at: "3:9", says: "expected `tokens` to be a list"),
        Case("bad regex", "kind: existence\ndescription: D.\npatterns: ['(x']\n", at: "3:12", says: "invalid regular expression"),
        Case("unknown kind", "kind: existance\ndescription: D.\n", at: "1:7", says: "did you mean `existence`?"),
        Case("tab", "kind: existence\ndescription: D.\ntokens:\n\t- a\n", at: "4:1", says: "tabs"),
        Case("invalid UTF-8", bytes: Array("kind: existence\ndescription: caf".utf8) + [0xE9, 0x0A], at: "2:17", says: "not valid UTF-8"),
        Case("alias", "kind: existence\ndescription: &d D.\ntokens: [*d]\n", at: "2:14", says: "anchors"),
        Case("empty", "", at: "1:1", says: "empty rule file"),
    ]

    /// Through the linter, as a run meets them: the message names the rule file's path.
    @Test(arguments: ruleFiles) func ruleFile(_ c: Case) throws {
        let path = try Self.write(c.bytes, name: "house/bad.yml")
        let folder = (path as NSString).deletingLastPathComponent
        do {
            _ = try Linter.registry(base: RuleRegistry(), dataDirectory: "/nonexistent", rulePaths: [folder])
            Issue.record("\(c.name): loaded without an error")
        } catch let error as RuleFileError {
            #expect(error.description.hasPrefix("\(path):\(c.at): "), "\(c.name): \(error.description)")
            #expect(error.message.contains(c.says), "\(c.name): \(error.message)")
        }
    }

    /// An unknown rule id in `rules:` is a warning naming the id and its place, not an error.
    @Test func unknownRuleIdIsAWarning() throws {
        let path = try Self.write(Array("rules:\n  spelling: warning\n  house.no-such-rule: off\n".utf8), name: ".redline.yml")
        let folder = (path as NSString).deletingLastPathComponent
        try "Fine.\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        let (code, _, err) = try TestSupport.run(["check", "a.txt"], workingDirectory: folder)
        #expect(code == 0)
        #expect(err.contains(".redline.yml:3:3: warning: unknown rule or category 'house.no-such-rule'"), "\(err)")
    }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-malformed-\(UUID().uuidString)").path
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
