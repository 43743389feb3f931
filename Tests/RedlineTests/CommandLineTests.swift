import Foundation
import Testing

/// The `redline` executable end to end: output formats, exit codes, stdin, errors.
@Suite struct CommandLineTests {
    @Test func seedReportsAbalzeAtItsPlace() throws {
        guard let shared = TestSupport.shared else { return }  // ../shared is absent in a user's clone
        let seed = shared + "/seeds/000_77e12d909ed54a99.txt"
        let (code, out, _) = try TestSupport.run(["check", seed])
        #expect(code == 1)
        #expect(out.contains("\(seed):9:182: error [spelling.misspelled]"))
        let (_, json, _) = try TestSupport.run(["check", "--format", "json", seed])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        let abalze = try #require(findings.first { $0["match"] as? String == "abalze" })
        #expect(abalze["line"] as? Int == 9)
        #expect(abalze["column"] as? Int == 182)
        #expect(abalze["endColumn"] as? Int == 188)
        #expect((abalze["suggestions"] as? [String])?.first == "ablaze")
        #expect((abalze["fix"] as? [String: Any])?["replacement"] as? String == "ablaze")
    }

    @Test func jsonFollowsTheContract() throws {
        let (code, out, _) = try TestSupport.run(["check", "--format", "json", "-"], stdin: "A goverment spokesman.\n")
        #expect(code == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 1, "warnings": 0, "infos": 0])
        let finding = try #require(((object["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "spelling.misspelled")
        #expect(finding["category"] as? String == "spelling")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["match"] as? String == "goverment")
        #expect(finding["line"] as? Int == 1 && finding["column"] as? Int == 3 && finding["endColumn"] as? Int == 12)
        // Keys in the documented order.
        let keys = ["\"rule\"", "\"category\"", "\"severity\"", "\"line\"", "\"column\"", "\"endLine\"", "\"endColumn\"", "\"match\"", "\"message\"", "\"suggestions\""]
        let positions = keys.map { out.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func exitCodesFollowTheFailLevel() throws {
        #expect(try TestSupport.run(["check", "-"], stdin: "All is well here.\n").0 == 0)
        #expect(try TestSupport.run(["check", "-"], stdin: "A goverment plan.\n").0 == 1)
        #expect(try TestSupport.run(["check", "--fail-on", "never", "-"], stdin: "A goverment plan.\n").0 == 0)
        let (code, _, err) = try TestSupport.run(["check", "no/such/file.md"])
        #expect(code == 2)
        #expect(err.contains("no/such/file.md"))
        #expect(try TestSupport.run(["check", "--format", "yaml", "-"], stdin: "x\n").0 == 2)
        #expect(try TestSupport.run(["check", "--date", "July 4", "-"], stdin: "x\n").0 == 2)
    }

    @Test func textOutputShowsLineCaretAndSuggestions() throws {
        let (_, out, _) = try TestSupport.run(["check", "--stdin-filename", "story.md", "-"], stdin: "# Title\n\nThe goverment said.\n")
        #expect(out.contains("story.md:3:5: error [spelling.misspelled] “goverment” is not in the dictionary"))
        #expect(out.contains("    The goverment said.\n        ^^^^^^^^^\n"))
        #expect(out.contains("government"))
        #expect(!out.contains("\u{1B}["), "no colour when piped")
    }

    @Test func latin1FileGetsAnEncodingFindingAndIsStillChecked() throws {
        let path = TestSupport.fixture("latin1.txt")
        let (code, out, _) = try TestSupport.run(["check", "--format", "json", path])
        #expect(code == 1)
        #expect(out.contains("\"rule\": \"encoding.invalid-utf8\""))
        #expect(out.contains("\"match\": \"é\""))
        #expect(out.contains("\"match\": \"goverment\""))
        #expect(!out.contains("\"fix\""), "a file that is not UTF-8 is never rewritten")
    }

    @Test func versionAndHelp() throws {
        let (code, out, _) = try TestSupport.run(["--version"])
        #expect(code == 0 && out.contains("0."))
        let (hcode, help, _) = try TestSupport.run(["check", "--help"])
        #expect(hcode == 0 && help.contains("--fail-on") && help.contains("--format"))
    }
}
