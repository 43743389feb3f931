import Foundation
import RedlineKit
import Testing

/// `redline fix` killed (SIGKILL) between writing a temporary file and renaming it, and at
/// random moments: every file is always either its old or its new version, never partial, and
/// what a kill leaves behind (a hidden temporary file) is never checked by a later run.
@Suite struct FixInterruptionTests {
    static let fileCount = 120

    static func original(_ i: Int) -> String {
        (0..<12).map { "Paragraph \($0) of story \(i): the goverment met on Tuesday.\n\n" }.joined()
    }

    @Test func killedFixLeavesOldOrNewFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func path(_ i: Int) -> String { dir + "/s\(i).md" }
        func reset() throws { for i in 0..<Self.fileCount { try Self.original(i).write(toFile: path(i), atomically: true, encoding: .utf8) } }
        /// Runs `fix` over the folder; with `killDuringWrites`, SIGKILLs it a random moment
        /// (up to 80 ms) after the first file is replaced, while it writes the others.
        func fix(killDuringWrites: Bool, environment: [String: String] = [:]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestSupport.executable)
            process.arguments = ["fix", "--file-timeout", "0", dir]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            try process.run()
            if killDuringWrites {
                let first = path(0), original = Self.original(0)
                while process.isRunning, (try? String(contentsOfFile: first, encoding: .utf8)) == original {
                    usleep(2000)
                }
                usleep(UInt32.random(in: 0...80_000))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            return process.terminationStatus
        }
        /// How many files are old and new; records an issue for any other content.
        func census(_ label: String, _ fixed: [String]) throws -> (old: Int, new: Int) {
            var old = 0, new = 0
            for i in 0..<Self.fileCount {
                let text = try String(contentsOfFile: path(i), encoding: .utf8)
                if text == Self.original(i) { old += 1 } else if text == fixed[i] { new += 1 } else {
                    Issue.record("\(label): s\(i).md is neither the old nor the new version (\(text.utf8.count) bytes)")
                }
            }
            return (old, new)
        }

        // The new versions, from one complete run.
        try reset()
        #expect(try fix(killDuringWrites: false) == 0)
        let fixed = try (0..<Self.fileCount).map { try String(contentsOfFile: path($0), encoding: .utf8) }
        #expect(fixed[0].contains("the government met") && !fixed[0].contains("goverment"))

        // Killed right after the 40th temporary file is written, before its rename.
        try reset()
        _ = try fix(killDuringWrites: false, environment: ["REDLINE_TEST_KILL_AFTER_TEMP_FILES": "40"])
        let injected = try census("kill after the 40th temporary file", fixed)
        #expect(injected == (old: Self.fileCount - 39, new: 39))
        let temps = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".redline-") }
        #expect(temps.count == 1 && temps.allSatisfy { $0.hasPrefix(".s") }, "\(temps)")

        // Killed at random moments while it writes.
        for round in 0..<3 {
            try reset()
            _ = try fix(killDuringWrites: true)
            let counts = try census("random kill \(round)", fixed)
            print("FixInterruptionTests: random kill \(round): \(counts.old) old, \(counts.new) new")
        }

        // Leftover temporary files are hidden and never checked; a new run finishes the job.
        let (code, out, _) = try TestSupport.run(["check", "--format", "json", dir])
        #expect(code == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["files"] as? Int == Self.fileCount)
        #expect(try fix(killDuringWrites: false) == 0)
        #expect(try census("after a full run", fixed).new == Self.fileCount)
    }
}
