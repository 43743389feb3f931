import Foundation
import RedlineCore
import RedlineRules
import RedlineSpelling
import Testing
@testable import RedlineKit

/// Shared set-up for the tests: the repository root, a linter built once, fixtures.
enum TestSupport {
    /// The repository root (Tests/RedlineTests/TestSupport.swift → ../..).
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A linter with Redline's own data, default options, and every rule on (those off by
    /// default too), so every rule's examples can run.
    static let linter: Linter = {
        var options = LintOptions()
        for info in BuiltinRules.registry.infos { options.ruleSettings[info.id] = .on }
        do { return try Linter(options: options, dataDirectory: root) } catch { fatalError("\(error)") }
    }()

    static func fixture(_ name: String) -> String { root + "/Tests/RedlineTests/Fixtures/" + name }

    /// A Hunspell dictionary (`name.aff`, `name.dic`) written to a new temporary folder.
    static func writeDictionary(name: String, aff: String, dic: String) throws -> (folder: URL, files: DictionaryFiles) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-dictionary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try aff.write(to: folder.appendingPathComponent(name + ".aff"), atomically: true, encoding: .utf8)
        try dic.write(to: folder.appendingPathComponent(name + ".dic"), atomically: true, encoding: .utf8)
        return (folder, try DictionaryLocator.locate(folder.appendingPathComponent(name).path, dataDirectory: root))
    }

    /// `../shared` beside the repository, when present (CI and developers have it; users do not).
    static var shared: String? {
        let path = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: path + "/seeds") ? path : nil
    }

    /// The `redline` executable built beside the test bundle.
    static var executable: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent(), dir.deletingLastPathComponent().deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("redline").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root + "/.build/debug/redline"
    }

    /// Runs `redline` with arguments; returns exit code, stdout and stderr.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    workingDirectory: String? = nil) throws -> (Int32, String, String) {
        try runTool(executable, arguments, stdin: stdin, environment: environment, workingDirectory: workingDirectory)
    }

    /// Runs any program; returns exit code, stdout and stderr.
    static func runTool(_ tool: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                        workingDirectory: String? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), input = Pipe()
        // stderr goes to a file so that a full pipe can never block the child.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("redline-stderr-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let err = try #require(FileHandle(forWritingAtPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// An example text with its «marked» spans removed, and the byte spans they marked.
struct MarkedText {
    var text: String
    var spans: [Span]

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var spans: [Span] = []
        var open: Int? = nil
        for scalar in marked.unicodeScalars {
            if scalar == "«" { open = bytes.count; continue }
            if scalar == "»", let start = open { spans.append(Span(start, bytes.count)); open = nil; continue }
            bytes.append(contentsOf: Array(String(scalar).utf8))
        }
        text = String(decoding: bytes, as: UTF8.self)
        self.spans = spans
    }
}
