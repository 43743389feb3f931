import RedlineCore
import RedlineKit
import RedlineRules
import Testing

/// Runs every rule's own should-flag / should-not-flag examples, as written and altered:
/// inside Markdown, after a line of Cyrillic and of Arabic text, with CRLF line ends, and
/// under a disable comment (which must silence the rule).
@Suite struct RuleExampleTests {
    static let rulesWithExamples: [RuleInfo] = BuiltinRules.registry.infos.filter { !$0.flags.isEmpty || !$0.passes.isEmpty }

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

    private func prepare(_ text: String, _ variant: Variant) -> (String, Int) {
        var body = variant.prefix + text
        if variant.crlf { body = body.replacingOccurrences(of: "\n", with: "\r\n") }
        // The offset by which example spans move: the prefix (with CRLF, one byte per line end more).
        let prefix = variant.crlf ? variant.prefix.replacingOccurrences(of: "\n", with: "\r\n") : variant.prefix
        return (body, prefix.utf8.count)
    }

    @Test(arguments: cases)
    func examples(ruleID: String, variant: Variant) throws {
        let info = try #require(BuiltinRules.registry.definition(withID: ruleID)?.info)
        for example in info.flags {
            let marked = MarkedText(example.text)
            let (body, shift) = prepare(marked.text, variant)
            let found = TestSupport.linter.check(text: body, path: variant.path).filter { $0.ruleID == ruleID }
            var expected = marked.spans.map { Span($0.start + shift, $0.end + shift) }
            if variant.crlf {
                // Each newline before a span adds a byte.
                expected = expected.map { span in
                    let before = marked.text.utf8.prefix(span.start - shift).filter { $0 == 0x0A }.count
                    let inside = marked.text.utf8.dropFirst(span.start - shift).prefix(span.length).filter { $0 == 0x0A }.count
                    return Span(span.start + before, span.end + before + inside)
                }
            }
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
            let disabled = "<!-- redline-disable \(ruleID) -->\n\n" + marked.text + "\n\n<!-- redline-enable \(ruleID) -->\n"
            let silenced = TestSupport.linter.check(text: disabled, path: "disabled.md").filter { $0.ruleID == ruleID }
            #expect(silenced.isEmpty, "\(ruleID) must be silent under a disable comment: \(example.text)")
        }
        for example in info.passes {
            let (body, _) = prepare(example.text, variant)
            let found = TestSupport.linter.check(text: body, path: variant.path).filter { $0.ruleID == ruleID }
            #expect(found.isEmpty, "\(ruleID) [\(variant)] should not flag: \(example.text)\nfound: \(found.map(\.match))")
        }
    }

    @Test func everyRuleHasADescriptionAndExamples() {
        for info in BuiltinRules.registry.infos {
            #expect(!info.summary.isEmpty, "\(info.id) has no description")
            #expect(info.id.split(separator: ".").count == 2, "\(info.id) is not family.name")
        }
    }
}
