import Foundation
@testable import RedlineKit
import Testing

/// `.redline.yml`: discovery, extends, strict errors with positions, rule switches and severities.
@Suite struct ConfigurationTests {
    /// A temporary folder with files; removed by the caller's defer.
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-config-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func misspeltKeyIsAnErrorAtItsPosition() throws {
        let dir = try folder([".redline.yml": "lang: en_GB\nrulez:\n  spelling: off\n", "a.txt": "The goverment.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, _, err) = try TestSupport.run(["check", dir.appendingPathComponent("a.txt").path])
        #expect(code == 2)
        #expect(err.contains(".redline.yml:2:1: unknown setting 'rulez' (did you mean 'rules'?)"), "\(err)")
    }

    @Test func wrongTypesAndBadYAMLNameTheirPlace() throws {
        let dir = try folder([".redline.yml": "rules:\n  spelling.misspelled: sometimes\n", "a.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, _, err) = try TestSupport.run(["check", dir.appendingPathComponent("a.txt").path])
        #expect(code == 2)
        #expect(err.contains(".redline.yml:2:24: rules.spelling.misspelled: expected off, on, error, warning or info, got 'sometimes'"), "\(err)")

        let bad = try folder([".redline.yml": "rules: [unclosed\n", "a.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: bad) }
        let (badCode, _, badErr) = try TestSupport.run(["check", bad.appendingPathComponent("a.txt").path])
        #expect(badCode == 2)
        #expect(badErr.contains(".redline.yml:2:1: not valid YAML"), "\(badErr)")
    }

    @Test func turningARuleOffRemovesItsFindings() throws {
        let dir = try folder([".redline.yml": "rules:\n  spelling.misspelled: off\n", "a.txt": "The goverment said.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, out, _) = try TestSupport.run(["check", dir.appendingPathComponent("a.txt").path])
        #expect(code == 0)
        #expect(out.contains("No problems found"))
    }

    @Test func severityOverrideChangesTheExitCode() throws {
        let dir = try folder([".redline.yml": "rules:\n  spelling: warning\n", "a.txt": "The goverment said.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        let (code, out, _) = try TestSupport.run(["check", path])
        #expect(code == 0, "a warning is below the default fail level")
        #expect(out.contains("warning [spelling.misspelled]"))
        #expect(try TestSupport.run(["check", "--fail-on", "warning", path]).0 == 1)
    }

    @Test func failOnFromConfiguration() throws {
        let dir = try folder([".redline.yml": "fail_on: never\n", "a.txt": "The goverment said.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, _, _) = try TestSupport.run(["check", "a.txt"], workingDirectory: dir.path)
        #expect(code == 0)
    }

    @Test func extendsAndNearestFileWins() throws {
        let dir = try folder([
            "base.yml": "rules:\n  spelling.misspelled: off\n  style: off\n",
            "content/.redline.yml": "extends: ../base.yml\nrules:\n  style: on\n",
            "content/a.txt": "The goverment centre had a new color.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, out, _) = try TestSupport.run(["check", "--format", "json", dir.appendingPathComponent("content/a.txt").path])
        #expect(!out.contains("spelling.misspelled"))
        #expect(out.contains("style.mixed-dialect"))
        let config = try ConfigResolver().configuration(forFile: dir.appendingPathComponent("content/a.txt").path)
        #expect(config.sources.map { ($0 as NSString).lastPathComponent } == ["base.yml", ".redline.yml"])
    }

    /// One run over folders with configurations of their own: each file is checked with its
    /// nearest configuration, folders that share one are grouped, and a configuration seen
    /// again after another folder's is the same group.
    @Test func oneRunOverFoldersWithTheirOwnConfigurations() throws {
        let dir = try folder([
            ".redline.yml": "rules:\n  style: off\n",
            "a/one.txt": "The goverment said on Monday.\n",
            "b/.redline.yml": "rules:\n  spelling.misspelled: off\n",
            "b/two.txt": "The goverment met on Tuesday.\n",
            "b/deeper/three.txt": "The goverment spoke on Wednesday.\n",
            "c/four.txt": "The goverment agreed on Thursday.\n",
            "five.txt": "The goverment left on Friday.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, out, err) = try TestSupport.run(["check", "--format", "json", dir.path])
        let rules = try HostileInputTests.rulesByFile(out)
        #expect(rules == ["one.txt": ["spelling.misspelled"], "two.txt": [], "three.txt": [],
                          "four.txt": ["spelling.misspelled"], "five.txt": ["spelling.misspelled"]], "\(err)")
        #expect(CheckSession.folder(of: "a/b/c.md") == "a/b" && CheckSession.folder(of: "c.md") == ""
                && CheckSession.folder(of: "/c.md") == "")
    }

    @Test func extendsLoopIsAnError() throws {
        let dir = try folder([".redline.yml": "extends: other.yml\n", "other.yml": "extends: .redline.yml\n", "a.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, _, err) = try TestSupport.run(["check", dir.appendingPathComponent("a.txt").path])
        #expect(code == 2)
        #expect(err.contains("extends loops back"))
    }

    @Test func includeAndExcludeGlobs() throws {
        let dir = try folder([
            ".redline.yml": "include: [\"content/**/*.md\"]\nexclude: [\"content/drafts/**\"]\n",
            "content/news/a.md": "The goverment said.\n",
            "content/drafts/b.md": "The goverment said.\n",
            "notes.txt": "The goverment said.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, out, _) = try TestSupport.run(["check", "--format", "json", dir.path])
        #expect(out.contains("content/news/a.md"))
        #expect(!out.contains("drafts/b.md"))
        #expect(!out.contains("notes.txt"))
        #expect(Glob("content/**/*.md").matches("content/a/b/c.md"))
        #expect(Glob("content/**/*.md").matches("content/c.md"))
        #expect(!Glob("content/*.md").matches("content/a/c.md"))
    }

    @Test func unknownRuleIdIsAWarningThatNamesIt() throws {
        let dir = try folder([".redline.yml": "rules:\n  spelling.misspeled: off\n", "a.txt": "All fine here.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, _, err) = try TestSupport.run(["check", dir.appendingPathComponent("a.txt").path])
        #expect(code == 0)
        #expect(err.contains(".redline.yml:2:3: warning: unknown rule or category 'spelling.misspeled'"), "\(err)")
    }

    @Test func ignorePatternsDropFindingsInPlainText() throws {
        let dir = try folder([".redline.yml": "ignore: ['SLUG: .*']\n", "a.txt": "SLUG: goverment-wrap\nThe goverment said.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, out, _) = try TestSupport.run(["check", "--format", "json", dir.appendingPathComponent("a.txt").path])
        #expect(out.components(separatedBy: "\"match\": \"goverment\"").count == 2, "only the second line is reported")
    }

    @Test func configCommandShowsTheEffectiveConfiguration() throws {
        let dir = try folder([".redline.yml": "lang: en_GB\nhouse: {names: ap}\ndate_field: published\n", "a.md": "x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, out, _) = try TestSupport.run(["config", dir.appendingPathComponent("a.md").path])
        #expect(code == 0)
        #expect(out.contains("lang: en_GB"))
        #expect(out.contains("house: names: ap"))
        #expect(out.contains("date_field: published"))
    }

    @Test func rulesCommandListsEveryRuleWithItsState() throws {
        let (code, out, _) = try TestSupport.run(["rules", "--format", "json"])
        #expect(code == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        let unknownName = try #require(items.first { $0["id"] as? String == "spelling.unknown-name" })
        #expect(unknownName["enabled"] as? Bool == false)
        #expect(items.contains { $0["id"] as? String == "spelling.misspelled" && $0["enabled"] as? Bool == true })
    }

    @Test func metadataAllowListReachesTheRules() throws {
        let dir = try folder([".redline.yml": "metadata:\n  allow: [\"Reporting by the Desk\"]\n", "a.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = CheckSession(dataDirectory: TestSupport.root, commandLine: LintOptions(), commandLineSetsLanguage: false)
        let config = try session.configuration(forFile: dir.appendingPathComponent("a.txt").path)
        #expect(session.options(for: config).values["metadata.allow"] == "Reporting by the Desk")

        let bad = try folder([".redline.yml": "metadata:\n  alow: [x]\n", "a.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: bad) }
        let (code, _, err) = try TestSupport.run(["check", bad.appendingPathComponent("a.txt").path])
        #expect(code == 2)
        #expect(err.contains(".redline.yml:2:3: metadata: unknown setting 'alow'; expected allow"), "\(err)")
    }
}
