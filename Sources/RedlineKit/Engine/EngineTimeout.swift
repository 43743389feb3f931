import RedlineCore
import RedlineRules

/// The result that stands for a file abandoned at the per-file time limit: one
/// `engine.timeout` finding at its first line, naming the file and the limit.
enum EngineTimeout {
    static let ruleID = EngineTimeoutRule.info.id

    static func result(for input: InputFile, seconds: Double, severity: Severity?) -> FileResult {
        let source = SourceFile(path: input.displayPath, data: [])
        let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        var finding = Finding(EngineTimeoutRule.info, span: Span(0, 0),
                              message: "checking \(input.displayPath) took longer than \(limit) s (--file-timeout); "
                                  + "the file was abandoned and has no other findings")
        if let severity { finding.severity = severity }
        // No fix is offered, so `fix` leaves the file as it is.
        return FileResult(path: input.displayPath, diagnostics: [Diagnostic(finding: finding, in: source)],
                          fileSystemPath: input.fileSystemPath, contentHash: 0)
    }
}
