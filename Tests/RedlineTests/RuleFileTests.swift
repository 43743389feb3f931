import Foundation
import RedlineCore
import RedlineKit
@testable import RedlineRuleFiles
import Testing

/// Declarative rule files: loading, the four kinds, strict errors with positions, and the
/// rule files shipped in `Rules/`.
@Suite struct RuleFileTests {
    // MARK: Helpers

    static func rule(_ yaml: String, id: String = "test.rule") throws -> RuleDefinition {
        try RuleFileLoader.load(bytes: Array(yaml.utf8), path: "test.yml", id: id)
    }

    /// The error loading `yaml` throws (nil, and an issue, when it loads).
    static func loadError(_ yaml: String) -> RuleFileError? { loadError(bytes: Array(yaml.utf8)) }

    static func loadError(bytes: [UInt8]) -> RuleFileError? {
        do {
            _ = try RuleFileLoader.load(bytes: bytes, path: "test.yml", id: "test.rule")
            Issue.record("expected an error for: \(String(decoding: bytes, as: UTF8.self))")
            return nil
        } catch let error as RuleFileError {
            return error
        } catch {
            Issue.record("not a RuleFileError: \(error)")
            return nil
        }
    }

    static func document(_ text: String, path: String) -> Document {
        DocumentBuilder.build(SourceFile(path: path, text: text), format: DocumentBuilder.format(forPath: path))
    }

    /// The diagnostics of a per-document rule on `text`.
    static func check(_ definition: RuleDefinition, _ text: String, path: String = "story.md") throws -> [Diagnostic] {
        let made = try definition.make(RuleEnvironment(dataDirectory: TestSupport.root))
        let checker = try #require(made as? any DocumentChecking)
        let document = document(text, path: path)
        return checker.check(document, options: CheckOptions()).map { Diagnostic(finding: $0, in: document.source) }
    }

    static func matches(_ yaml: String, _ text: String, path: String = "story.md") throws -> [String] {
        try check(try rule(yaml), text, path: path).map(\.match)
    }

    /// Collects facts from every document, then judges them (a run-scope rule).
    static func judge<R: RunJudging>(_ rule: R, _ documents: [Document]) -> [Diagnostic] {
        rule.judge(documents.map { ($0.path, rule.collect($0, options: CheckOptions())) }, options: CheckOptions())
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-rules-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    // MARK: Loading

    @Test func shippedRuleFilesLoadWithExamples() throws {
        let definitions = try RuleFileLoader.load(folder: TestSupport.root + "/Rules")
        #expect(definitions.count >= 6)
        for definition in definitions {
            let info = definition.info
            #expect(info.id.hasPrefix("house."), "\(info.id)")
            #expect(!info.flags.isEmpty && !info.passes.isEmpty, "\(info.id) needs flag: and pass: examples")
        }
        let ids = Set(definitions.map(\.info.id))
        #expect(ids.isSuperset(of: ["house.kiev", "house.per-cent", "house.email", "house.cliches", "house.says-who",
                                    "house.headline-full-stop", "house.double-space"]))
        // The generic example test runs them.
        #expect(ids.isSubset(of: Set(RuleExampleTests.cases.map(\.0))))
    }

    @Test func readmeExamplesLoad() throws {
        let readme = try String(contentsOfFile: TestSupport.root + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Rule files").dropFirst().first?.components(separatedBy: "\n## ").first)
        let blocks = section.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```").first ?? "" }
        #expect(blocks.count == 4)
        for (i, yaml) in blocks.enumerated() { _ = try Self.rule(yaml, id: "readme.example\(i)") }
    }

    @Test func idsComeFromPathsAndOtherFilesAreLeftAlone() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = "kind: existence\ndescription: Test.\ntokens: [foo]\n"
        try Self.write(yaml, to: folder + "/house/kiev.yml")
        try Self.write(yaml, to: folder + "/a/b/deep.yaml")
        try Self.write(": not yaml [", to: folder + "/house/notes.txt")
        try Self.write("colour\tcolor\n", to: folder + "/dialects/en.tsv")
        try Self.write(": not yaml [", to: folder + "/.git/config.yml")
        try Self.write("# Rules\n", to: folder + "/README.md")
        let ids = try RuleFileLoader.load(folder: folder).map(\.info.id)
        #expect(ids == ["a.b.deep", "house.kiev"])

        let single = try RuleFileLoader.load(file: folder + "/house/kiev.yml", id: "custom.id")
        #expect(single.info.id == "custom.id")

        try Self.write(yaml, to: folder + "/house/bad name.yml")
        #expect(throws: RuleFileError.self) { try RuleFileLoader.load(folder: folder) }
    }

    @Test func headerKeys() throws {
        let info = try Self.rule("""
            kind: existence
            description: >
              Two lines
              of description.
            category: transliteration
            severity: error
            enabled: false
            tokens: [foo]
            flag:
              - "a «foo» b"
            pass: ["a bar b"]
            """).info
        #expect(info.id == "test.rule")
        #expect(info.summary == "Two lines of description.")
        #expect(info.category == .transliteration)
        #expect(info.defaultSeverity == .error)
        #expect(info.enabledByDefault == false)
        #expect(info.flags == [RuleExample("a «foo» b")])
        #expect(info.passes == [RuleExample("a bar b")])

        let defaults = try Self.rule("kind: existence\ndescription: D.\ntokens: [foo]\n").info
        #expect(defaults.category == .style && defaults.defaultSeverity == .warning && defaults.enabledByDefault)

        let fixing = try Self.rule("""
            kind: substitution
            description: D.
            swap: {Kiev: Kyiv}
            flag:
              - text: "in «Kiev»"
                fixed: "in Kyiv"
            """).info
        #expect(fixing.flags == [RuleExample("in «Kiev»", fixed: "in Kyiv")])
    }

    // MARK: existence

    @Test func existenceMatchesWholeWords() throws {
        let yaml = "kind: existence\ndescription: D.\ntokens: [don, Kiev, Київ, naïve]\n"
        let text = "I don't know. Don’t go. The don said. Kiev’s mayor and Kievan art. КИЇВ і Київ. A naïve plan, naïvely."
        #expect(try Self.matches(yaml, text) == ["don", "Kiev", "КИЇВ", "Київ", "naïve"])
        // Case-sensitive on request.
        #expect(try Self.matches("kind: existence\ndescription: D.\ntokens: [Kiev]\nignorecase: false\n", "kiev Kiev KIEV") == ["Kiev"])
    }

    @Test func existencePhrasesSpanLineBreaksButNotParagraphs() throws {
        let yaml = "kind: existence\ndescription: D.\ntokens: [level playing field]\n"
        #expect(try Self.matches(yaml, "A level playing\nfield, a level  playing field.") == ["level playing\nfield", "level  playing field"])
        #expect(try Self.matches(yaml, "A level playing\n\nfield.").isEmpty)
        #expect(try Self.matches(yaml, "A level playing\r\nfield.", path: "a.txt") == ["level playing\r\nfield"])
    }

    @Test func existenceNeverMatchesMaskedText() throws {
        let yaml = "kind: existence\ndescription: D.\ntokens: [Kiev]\npatterns: ['\\bKyiv\\b']\n"
        let text = "Use `Kiev` and `Kyiv` in code; see [the city](https://example.com/Kiev/Kyiv).\n\n```\nKiev Kyiv\n```\n\nKiev and Kyiv.\n"
        let found = try Self.check(try Self.rule(yaml), text)
        #expect(found.map(\.match) == ["Kiev", "Kyiv"])
        #expect(found.allSatisfy { $0.start.line == 7 })
    }

    @Test func existencePatternsExceptionsAndMessages() throws {
        let yaml = """
            kind: existence
            description: D.
            tokens: [Kiev]
            patterns: ['\\bslam(?:s|med)\\b']
            exceptions: [chicken Kiev]
            message: "“%s” is banned (100%% sure)"
            """
        let found = try Self.check(try Self.rule(yaml), "Critics slammed the chicken Kiev; he slams doors in Kiev. A slam dunk.")
        #expect(found.map(\.match) == ["slammed", "slams", "Kiev"])
        #expect(found.first?.message == "“slammed” is banned (100% sure)")
        #expect(found.first?.fix == nil)
    }

    // MARK: substitution

    @Test func substitutionKeepsCaseAndPossessives() throws {
        let definition = try Self.rule("""
            kind: substitution
            description: D.
            swap:
              Kiev: Kyiv
              per cent: "%"
            exceptions: [chicken Kiev]
            message: "“%s” → “%r”"
            """)
        let text = "Kiev, KIEV and kiev; Kiev's, Kiev’s, chicken Kiev and Kievan; 5 per cent."
        let found = try Self.check(definition, text, path: "a.txt")
        #expect(found.map(\.match) == ["Kiev", "KIEV", "kiev", "Kiev", "Kiev", "per cent"])
        #expect(found.map { $0.fix?.replacement } == ["Kyiv", "KYIV", "kyiv", "Kyiv", "Kyiv", "%"])
        #expect(found.map(\.suggestions) == [["Kyiv"], ["KYIV"], ["kyiv"], ["Kyiv"], ["Kyiv"], ["%"]])
        #expect(found[1].message == "“KIEV” → “KYIV”")
        let fixed = String(decoding: FixApplier.apply(found, to: Array(text.utf8)), as: UTF8.self)
        #expect(fixed == "Kyiv, KYIV and kyiv; Kyiv's, Kyiv’s, chicken Kiev and Kievan; 5 %.")
    }

    @Test func substitutionPrefersTheLongestPhrase() throws {
        let yaml = "kind: substitution\ndescription: D.\nswap: {Kiev: Kyiv, Kiev Oblast: Kyiv Oblast, Oblast: Region}\n"
        let found = try Self.check(try Self.rule(yaml), "Kiev Oblast and Kiev Oblasts.")
        #expect(found.map(\.match) == ["Kiev Oblast", "Kiev"])
    }

    // MARK: consistency

    @Test func consistencyMajorityWinsTiesGoToTheFirst() throws {
        let yaml = "kind: consistency\ndescription: D.\ngroups:\n  - [email, e-mail]\n  - [per cent, percent]\n"
        let definition = try Self.rule(yaml)
        let majority = try Self.check(definition, "An email, an e-mail, then an email. Up 5 percent.")
        #expect(majority.map(\.match) == ["e-mail"])
        #expect(majority.first?.suggestions == ["email"])
        #expect(majority.first?.message == "“e-mail”, but this article mostly uses “email”; use one form throughout")

        let tie = try Self.check(definition, "E-mail us. Every email is read. Up 5 per cent, or 5 percent.")
        #expect(tie.map(\.match) == ["email", "percent"])
        #expect(tie.map(\.suggestions) == [["e-mail"], ["per cent"]])

        let capital = try Self.check(definition, "E-mail us. We read every email, every email.")
        #expect(capital.map(\.suggestions) == [["Email"]])
        #expect(try Self.check(definition, "One email, two emails.").isEmpty)
    }

    @Test func consistencyAcrossARun() throws {
        let definition = try Self.rule("kind: consistency\ndescription: D.\ngroups: [[email, e-mail]]\nscope: run\n", id: "house.email")
        let made = try definition.make(RuleEnvironment(dataDirectory: TestSupport.root))
        #expect(!(made is any DocumentChecking))
        let run = try #require(made as? any RunJudging)
        let documents = [
            Self.document("An e-mail arrived.\n", path: "a.md"),
            Self.document("The email and\nthe email.\n", path: "b.md"),
            Self.document("<!-- redline-disable house.email -->\n\nAn e-mail, an e-mail, an e-mail.\n", path: "c.md"),
        ]
        let found = Self.judge(run, documents)
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.path == "a.md" && d.match == "e-mail" && d.suggestions == ["email"])
        #expect(d.start == SourceLocation(line: 1, column: 4) && d.end == SourceLocation(line: 1, column: 10))
        #expect(d.sourceLine == "An e-mail arrived.")
        #expect(d.message.contains("these files"))
    }

    // MARK: pattern

    @Test func patternScopes() throws {
        let text = "lower first.\n\nlower second.\n\nlower third.\n"
        let base = "kind: pattern\ndescription: Starts in lower case. More text.\npattern: '^[a-z]+'\n"
        #expect(try Self.matches(base, text).count == 3)
        #expect(try Self.check(try Self.rule(base + "scope: {first: 1}\n"), text).map(\.start.line) == [1])
        #expect(try Self.check(try Self.rule(base + "scope: {last: 2}\n"), text).map(\.start.line) == [3, 5])
        #expect(try Self.check(try Self.rule(base), text).first?.message == "Starts in lower case")
        // By line, `^` is the start of each line.
        let lines = "first line\nsecond line\n"
        #expect(try Self.matches(base, lines) == ["first"])
        #expect(try Self.matches(base + "over: line\n", lines) == ["first", "second"])
    }

    @Test func patternOnAFrontMatterField() throws {
        let text = "---\ntitle: \"Floods close the road.\"\nslug: floods_road_2025\n---\nBody text.\n"
        let title = try Self.check(try Self.rule("kind: pattern\ndescription: D.\npattern: '\\.$'\nscope: {field: title}\n"), text)
        #expect(title.map(\.match) == ["."])
        #expect(title.first?.start == SourceLocation(line: 2, column: 30))
        // A field Redline does not otherwise check (masked in the checkable text) is read as written.
        let slug = try Self.check(try Self.rule("kind: pattern\ndescription: D.\npattern: '_'\nscope: {field: slug}\n"), text)
        #expect(slug.count == 2)
        #expect(try Self.check(try Self.rule("kind: pattern\ndescription: D.\npattern: '_'\nscope: {field: missing}\n"), text).isEmpty)
    }

    @Test func patternSkipsMaskedText() throws {
        let yaml = "kind: pattern\ndescription: D.\npattern: '(?<=\\S) {2,}(?=\\S)'\nover: line\n"
        #expect(try Self.matches(yaml, "Use **bold** text and `code`.\n").isEmpty)
        #expect(try Self.matches(yaml, "Two  spaces.\n") == ["  "])
    }

    // MARK: Errors, with positions

    @Test func misspeltKey() throws {
        let e = try #require(Self.loadError("kind: existence\ndescription: Test.\ntokns: [foo]\n"))
        #expect((e.line, e.column) == (3, 1))
        #expect(e.message.contains("unknown key `tokns`") && e.message.contains("did you mean `tokens`?"))
        #expect(e.description.hasPrefix("test.yml:3:1: unknown key `tokns`"))
        // A key of another kind is unknown here too.
        let other = try #require(Self.loadError("kind: existence\ndescription: Test.\ntokens: [a]\nswap: {a: b}\n"))
        #expect((other.line, other.column) == (4, 1))
    }

    @Test func wrongTypes() throws {
        let list = try #require(Self.loadError("kind: existence\ndescription: Test.\ntokens: foo\n"))
        #expect((list.line, list.column) == (3, 9))
        #expect(list.message.contains("expected `tokens` to be a list") && list.message.contains("found text “foo”"))

        let flag = try #require(Self.loadError("kind: existence\ndescription: Test.\ntokens: [a]\nignorecase: sometimes\n"))
        #expect((flag.line, flag.column) == (4, 13))
        #expect(flag.message.contains("true or false"))

        let item = try #require(Self.loadError("kind: existence\ndescription: Test.\ntokens:\n  - a\n  - {b: c}\n"))
        #expect((item.line, item.column) == (5, 5))

        let number = try #require(Self.loadError("kind: pattern\ndescription: D.\npattern: x\nscope: {first: many}\n"))
        #expect((number.line, number.column) == (4, 16))
        #expect(number.message.contains("whole number"))

        let scope = try #require(Self.loadError("kind: pattern\ndescription: D.\npattern: x\nscope: {frist: 1}\n"))
        #expect((scope.line, scope.column) == (4, 9))
        #expect(scope.message.contains("did you mean `first`?"))

        let severity = try #require(Self.loadError("kind: pattern\ndescription: D.\npattern: x\nseverity: fatal\n"))
        #expect((severity.line, severity.column) == (4, 11))
        #expect(severity.message.contains("`info`, `warning`, `error`"))

        let group = try #require(Self.loadError("kind: consistency\ndescription: D.\ngroups:\n  - [email]\n"))
        #expect((group.line, group.column) == (4, 5))
    }

    @Test func badRegularExpression() throws {
        let e = try #require(Self.loadError("kind: existence\ndescription: Test.\npatterns:\n  - 'ok'\n  - '(unclosed'\n"))
        #expect((e.line, e.column) == (5, 5))
        #expect(e.message.contains("invalid regular expression “(unclosed”"))
        let p = try #require(Self.loadError("kind: pattern\ndescription: Test.\npattern: '[a-'\n"))
        #expect((p.line, p.column) == (3, 10))
    }

    @Test func unknownOrMissingKind() throws {
        let e = try #require(Self.loadError("description: Test.\nkind: existance\n"))
        #expect((e.line, e.column) == (2, 7))
        #expect(e.message.contains("“existance”") && e.message.contains("did you mean `existence`?"))
        let missing = try #require(Self.loadError("description: Test.\ntokens: [a]\n"))
        #expect((missing.line, missing.column) == (1, 1))
        #expect(missing.message.contains("missing required key `kind`"))
        let typo = try #require(Self.loadError("knd: existence\ndescription: Test.\n"))
        #expect((typo.line, typo.column) == (1, 1) && typo.message.contains("did you mean `kind`?"))
    }

    @Test func missingRequiredKeys() throws {
        let description = try #require(Self.loadError("kind: existence\ntokens: [a]\n"))
        #expect((description.line, description.column) == (1, 1) && description.message.contains("`description`"))
        let tokens = try #require(Self.loadError("kind: existence\ndescription: D.\n"))
        #expect(tokens.message.contains("`tokens:`"))
        let swap = try #require(Self.loadError("kind: substitution\ndescription: D.\n"))
        #expect(swap.message.contains("missing required key `swap`"))
    }

    @Test func badExamples() throws {
        let unmarked = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a]\nflag:\n  - no marks here\n"))
        #expect((unmarked.line, unmarked.column) == (5, 5) && unmarked.message.contains("« »"))
        let open = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a]\nflag: [\"«a\"]\n"))
        #expect((open.line, open.column) == (4, 8))
        let marked = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a]\npass: [\"«a»\"]\n"))
        #expect((marked.line, marked.column) == (4, 8))
        let fixed = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a]\nflag:\n  - {text: \"«a»\", fixed: b}\n"))
        #expect((fixed.line, fixed.column) == (5, 26) && fixed.message.contains("only for rules that fix"))
        let phrase = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [\"#tag\"]\n"))
        #expect((phrase.line, phrase.column) == (3, 10) && phrase.message.contains("letter or a digit"))
    }

    @Test func badYAML() throws {
        let empty = try #require(Self.loadError(""))
        #expect((empty.line, empty.column) == (1, 1) && empty.message.contains("empty rule file"))
        let comments = try #require(Self.loadError("# only a comment\n"))
        #expect(comments.message.contains("empty rule file"))
        let list = try #require(Self.loadError("- kind: existence\n- description: D.\n"))
        #expect((list.line, list.column) == (1, 1) && list.message.contains("found a list"))
        let scalar = try #require(Self.loadError("just text\n"))
        #expect(scalar.message.contains("found text"))
        let tab = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens:\n\t- a\n"))
        #expect(tab.line == 4 && tab.message.contains("tabs"))
        let utf8 = try #require(Self.loadError(bytes: Array("kind: existence\ndescription: caf".utf8) + [0xE9, 0x0A]))
        #expect((utf8.line, utf8.column) == (2, 17) && utf8.message.contains("UTF-8"))
        let duplicate = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a]\ntokens: [b]\n"))
        #expect(duplicate.message.contains("more than once"))
        let unclosed = try #require(Self.loadError("kind: existence\ndescription: D.\ntokens: [a, b\n"))
        #expect(unclosed.line >= 3 && unclosed.message.hasPrefix("not valid YAML"))
        let alias = try #require(Self.loadError("kind: existence\ndescription: &d D.\ntokens: [*d]\n"))
        #expect((alias.line, alias.column) == (2, 14) && alias.message.contains("anchors"))
        let deep = try #require(Self.loadError(String(repeating: "[", count: 5000)))
        #expect(deep.message.contains("nested"))
    }

    @Test func neverCrashesOnOddInput() {
        let inputs: [[UInt8]] = [
            [], [0xFF, 0xFE, 0x00], [0xEF, 0xBB, 0xBF], Array("---\n...\n".utf8), Array("---\n---\n".utf8),
            Array("kind: existence\n---\nkind: pattern\n".utf8), Array("{".utf8), Array("kind: [".utf8),
            Array("? [a, b]\n: c\n".utf8), Array("kind: !!binary aGVsbG8=\ndescription: D.\ntokens: [a]\n".utf8),
            Array("kind: existence\ndescription: D.\ntokens: [a]\nflag: [{text: [x]}]\n".utf8),
            Array("kind: existence\ndescription: D.\ntokens: []\n".utf8), Array("kind: ~\n".utf8), Array("null\n".utf8),
            Array(String(repeating: "- ", count: 3000).utf8), Array(String(repeating: "a: ", count: 3000).utf8),
            Array("a: &a [*a]\n".utf8), Array("kind: existence\ndescription: D.\ntokens: [\"\\u0000\"]\n".utf8),
        ]
        for input in inputs {
            do { _ = try RuleFileLoader.load(bytes: input, path: "odd.yml", id: "odd.rule") } catch {}
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("kind: existence\ndescription tokens[]{}-,:'\"\t #&*!|>«»%\\".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            do { _ = try RuleFileLoader.load(bytes: bytes, path: "fuzz.yml", id: "fuzz.rule") } catch {}
        }
    }

    // MARK: The engine

    @Test func linterLoadsRulePathsAndReportsErrorsWithPositions() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.write("kind: existence\ndescription: D.\ntokens: [foo]\n", to: folder + "/newsroom/foo.yml")
        try Self.write("kind: existence\ndescription: D.\ntokens: [bar]\n", to: folder + "/single.yml")
        let registry = try Linter.registry(base: RuleRegistry(), dataDirectory: TestSupport.root,
                                           rulePaths: [folder + "/newsroom", folder + "/single.yml"])
        let ids = Set(registry.infos.map(\.id))
        #expect(ids.isSuperset(of: ["house.kiev", "foo", "single"]))

        try Self.write("kind: existence\ndescription: D.\ntokns: [foo]\n", to: folder + "/broken/bad.yml")
        var options = LintOptions()
        options.rulePaths = [folder + "/broken"]
        do {
            _ = try Linter(registry: RuleRegistry(), options: options, dataDirectory: TestSupport.root)
            Issue.record("a broken rule file must stop the linter")
        } catch {
            #expect("\(error)".hasPrefix(folder + "/broken/bad.yml:3:1: unknown key `tokns`"))
        }
        options.rulePaths = [folder + "/missing"]
        #expect(throws: RuleFileError.self) { _ = try Linter(registry: RuleRegistry(), options: options, dataDirectory: TestSupport.root) }
    }

    @Test func aRuleFilesExamplesRunThroughTheLinter() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.write("""
            kind: substitution
            description: Colour, the house spelling.
            swap: {color: colour}
            flag:
              - text: "A «color» chart and a «Color» key."
                fixed: "A colour chart and a Colour key."
            pass: ["A colour chart."]
            """, to: folder + "/house/colour.yml")
        var options = LintOptions()
        options.rulePaths = [folder]
        let linter = try Linter(registry: RuleRegistry(), options: options, dataDirectory: TestSupport.root)
        let info = try #require(linter.registry.definition(withID: "house.colour")?.info)
        for example in info.flags {
            let marked = MarkedText(example.text)
            let found = linter.check(text: marked.text, path: "example.md").filter { $0.ruleID == info.id }
            #expect(found.map(\.span) == marked.spans)
            let fixed = String(decoding: FixApplier.apply(found, to: Array(marked.text.utf8)), as: UTF8.self)
            #expect(fixed == example.fixed)
        }
        for example in info.passes {
            #expect(linter.check(text: example.text, path: "example.md").filter { $0.ruleID == info.id }.isEmpty)
        }
    }

    // MARK: Internals

    @Test func requiredLiterals() {
        func literal(_ pattern: String) -> String { String(decoding: RegexLiteral.required(in: pattern), as: UTF8.self) }
        #expect(literal("\\bsources (?:say|said)\\b") == "sources ")
        #expect(literal("(?<=\\S) {2,}(?=\\S)") == "  ")
        #expect(literal("Kiev'?s") == "kiev")
        #expect(literal("colou?r") == "colo")
        #expect(literal("a|b") == "")
        #expect(literal("[abc]+def\\.x") == "def.x")
        #expect(literal("\\x41BC") == "bc")
        #expect(literal("(?x) a b c") == "")
        #expect(literal("\\Qa.b\\E") == "")
        #expect(literal("[]x]yz") == "yz")
    }
}
