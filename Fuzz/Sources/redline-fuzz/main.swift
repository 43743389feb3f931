import Foundation
import RedlineKit
import RedlineRules

/// The linter every input goes through: Redline's own data (`REDLINE_DATA`, else the source
/// tree this file is in), every rule on, one thread, and no per-file time limit, so that a hang
/// reaches libFuzzer's own `-timeout` instead of becoming an `engine.timeout` finding.
let linter: Linter = {
    let root = ProcessInfo.processInfo.environment["REDLINE_DATA"] ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    var options = LintOptions()
    options.jobs = 1
    options.fileTimeout = nil
    do {
        let registry = try Linter.registry(base: BuiltinRules.registry, dataDirectory: root, rulePaths: [])
        for info in registry.infos { options.ruleSettings[info.id] = .on }
        return try Linter(registry: registry, options: options, dataDirectory: root)
    } catch {
        fatalError("cannot build the linter from \(root): \(error)")
    }
}()

/// One input: the whole pipeline over it as Markdown and as plain text; a broken invariant
/// (a span outside the text, a `match` that is not the text, a fix that does not apply or
/// does not settle) aborts, so libFuzzer saves the input.
func redlineFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = PipelineInvariants.violations(of: bytes, linter: linter)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("invariant broken:\n" + problems.joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}

/// libFuzzer's entry point for programs that have their own `main` (SwiftPM gives every
/// executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
_ = linter
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in redlineFuzzOne(data, size) })
