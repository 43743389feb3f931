import Foundation
import RedlineCore
import RedlineKit
import RedlineRules
import Testing

/// Runs every rule's own should-flag / should-not-flag examples, as written and altered:
/// inside Markdown, after a line of Cyrillic and of Arabic text, with CRLF line ends, and
/// under a disable comment (which must silence the rule). Covers the built-in rules and the rule
/// files in `Rules/`, through whole runs (so rules that judge across a run are covered too).
/// An example runs with the rule's `exampleOptions`; a line `=== next file ===` splits it into
/// several files of one run (for rules that compare files).
@Suite struct RuleExampleTests {
    /// The built-in rules plus the rule files of `Rules/`.
    static let registry: RuleRegistry =
        (try? Linter.registry(base: BuiltinRules.registry, dataDirectory: TestSupport.root, rulePaths: [])) ?? BuiltinRules.registry

    /// Every rule of `registry` on, those off by default too.
    static let linter: Linter = {
        var options = LintOptions()
        for info in registry.infos { options.ruleSettings[info.id] = .on }
        do { return try Linter(registry: registry, options: options, dataDirectory: TestSupport.root) } catch { fatalError("\(error)") }
    }()

    static let rulesWithExamples: [RuleInfo] = registry.infos.filter { !$0.flags.isEmpty || !$0.passes.isEmpty }

    /// A variant of an example: a prefix before it, a path (format), and whether CRLF is used.
    struct Variant: Sendable, CustomStringConvertible {
        var name: String
        var prefix: String
        var path: String
        var crlf: Bool
        var description: String { name }
    }

    static let variants: [Variant] = [
        Variant(name: "plain", prefix: "", path: "example.txt", crlf: false),
        Variant(name: "markdown", prefix: "# A heading\n\n", path: "example.md", crlf: false),
        Variant(name: "after Cyrillic", prefix: "Київ — столиця України, каже мер.\n\n", path: "example.txt", crlf: false),
        Variant(name: "after Arabic", prefix: "قال المسؤولون إن الهجوم استمر ساعات.\n\n", path: "example.md", crlf: false),
        Variant(name: "CRLF", prefix: "", path: "example.md", crlf: true),
    ]

    /// (rule, variant) pairs, so each shows up as its own test case.
    static let cases: [(String, Variant)] = rulesWithExamples.flatMap { info in variants.map { (info.id, $0) } }

    /// The example as the variant has it, and where an offset of the example lands in it. The
    /// prefix goes after the front matter, when the example has some.
    private func prepare(_ text: String, _ variant: Variant) -> (String, (Int) -> Int) {
        let bytes = Array(text.utf8)
        var insertAt = 0
        if text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            insertAt = text.utf8.distance(from: text.startIndex, to: close.upperBound)
        }
        var body = String(decoding: bytes[..<insertAt], as: UTF8.self) + variant.prefix + String(decoding: bytes[insertAt...], as: UTF8.self)
        let lfBody = Array(body.utf8)
        if variant.crlf { body = body.replacingOccurrences(of: "\n", with: "\r\n") }
        let prefixLength = variant.prefix.utf8.count
        return (body, { offset in
            let moved = offset < insertAt ? offset : offset + prefixLength
            // With CRLF, each line end before the offset adds a byte.
            return variant.crlf ? moved + lfBody[..<moved].filter { $0 == 0x0A }.count : moved
        })
    }

    /// Splits an example into the files of one run.
    static let fileBreak = "=== next file ==="

    /// Linters for rules whose examples need options (`house.names`), by rule id.
    static let optionLinters: [String: Linter] = {
        var linters: [String: Linter] = [:]
        for info in rulesWithExamples where !info.exampleOptions.isEmpty {
            var options = LintOptions()
            for other in registry.infos { options.ruleSettings[other.id] = .on }
            options.values = info.exampleOptions
            do { linters[info.id] = try Linter(registry: registry, options: options, dataDirectory: TestSupport.root) } catch { fatalError("\(error)") }
        }
        return linters
    }()

    /// The findings of `ruleID` in `body`, from a whole run over it (over its files, when it has
    /// several: each finding's span is then an offset in `body`).
    private func findings(_ body: String, path: String, ruleID: String) throws -> [Diagnostic] {
        let linter = Self.optionLinters[ruleID] ?? Self.linter
        guard body.contains(Self.fileBreak) else {
            let input = InputFile(displayPath: path, fileSystemPath: nil)
            return linter.run([input], stdin: { Array(body.utf8) }).diagnostics.filter { $0.ruleID == ruleID }
        }
        let bytes = Array(body.utf8), mark = Array(Self.fileBreak.utf8)
        var parts: [Range<Int>] = []
        var start = 0, i = 0
        while i + mark.count <= bytes.count {
            if bytes[i..<(i + mark.count)].elementsEqual(mark) {
                parts.append(start..<i)
                i += mark.count
                while i < bytes.count && (bytes[i] == 0x0D || bytes[i] == 0x0A) { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        parts.append(start..<bytes.count)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ext = (path as NSString).pathExtension
        var inputs: [InputFile] = [], offsets: [String: Int] = [:]
        for (k, range) in parts.enumerated() {
            let name = "example-\(k + 1).\(ext)"
            let file = folder.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: file, contents: Data(bytes[range]))
            inputs.append(InputFile(displayPath: name, fileSystemPath: file))
            offsets[name] = range.lowerBound
        }
        return linter.run(inputs).diagnostics.filter { $0.ruleID == ruleID }.map { d in
            var d = d
            let shift = offsets[d.path] ?? 0
            d.span = Span(d.span.start + shift, d.span.end + shift)
            return d
        }.sorted { $0.span < $1.span }
    }

    @Test(arguments: cases)
    func examples(ruleID: String, variant: Variant) throws {
        let info = try #require(Self.registry.definition(withID: ruleID)?.info)
        for example in info.flags {
            let marked = MarkedText(example.text)
            let (body, place) = prepare(marked.text, variant)
            let found = try findings(body, path: variant.path, ruleID: ruleID)
            let expected = marked.spans.map { Span(place($0.start), place($0.end)) }
            #expect(found.map(\.span) == expected, "\(ruleID) [\(variant)] should flag exactly the marked spans of: \(example.text)\nfound: \(found.map(\.match))")
            for d in found {
                #expect(Array(body.utf8)[d.span.start..<d.span.end].elementsEqual(d.match.utf8))
            }
            if let fixed = example.fixed {
                let (expectedBody, _) = prepare(fixed, variant)
                let result = String(decoding: FixApplier.apply(found, to: Array(body.utf8)), as: UTF8.self)
                #expect(result == expectedBody, "\(ruleID) [\(variant)] fix of: \(example.text)")
            }
            // Under a disable comment, in Markdown, the rule is silent.
            let disabled = marked.text.components(separatedBy: Self.fileBreak).map {
                "<!-- redline-disable \(ruleID) -->\n\n" + $0 + "\n\n<!-- redline-enable \(ruleID) -->\n"
            }.joined(separator: Self.fileBreak)
            let silenced = try findings(disabled, path: "disabled.md", ruleID: ruleID)
            #expect(silenced.isEmpty, "\(ruleID) must be silent under a disable comment: \(example.text)")
        }
        for example in info.passes {
            let (body, _) = prepare(example.text, variant)
            let found = try findings(body, path: variant.path, ruleID: ruleID)
            #expect(found.isEmpty, "\(ruleID) [\(variant)] should not flag: \(example.text)\nfound: \(found.map(\.match))")
        }
    }

    @Test func everyRuleHasADescriptionAndExamples() {
        for info in Self.registry.infos {
            #expect(!info.summary.isEmpty, "\(info.id) has no description")
            #expect(info.id.split(separator: ".").count == 2, "\(info.id) is not family.name")
        }
    }
}
