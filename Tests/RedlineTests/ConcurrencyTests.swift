import Foundation
import RedlineCore
import RedlineKit
import RedlineSpelling
import Testing

/// The parts that run on several threads at once, exercised hard enough for ThreadSanitizer
/// (scripts/test-tsan.sh runs this suite under it): the engine with several jobs and an
/// abandoned worker, the spell checker's pool of Hunspell handles, the suggester's index and
/// cache, and fix writes. Each also checks its results, so it tests something without TSan.
@Suite struct ConcurrencyTests {
    static let texts = [
        "The goverment said 23 people were hurt in Kyiv on Thursday.\n",
        "# Heading\n\nA recieved letter from Zelenskyy and Zelenskiy. Advertisement\n",
        "---\ntitle: A plan\n---\nThe councl met. It was 30km (25 miles) away.\n",
        "Nothing wrong here at all.\n",
    ]

    /// Many documents, four jobs, a time limit in force: the same findings as one job.
    @Test func engineWithSeveralJobsMatchesOneJob() throws {
        let inputs = (0..<48).map { InputFile(displayPath: "doc\($0)" + ($0 % 2 == 0 ? ".md" : ".txt"), fileSystemPath: nil) }
        func run(jobs: Int) throws -> [[String]] {
            var options = LintOptions()
            options.jobs = jobs
            options.fileTimeout = 600
            let linter = try Linter(options: options, dataDirectory: TestSupport.root)
            // Every input reads the same text (standard input), as Markdown or plain text by name.
            let result = linter.run(inputs, stdin: { Array(Self.texts.joined(separator: "\n").utf8) })
            return result.files.map { $0.diagnostics.map { "\($0.ruleID)@\($0.start.line):\($0.start.column)" } }
        }
        let one = try run(jobs: 1)
        let four = try run(jobs: 4)
        #expect(one == four)
        #expect(one.first?.contains("spelling.misspelled@1:5") == true)
    }

    /// A session through the cache with four jobs: cold and warm runs agree with a run without
    /// the cache (the cache's entries and the lazily built linter are shared between threads).
    @Test func cachedSessionWithSeveralJobsMatchesUncached() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-conc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/docs", withIntermediateDirectories: true)
        var inputs: [InputFile] = []
        for i in 0..<24 {
            let path = dir + "/docs/d\(i)" + (i % 2 == 0 ? ".md" : ".txt")
            try Self.texts[i % Self.texts.count].write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(InputFile(displayPath: path, fileSystemPath: path))
        }
        func run(cache: String?) throws -> [[String]] {
            var options = LintOptions()
            options.jobs = 4
            options.fileTimeout = 600
            let session = CheckSession(dataDirectory: TestSupport.root, commandLine: options, commandLineSetsLanguage: false)
            let result = try session.run(RunRequest(inputs: inputs, cacheDirectory: cache))
            return result.files.map { $0.diagnostics.map { "\($0.ruleID)@\($0.start.line):\($0.start.column)" } }
        }
        let plain = try run(cache: nil)
        let cold = try run(cache: dir + "/cache")
        let warm = try run(cache: dir + "/cache")
        #expect(plain == cold && cold == warm)
        #expect(plain.count == 24 && plain[0].contains("spelling.misspelled@1:5"))
    }

    /// The spell checker's handles are lent to one thread at a time; answers agree across threads.
    @Test func spellCheckerPoolFromManyThreads() throws {
        let speller = TestSupport.linter.speller
        let words = ["government", "goverment", "received", "recieved", "council", "councl", "Kyiv", "zzzq", "colour", "color"]
        let expected = words.map { speller.isCorrect($0) }
        let failures = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for round in 0..<30 {
                for (k, w) in words.enumerated() {
                    let word = round % 3 == 0 ? w + String(t) : w
                    let ok = speller.isCorrect(word)
                    if word == w && ok != expected[k] { failures.add("\(w): \(ok)") }
                }
                if round % 10 == 0 { _ = speller.hunspellSuggestions("goverment\(t)") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(expected == [true, false, true, false, true, false, true, false, true, true])
    }

    /// The suggester builds its index once and serves every thread the same answers.
    @Test func suggesterFromManyThreads() throws {
        let suggester = Suggester(speller: TestSupport.linter.speller)
        let words = ["goverment", "recieved", "abalze", "enougth", "councl", "teh"]
        let results = Collected()
        DispatchQueue.concurrentPerform(iterations: 6) { t in
            for w in words { results.add("\(w)=\(suggester.suggest(w).words.first ?? "-")") }
            _ = t
        }
        let distinct = Set(results.all)
        #expect(distinct.count == words.count, "\(distinct.sorted())")
        #expect(distinct.contains("goverment=government"))
    }

    /// Threads that ask for a one-time value while another builds it wait off the per-file
    /// clock: none of them is abandoned at a time limit far shorter than the build.
    @Test func oneTimeSetUpWaitsOffTheClock() {
        let setUp = OneTimeSetUp<Int>()
        let values = ParallelWork.map(Array(0..<4), jobs: 4, timeout: 0.3, work: { _ in
            setUp.value { Thread.sleep(forTimeInterval: 1.5); return 42 }
        }, onTimeout: { _ in -1 })
        #expect(values == [42, 42, 42, 42])
        #expect(setUp.ifBuilt == 42)
    }

    /// The suggestion index built by the first misspellings of a run (no index cache: built
    /// here, which takes seconds in a debug build) does not count against those files' time,
    /// for the thread that builds it nor for those that wait for it: a loaded CI machine once
    /// abandoned the first files of a run at the time limit this way. Each thread has a clock,
    /// as the engine's workers do; the time off it must be most of each thread's call (a
    /// ratio, so that the test holds on a machine of any speed).
    @Test func suggestionIndexBuildIsOffTheClock() {
        let suggester = Suggester(speller: TestSupport.linter.speller, hunspellFallback: false, indexCache: nil)
        let words = ["abalze", "goverment", "recieved", "councl"]
        let results = Collected()
        let ready = DispatchGroup(), done = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for word in words {
            ready.enter()
            done.enter()
            Thread.detachNewThread {
                let clock = WorkClock()
                clock.install()
                ready.leave()
                start.wait()
                let began = DispatchTime.now().uptimeNanoseconds
                let first = suggester.suggest(word).words.first ?? "-"
                let wall = DispatchTime.now().uptimeNanoseconds - began
                let onClock = wall - min(wall, clock.reading().credit)
                results.add("\(word)=\(first) " + (2 * onClock < wall ? "off" : "on (\(onClock / 1_000_000) of \(wall / 1_000_000) ms)"))
                done.leave()
            }
        }
        ready.wait()
        for _ in words { start.signal() }
        done.wait()
        let answers = Set(results.all.map { $0.split(separator: " ")[0] })
        #expect(answers == ["abalze=ablaze", "goverment=government", "recieved=received", "councl=council"])
        // Every thread arrives while the index is being built (it takes seconds); one that a
        // busy machine started late would find it built and spend its whole call on the clock.
        #expect(results.all.filter { $0.hasSuffix(" off") }.count >= words.count - 1, "\(results.all.sorted())")
    }

    /// Fix writes to different files at once, and the deadline scheduler's bookkeeping.
    @Test func fixWritesInParallel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-parallel-fix-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = (0..<16).map { dir + "/f\($0).txt" }
        func text(_ i: Int) -> String { "Barn \(i) was set abalze by lightning on day \(i)." }
        for (i, p) in paths.enumerated() { try (text(i) + "\n").write(toFile: p, atomically: true, encoding: .utf8) }
        var options = LintOptions()
        options.jobs = 4
        let linter = try Linter(options: options, dataDirectory: TestSupport.root)
        let result = linter.run(paths.map { InputFile(displayPath: $0, fileSystemPath: $0) })
        let outcomes = Collected()
        DispatchQueue.concurrentPerform(iterations: result.files.count) { i in
            outcomes.add("\(FixWriter.fix(result.files[i]))")
        }
        #expect(outcomes.all == Array(repeating: "written(fixes: 1)", count: 16),
                "\(result.files.map { file in file.diagnostics.map { "\($0.ruleID): \($0.message)" } })")
        for (i, p) in paths.enumerated() {
            #expect(try String(contentsOfFile: p, encoding: .utf8) == text(i).replacingOccurrences(of: "abalze", with: "ablaze") + "\n")
        }
    }
}

/// Strings collected from several threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
