import Foundation
import RedlineCore
import RedlineKit
import Testing

/// Hostile files and faults, through the real `redline` binary: each gives a clear message or
/// a correct result in bounded time; none crashes, hangs or loses a word. The table of cases
/// and outcomes is in docs/hostile-input.md; `scripts/hostile/make-files.py --big` makes the
/// 50 MB and 100,000-file cases for a local run.
@Suite(.serialized) struct HostileInputTests {
    static func folder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func sh(_ command: String, in dir: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// The JSON report's findings by file name: rule ids in order.
    static func rulesByFile(_ json: String) throws -> [String: [String]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var out: [String: [String]] = [:]
        for file in object["files"] as? [[String: Any]] ?? [] {
            let name = ((file["path"] as? String ?? "") as NSString).lastPathComponent
            out[name] = (file["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }
        return out
    }

    /// The small set of scripts/hostile/make-files.py in one run: every file is checked or
    /// skipped with a note, with the findings it should have, in bounded time.
    @Test func hostileFilesInOneRun() throws {
        let dir = try Self.folder("hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.sh("python3 '\(TestSupport.root)/scripts/hostile/make-files.py' '\(dir)'", in: dir) == 0)
        let started = Date()
        // A generous limit: a debug build on a busy two-core machine.
        let (code, out, err) = try TestSupport.run(["check", "--format", "json", "--file-timeout", "300", dir])
        let seconds = Date().timeIntervalSince(started)
        #expect(code == 1, "\(err)")
        let rules = try Self.rulesByFile(out)
        for name in ["empty.md", "blank.md", "front-matter-only.md", "many-lines.md"] {
            #expect(rules[name, default: []].isEmpty, "\(name): \(rules[name] ?? [])")
        }
        let unterminated = rules["front-matter-unterminated.md", default: []]
        #expect(unterminated.contains("metadata.invalid-front-matter") && unterminated.contains("spelling.misspelled"))
        #expect(rules["latin1.txt"] == ["encoding.invalid-utf8"])
        // UTF-16 is decoded and checked (never rewritten).
        for name in ["utf16le.txt", "utf16be.md"] {
            let found = rules[name, default: []]
            #expect(found.first == "encoding.invalid-utf8" && found.contains("spelling.misspelled"), "\(name): \(found)")
        }
        // An unterminated code fence runs to the end: nothing after it is checked.
        #expect(rules["unterminated.md"] == [])
        #expect(out.contains("is UTF-16LE (it starts with a byte-order mark)"))
        #expect(err.contains("nul.md: binary file (NUL bytes); skipped"), "\(err)")
        #expect(rules["nul.md"] == nil)
        for name in ["nested-quotes.md", "nested-lists.md", "brackets.md", "emphasis.md", "long-line.txt", "crlf-cr.md"] {
            #expect(rules[name, default: []].contains("spelling.misspelled"), "\(name): \(rules[name] ?? [])")
        }
        #expect(rules["nested-indented-lists.md"] != nil)
        #expect(!out.contains("engine.timeout"))
        #expect(seconds < 240, "took \(seconds) s")
    }

    /// A file that takes longer than `--file-timeout` becomes an `engine.timeout` finding
    /// naming it, the other files are checked as usual, and `fix` leaves it alone.
    @Test func runawayFileBecomesATimeoutFinding() throws {
        let dir = try Self.folder("timeout")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = String(repeating: "A line of the goverment.\n\n", count: 40000)
        try big.write(toFile: dir + "/big.md", atomically: true, encoding: .utf8)
        try "All is well.\n".write(toFile: dir + "/ok.md", atomically: true, encoding: .utf8)
        let started = Date()
        // big.md takes some 13 s in a debug build, ok.md milliseconds: a limit of 1 s stops the
        // one and leaves the other room even on a loaded machine.
        let (code, out, _) = try TestSupport.run(["check", "--file-timeout", "1", "--format", "json", "big.md", "ok.md"],
                                                 workingDirectory: dir)
        #expect(code == 1)
        let rules = try Self.rulesByFile(out)
        #expect(rules["big.md"] == ["engine.timeout"])
        #expect(rules["ok.md"] == [])
        #expect(out.contains("checking big.md took longer than 1 s (--file-timeout)"))
        #expect(Date().timeIntervalSince(started) < 60)
        _ = try TestSupport.run(["fix", "--file-timeout", "1", "big.md"], workingDirectory: dir)
        #expect(try String(contentsOfFile: dir + "/big.md", encoding: .utf8) == big)
        let (badCode, _, badErr) = try TestSupport.run(["check", "--file-timeout=-1", "ok.md"], workingDirectory: dir)
        #expect(badCode == 2 && badErr.contains("--file-timeout must be 0 or more seconds"), "\(badCode) \(badErr)")
    }

    /// A named pipe named on the command line is an error naming it (no hang); a folder walk
    /// never opens one, nor a link to one.
    @Test func pipesAreNotRead() throws {
        let dir = try Self.folder("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.sh("mkfifo stuck.md && ln -s stuck.md link.md && printf 'The goverment said.\\n' > ok.md", in: dir) == 0)
        let (code, out, err) = try TestSupport.run(["check", "--format", "json", "stuck.md", "ok.md"], workingDirectory: dir)
        #expect(code == 2)
        #expect(err.contains("stuck.md: cannot read file"), "\(err)")
        #expect(try Self.rulesByFile(out)["ok.md"] == ["spelling.misspelled"])
        let (_, walked, _) = try TestSupport.run(["check", "--format", "json", "."], workingDirectory: dir)
        #expect(try Self.rulesByFile(walked).keys.sorted() == ["ok.md"])
    }

    /// The engine: a rule that runs away on one document is abandoned at the limit; the run
    /// goes on, the other documents keep their findings, and fixing skips the abandoned file.
    @Test func abandonedWorkerDoesNotStopTheRun() throws {
        var options = LintOptions()
        options.fileTimeout = 0.3
        options.jobs = 2
        let linter = try Linter(registry: RuleRegistry([SlowRule.self]), options: options, dataDirectory: TestSupport.root)
        let inputs = ["a.txt", "slow.txt", "b.txt", "c.txt"].map { InputFile(displayPath: $0, fileSystemPath: nil) }
        let started = Date()
        let result = linter.run(inputs, stdin: { Array("words\n".utf8) })
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(result.files.map(\.path) == ["a.txt", "slow.txt", "b.txt", "c.txt"])
        #expect(result.files[1].diagnostics.map(\.ruleID) == ["engine.timeout"])
        #expect(result.files[1].diagnostics.first?.message.contains("longer than 0.3 s") == true)
        #expect(FixApplier.select(result.files[1].diagnostics).isEmpty)
        for i in [0, 2, 3] { #expect(result.files[i].diagnostics.map(\.ruleID) == ["test.slow"]) }
        // Time spent off the clock (one-time set-up) is not counted against the file.
        let setUp = try Linter(registry: RuleRegistry([SlowRule.self]), options: options, dataDirectory: TestSupport.root)
        let warm = setUp.run([InputFile(displayPath: "setup.txt", fileSystemPath: nil)], stdin: { Array("words\n".utf8) })
        #expect(warm.files.first?.diagnostics.map(\.ruleID) == ["test.slow"])
    }

    /// Symbolic link loops, dangling links and links to folders: walked past, never followed.
    @Test func symlinkLoopsAreWalkedPast() throws {
        let dir = try Self.folder("links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let setup = "mkdir sub && ln -s .. sub/up && ln -s loop1.md loop2.md && ln -s loop2.md loop1.md "
            + "&& ln -s missing.md dangling.md && ln -s sub self && printf 'The goverment said.\\n' > sub/a.md"
        #expect(try Self.sh(setup, in: dir) == 0)
        let (code, out, err) = try TestSupport.run(["check", "--format", "json", "."], workingDirectory: dir)
        #expect(code == 1, "\(err)")
        #expect(try Self.rulesByFile(out) == ["a.md": ["spelling.misspelled"]])
        // Named on the command line, a looping link is an error that names it (exit 2).
        let (loopCode, _, loopErr) = try TestSupport.run(["check", "loop1.md"], workingDirectory: dir)
        #expect(loopCode == 2)
        #expect(loopErr.contains("loop1.md:"), "\(loopErr)")
    }

    /// Unreadable files and folders: an error naming each (exit 2), the rest still checked.
    /// Root reads anything whatever its mode, so as root the check runs as `nobody` (setpriv).
    @Test func unreadableFilesAndFolders() throws {
        let dir = try Self.folder("unreadable")
        defer { _ = try? Self.sh("chmod -R u+rwx . ", in: dir); try? FileManager.default.removeItem(atPath: dir) }
        let setup = "mkdir -p closed open && printf 'The goverment said.\\n' > open/a.md && printf 'x\\n' > closed/b.md "
            + "&& printf 'x\\n' > open/secret.md && chmod 000 open/secret.md closed && chmod 755 . open"
        #expect(try Self.sh(setup, in: dir) == 0)
        var command = [TestSupport.executable, "check", "--no-color", "."]
        if getuid() == 0 {
            guard try Self.sh("command -v setpriv >/dev/null", in: dir) == 0,
                  try Self.sh("setpriv --reuid=65534 --regid=65534 --clear-groups test -r '\(TestSupport.executable)'", in: dir) == 0
            else {
                print("HostileInputTests.unreadableFilesAndFolders: skipped: running as root without setpriv, or the build is not readable by nobody")
                return
            }
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        let quoted = command.map { "'\($0)'" }.joined(separator: " ")
        let errPath = dir + "/err.log"
        let code = try Self.sh("REDLINE_DATA='\(TestSupport.root)' NO_COLOR=1 \(quoted) > out.log 2> '\(errPath)'", in: dir)
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let out = (try? String(contentsOfFile: dir + "/out.log", encoding: .utf8)) ?? ""
        #expect(code == 2, "\(err)")
        #expect(err.contains("./closed: cannot read folder"), "\(err)")
        #expect(err.contains("./open/secret.md: cannot read file"), "\(err)")
        #expect(out.contains("open/a.md:1:5: error [spelling.misspelled]"), "\(out)")
    }

    /// A folder of many files: every one is checked, in bounded time (100,000 in a local run:
    /// scripts/hostile/make-files.py --big).
    @Test func folderOfManyFiles() throws {
        let dir = try Self.folder("many")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<3000 {
            let sub = dir + "/d\(i / 500)"
            if i % 500 == 0 { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            let text = i == 2999 ? "The goverment met.\n" : "Story \(i): the council met on Tuesday.\n"
            _ = FileManager.default.createFile(atPath: sub + "/s\(i).md", contents: Data(text.utf8))
        }
        let (code, out, err) = try TestSupport.run(["check", "--format", "json", dir])
        #expect(code == 1, "\(err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["files"] as? Int == 3000)
        #expect(try Self.rulesByFile(out)["s2999.md"] == ["spelling.misspelled"])
    }
}

/// A rule that takes 5 seconds on a document named slow.txt (an engine test of the time limit).
struct SlowRule: DocumentRule {
    static let info = RuleInfo(id: "test.slow", category: .style, defaultSeverity: .warning, summary: "Slow on slow.txt.")
    init(environment: RuleEnvironment) throws {}
    func check(_ document: Document, options: CheckOptions) -> [Finding] {
        if document.path == "slow.txt" { Thread.sleep(forTimeInterval: 5) }
        // One-time set-up off the clock does not count (setup.txt takes 1 s of it, the limit is 0.3 s).
        if document.path == "setup.txt" { WorkClock.offTheClock { Thread.sleep(forTimeInterval: 1) } }
        return [Finding(Self.info, span: Span(0, 0), message: "checked")]
    }
}
