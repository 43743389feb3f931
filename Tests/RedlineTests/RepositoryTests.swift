import Foundation
import Testing
import Yams
import RedlineCore
@testable import RedlineKit

/// Repository mode, changed files, the baseline, the cache, shards and facts, through the
/// `redline` executable on small git repositories made for each test.
@Suite struct RepositoryTests {
    /// A temporary git repository with `files` committed (and `untracked` left uncommitted).
    static func repository(_ files: [String: String], untracked: [String: String] = [:]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-repo-\(UUID().uuidString)").path
        try write(files, in: dir)
        try git(["init", "-q"], in: dir)
        try git(["add", "-A"], in: dir)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start"], in: dir)
        try write(untracked, in: dir)
        return dir
    }

    static func write(_ files: [String: String], in dir: String) throws {
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    static func git(_ arguments: [String], in dir: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// `redline check --format json` in `dir`: the findings as "path rule match" lines, sorted.
    static func findings(_ arguments: [String], in dir: String) throws -> (code: Int32, lines: [String], stderr: String) {
        let (code, out, err) = try TestSupport.run(["check", "--format", "json", "--no-progress"] + arguments, workingDirectory: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)\n\(err)")
        var lines: [String] = []
        for file in json["files"] as? [[String: Any]] ?? [] {
            let path = file["path"] as! String
            let findings = file["findings"] as? [[String: Any]] ?? []
            if findings.isEmpty { lines.append("\(path) -") }
            for f in findings { lines.append("\(path) \(f["rule"]!) \(f["match"]!)") }
        }
        return (code, lines.sorted(), err)
    }

    static let clean = "The council met on Monday and agreed the budget.\n"

    @Test func foldersInAGitWorkTreeAreListedByGitWithItsIgnoreRules() throws {
        let dir = try Self.repository(["news/a.md": Self.clean, ".gitignore": "drafts/\n", "notes/.hidden.md": "A goverment.\n"],
                                      untracked: ["news/b.md": "The goverment fell.\n", "drafts/c.md": "A goverment.\n"])
        let (_, lines, _) = try Self.findings(["."], in: dir)
        #expect(lines == ["./news/a.md -", "./news/b.md spelling.misspelled goverment"])
        // Without git, the folder is walked: the ignored draft is checked too (hidden files are not).
        let (_, walked, _) = try Self.findings(["--no-git", "."], in: dir)
        #expect(walked.contains("./drafts/c.md spelling.misspelled goverment"))
        #expect(!walked.contains { $0.contains(".hidden") })
    }

    static let yanukovych = "President Viktor Yanukovych spoke in the capital on Monday.\n"

    @Test func changedSinceChecksOnlyChangedFilesButJudgesAgainstTheWholeRepository() throws {
        let dir = try Self.repository(["a.md": Self.yanukovych, "b.md": Self.yanukovych, "c.md": Self.clean])
        try Self.write(["c.md": "Viktor Yanukovich left the capital on Tuesday.\n"], in: dir)
        let (code, lines, err) = try Self.findings(["--changed-since", "HEAD"], in: dir)
        #expect(code == 0, "\(err)")
        #expect(lines == ["./c.md names.repo-inconsistent Yanukovich"])
        let (_, out, _) = try TestSupport.run(["check", "--changed-since", "HEAD", "--no-progress"], workingDirectory: dir)
        #expect(out.contains("“Yanukovych” in 2 files, “Yanukovich” in 1 file"), "\(out)")
        // An unknown commit is a usage error naming it.
        let (bad, _, message) = try TestSupport.run(["check", "--changed-since", "no-such-ref"], workingDirectory: dir)
        #expect(bad == 2 && message.contains("no-such-ref"), "\(message)")
    }

    @Test func changedSinceWithAWarmCacheGivesTheVerdictOfAWholeRun() throws {
        let dir = try Self.repository(["a.md": Self.yanukovych, "b.md": Self.yanukovych, "c.md": Self.clean,
                                       "d.md": "A bakery won a prize for its bread.\n"])
        #expect(try Self.findings(["--cache", "."], in: dir).lines == ["./a.md -", "./b.md -", "./c.md -", "./d.md -"])
        try Self.write(["c.md": "Viktor Yanukovich left the capital on Tuesday.\n"], in: dir)
        let whole = try TestSupport.run(["check", "--no-progress", "c.md"], workingDirectory: dir)
        for _ in 0..<2 {
            // The second time, the verdict kept for exactly this change is reused.
            let (_, out, err) = try TestSupport.run(["check", "--cache", "--changed-since", "HEAD", "--no-progress"],
                                                    workingDirectory: dir)
            #expect(out.contains("“Yanukovych” in 2 files, “Yanukovich” in 1 file"), "\(out)\n\(err)")
            #expect(out.components(separatedBy: "\n").filter { $0.contains("names.repo-inconsistent") }.count == 1, "\(out)")
            #expect(!whole.1.contains("names.repo-inconsistent"), "c.md alone has nothing to compare with")
        }
    }

    @Test func aTrackedFileDeletedFromTheWorkTreeIsPassedOver() throws {
        let dir = try Self.repository(["a.md": "A goverment.\n", "b.md": Self.clean])
        try FileManager.default.removeItem(atPath: dir + "/b.md")
        let (code, lines, err) = try Self.findings(["."], in: dir)
        #expect(code == 1 && lines == ["./a.md spelling.misspelled goverment"], "\(err)")
        #expect(!err.contains("b.md"), "\(err)")
    }

    @Test func filesFromReadsAListAndPassesOverMissingAndOtherFiles() throws {
        let dir = try Self.repository(["a.md": "A goverment.\n", "b.md": Self.clean, "c.txt": "Another goverment.\n"])
        try "a.md\nimage.png\ngone.md\nc.txt\n".write(toFile: dir + "/list", atomically: true, encoding: .utf8)
        let (_, lines, _) = try Self.findings(["--files-from", "list"], in: dir)
        #expect(lines == ["a.md spelling.misspelled goverment", "c.txt spelling.misspelled goverment"])
    }

    @Test func baselineHidesRecordedFindingsCountsThemAndListsStaleOnes() throws {
        let dir = try Self.repository(["a.md": "Intro line.\n\nThe goverment fell.\n", "b.md": "A goverment rose.\n"])
        let (written, _, note) = try TestSupport.run(["baseline", "write", "--no-progress"], workingDirectory: dir)
        #expect(written == 0 && note.contains("wrote 2 findings"), "\(note)")
        #expect(try Self.findings(["."], in: dir).lines == ["./a.md -", "./b.md -"])
        // Unrelated lines moving does not disturb the baseline; a new misspelling is reported.
        try Self.write(["a.md": "New first paragraph.\n\nIntro line.\n\nThe goverment fell.\n\nThe goverment fell.\n"], in: dir)
        #expect(try Self.findings(["."], in: dir).lines == ["./a.md spelling.misspelled goverment", "./b.md -"])
        #expect(try Self.findings(["--no-baseline", "."], in: dir).lines.count == 3)
        // Fixing b.md leaves its entry stale.
        try Self.write(["b.md": "A government rose.\n"], in: dir)
        let (stale, out, _) = try TestSupport.run(["baseline", "check", "--no-progress"], workingDirectory: dir)
        #expect(stale == 1 && out.contains("b.md: spelling.misspelled “goverment”: no longer found"), "\(out)")
    }

    @Test func cacheGivesTheSameOutputAndFollowsConfigurationChanges() throws {
        let dir = try Self.repository(["a.md": Self.yanukovych, "b.md": "Viktor Yanukovich said the goverment would fall.\n",
                                       "c.md": Self.yanukovych])
        let cold = try TestSupport.run(["check", "--cache", "--format", "json", "."], workingDirectory: dir)
        let entries = try FileManager.default.subpathsOfDirectory(atPath: dir + "/.redline-cache")
        #expect(entries.filter { $0.hasSuffix("/results.pack") }.count == 1)
        let warm = try TestSupport.run(["check", "--cache", "--format", "json", "."], workingDirectory: dir)
        #expect(warm.1 == cold.1 && warm.0 == cold.0)
        #expect(cold.1.contains("names.repo-inconsistent") && cold.1.contains("goverment"))
        // A word list changes the fingerprint: the cached result is not reused.
        try "goverment\n".write(toFile: dir + "/words.list", atomically: true, encoding: .utf8)
        let (_, lines, _) = try Self.findings(["--cache", "--words", "words.list", "."], in: dir)
        #expect(!lines.contains { $0.contains("goverment") })
        // One file changed: its new text is checked, the others come from the cache.
        try Self.write(["b.md": "Viktor Yanukovych said the goverment would fall.\n"], in: dir)
        let after = try Self.findings(["--cache", "."], in: dir).lines
        #expect(after == ["./a.md -", "./b.md spelling.misspelled goverment", "./c.md -"])
    }

    @Test func outputIsTheSameWhateverTheNumberOfJobs() throws {
        let folder = TestSupport.fixture("")
        let one = try TestSupport.run(["check", "--format", "json", "--jobs", "1", folder])
        let four = try TestSupport.run(["check", "--format", "json", "--jobs", "4", folder])
        #expect(one.1 == four.1 && one.0 == four.0)
        #expect(one.1.contains("\"findings\""))
    }

    @Test func shardsSplitTheFilesAndFactsLetThemJudgeAcrossShards() throws {
        var files: [String: String] = [:]
        for i in 0..<12 { files["f\(i).md"] = i == 5 ? "Viktor Yanukovich spoke on Monday.\n" : Self.yanukovych }
        let dir = try Self.repository(files)
        let full = try Self.findings(["."], in: dir).lines
        #expect(full.filter { $0.contains("names.repo-inconsistent") } == ["./f5.md names.repo-inconsistent Yanukovich"])
        var union: [String] = []
        var merged: [String] = []
        for i in 1...3 {
            let (code, _, err) = try TestSupport.run(["facts", "--shard", "\(i)/3", "-o", "facts-\(i).json", "--no-progress", "."],
                                                     workingDirectory: dir)
            #expect(code == 0, "\(err)")
        }
        for i in 1...3 {
            let share = try Self.findings(["--shard", "\(i)/3", "."], in: dir).lines
            union += share
            merged += try Self.findings(["--shard", "\(i)/3", "--facts", "facts-1.json", "--facts", "facts-2.json",
                                         "--facts", "facts-3.json", "."], in: dir).lines
        }
        // Every file is in exactly one shard; with all shards' facts the cross-file finding is back.
        #expect(union.map { $0.split(separator: " ")[0] }.sorted() == full.map { $0.split(separator: " ")[0] }.sorted())
        #expect(merged.sorted() == full)
        let bad = try TestSupport.run(["check", "--shard", "4/3", "."], workingDirectory: dir)
        #expect(bad.0 == 2 && bad.2.contains("--shard"))
    }

    @Test func shardOfAPathIsStable() {
        let shard = Shard("2/4")!
        #expect(shard.contains("news/a.md") == shard.contains("./news/a.md"))
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("x") == nil)
        let owners = (1...4).map { Shard("\($0)/4")! }
        for name in ["a.md", "b.md", "news/c.txt"] { #expect(owners.filter { $0.contains(name) }.count == 1) }
    }
}

/// The progress bar, the GitHub action and the pre-commit hooks.
@Suite struct IntegrationTests {
    @Test func progressBarShowsOnATerminalOnly() throws {
        let folder = TestSupport.fixture("")
        // `script` gives the command a terminal; the bar is told to appear at once.
        let command = "\(TestSupport.executable) check --format json \(folder) >/dev/null"
        let (_, out, _) = try TestSupport.runTool("/usr/bin/script", ["-qec", command, "/dev/null"],
                                                  environment: ["REDLINE_PROGRESS_AFTER": "0"])
        #expect(out.contains(" files  0:"), "\(out)")
        #expect(out.contains("\u{1B}[2K"), "the bar is erased at the end")
        let (_, _, err) = try TestSupport.run(["check", folder], environment: ["REDLINE_PROGRESS_AFTER": "0"])
        #expect(!err.contains(" files  0:"))
    }

    @Test func actionAndHooksUseOptionsRedlineHas() throws {
        let action = try String(contentsOfFile: TestSupport.root + "/action.yml", encoding: .utf8)
        let hooks = try String(contentsOfFile: TestSupport.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let parsed = try #require(try Yams.load(yaml: action) as? [String: Any])
        let runs = try #require(parsed["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let help = try TestSupport.run(["check", "--help"]).1 + TestSupport.run(["facts", "--help"]).1
        let flags = Set((action + hooks).matches(of: /(--[a-z][a-z-]+)/).map { String($0.1) })
        #expect(flags.contains("--changed-since") && flags.contains("--facts"))
        // Options of swift build and pkg-config, not of redline.
        for flag in flags where !["--package-path", "--product", "--static-swift-stdlib", "--exists"].contains(flag) {
            #expect(help.contains(flag), "\(flag) is not an option of redline check or facts")
        }
        let hookList = try #require(try Yams.load(yaml: hooks) as? [[String: Any]])
        #expect(hookList.map { $0["id"] as? String } == ["redline", "redline-fix"])
    }
}

/// The cache's pack file.
@Suite struct ResultCacheTests {
    @Test func packRoundTripsAndDamagedPacksCountAsEmpty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-cache-\(UUID().uuidString)").path
        let cache = ResultCache(directory: dir, fingerprint: 42)
        let result = FileResult(path: "a.md", diagnostics: [], fileSystemPath: "a.md", contentHash: 7, isRewritable: true)
        let old = FileStamp(size: 10, modified: 1_000_000_000)
        cache.store(CheckedFile(result: result, facts: FileFacts(path: "a.md")), links: nil, stat: old)
        cache.save()
        let again = ResultCache(directory: dir, fingerprint: 42)
        #expect(again.unchangedHash(path: "a.md", stat: old) == 7)
        #expect(again.unchangedHash(path: "a.md", stat: FileStamp(size: 11, modified: 1_000_000_000)) == nil)
        #expect(again.result(path: "a.md", contentHash: 7, fileSystemPath: "a.md")?.isRewritable == true)
        #expect(again.result(path: "a.md", contentHash: 8, fileSystemPath: "a.md") == nil)
        // A recently modified file's stamp is not trusted (it could change again unseen).
        let recent = FileStamp.of(dir + "/" + Hex.string(42) + "/results.pack")!
        cache.store(CheckedFile(result: result, facts: FileFacts(path: "a.md")), links: nil, stat: recent)
        #expect(cache.unchangedHash(path: "a.md", stat: recent) == nil)
        // A truncated pack is ignored, not trusted.
        let pack = dir + "/" + Hex.string(42) + "/results.pack"
        let bytes = try #require(FileManager.default.contents(atPath: pack))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: pack))
        #expect(ResultCache(directory: dir, fingerprint: 42).unchangedHash(path: "a.md", stat: old) == nil)
    }

    @Test func laterRunsAppendToThePackAndATornAppendIsPassedOver() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-cache-\(UUID().uuidString)").path
        let pack = dir + "/" + Hex.string(42) + "/results.pack"
        let stamp = FileStamp(size: 10, modified: 1_000_000_000)
        func store(_ cache: ResultCache, _ path: String, _ hash: UInt64) {
            let result = FileResult(path: path, diagnostics: [], fileSystemPath: path, contentHash: hash, isRewritable: true)
            cache.store(CheckedFile(result: result, facts: FileFacts(path: path)), links: nil, stat: stamp)
        }
        func hashes() -> [UInt64?] {
            let cache = ResultCache(directory: dir, fingerprint: 42)
            return ["a.md", "b.md", "c.md"].map { cache.unchangedHash(path: $0, stat: stamp) }
        }
        let first = ResultCache(directory: dir, fingerprint: 42)
        store(first, "a.md", 1)
        store(first, "b.md", 2)
        first.save()
        let one = try #require(FileManager.default.contents(atPath: pack))
        // A second run that changes one entry appends it: the pack as it was is left as it was.
        let second = ResultCache(directory: dir, fingerprint: 42)
        store(second, "a.md", 3)
        second.save()
        let two = try #require(FileManager.default.contents(atPath: pack))
        #expect(two.count > one.count && two.prefix(one.count) == one)
        #expect(hashes() == [3, 2, nil])
        // An append cut short (a crash) is passed over; the next save writes the pack afresh.
        try two.prefix(two.count - 5).write(to: URL(fileURLWithPath: pack))
        #expect(hashes() == [1, 2, nil])
        let third = ResultCache(directory: dir, fingerprint: 42)
        store(third, "c.md", 4)
        third.save()
        #expect(hashes() == [1, 2, 4])
        // Once superseded entries would make up half the pack, it is written afresh.
        let whole = try #require(FileManager.default.contents(atPath: pack)).count
        for hash in UInt64(5)...10 {
            let cache = ResultCache(directory: dir, fingerprint: 42)
            store(cache, "a.md", hash)
            cache.save()
        }
        #expect(hashes() == [10, 2, 4])
        #expect(try #require(FileManager.default.contents(atPath: pack)).count < 2 * whole)
    }

    @Test func diagnosticsRoundTripThroughTheBinaryForm() throws {
        let d = Diagnostic(path: "news/ä.md", ruleID: "names.repo-inconsistent", category: .transliteration, severity: .warning,
                           span: Span(3, 12), start: SourceLocation(line: 2, column: 4), end: SourceLocation(line: 2, column: 13),
                           match: "Zelenskiy’s", message: "“Zelenskiy” here", suggestions: ["Zelenskyy", "Zelensky"],
                           fix: .init(span: Span(3, 12), start: SourceLocation(line: 2, column: 4),
                                      end: SourceLocation(line: 2, column: 13), replacement: "Zelenskyy’s"),
                           related: [RelatedLocation(path: "b.md", start: SourceLocation(line: 1, column: 1),
                                                     end: SourceLocation(line: 1, column: 9), message: "“Zelenskyy” here")],
                           sourceLine: "Mr Zelenskiy’s plan")
        var plain = d
        plain.fix = nil
        plain.related = []
        let data = DiagnosticCodec.encode([d, plain])
        #expect(DiagnosticCodec.decode(data[...]) == [d, plain])
        #expect(DiagnosticCodec.decode(([0, 0] + data)[2...]) == [d, plain], "a slice that does not start at 0")
        #expect(DiagnosticCodec.decode(data.dropLast()) == nil)
        #expect(DiagnosticCodec.decode([]) == nil)
    }
}
