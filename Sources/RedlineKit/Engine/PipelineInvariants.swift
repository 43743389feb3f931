import RedlineCore

/// What must hold for any input, however hostile: used by the property tests and the libFuzzer
/// target (`Fuzz/`). The whole pipeline runs (reading, every enabled rule, the cross-document
/// rules, fixing) over the bytes as Markdown and as plain text; every finding's span must lie
/// inside the text on character boundaries, its `match` must be the source text of that span,
/// every selected fix must apply, and fixing again must settle within a few rounds.
public enum PipelineInvariants {
    /// The invariants the bytes break, as messages (empty when all hold).
    public static func violations(of bytes: [UInt8], linter: Linter,
                                  paths: [String] = ["fuzz.md", "fuzz.txt"]) -> [String] {
        var problems: [String] = []
        let inputs = paths.map { InputFile(displayPath: $0, fileSystemPath: nil) }
        let result = linter.run(inputs, stdin: { bytes })
        if BinaryDetector.looksBinary(bytes) {
            if result.skipped.count != paths.count { problems.append("binary input not skipped") }
            return problems
        }
        guard result.files.count == paths.count, result.errors.isEmpty else {
            return ["expected \(paths.count) checked files, got \(result.files.count); errors \(result.errors)"]
        }
        for file in result.files {
            let source = SourceFile(path: file.path, data: bytes)
            problems += spanViolations(file.diagnostics, source: source)
            guard source.isRewritable else {
                if file.diagnostics.contains(where: { $0.fix != nil }) { problems.append("\(file.path): fix offered on a file that cannot be rewritten") }
                continue
            }
            problems += fixViolations(file, bytes: bytes, linter: linter)
        }
        return problems
    }

    /// Spans inside the text, on UTF-8 boundaries, `match` equal to the text, positions consistent.
    static func spanViolations(_ diagnostics: [Diagnostic], source: SourceFile) -> [String] {
        var problems: [String] = []
        let n = source.bytes.count
        func onBoundary(_ offset: Int) -> Bool { offset == n || source.bytes[offset] & 0xC0 != 0x80 }
        func check(_ span: Span, _ what: String, _ d: Diagnostic) -> Bool {
            guard span.start >= 0, span.end <= n, span.start <= span.end else {
                problems.append("\(d.ruleID): \(what) \(span) outside the text (\(n) bytes)")
                return false
            }
            guard onBoundary(span.start), onBoundary(span.end) else {
                problems.append("\(d.ruleID): \(what) \(span) splits a UTF-8 sequence")
                return false
            }
            return true
        }
        for d in diagnostics where d.ruleID != EngineTimeout.ruleID {
            guard check(d.span, "span", d) else { continue }
            if d.match != source.text(d.span) { problems.append("\(d.ruleID): match “\(d.match)” is not the text of \(d.span)") }
            if d.start != source.location(of: d.span.start) || d.end != source.location(of: d.span.end) {
                problems.append("\(d.ruleID): line/column do not match \(d.span)")
            }
            if d.start.line > source.lineCount + 1 { problems.append("\(d.ruleID): line \(d.start.line) past the end") }
            if let fix = d.fix { _ = check(fix.span, "fix span", d) }
        }
        return problems
    }

    /// Every selected fix applies; fixing the result again settles within `rounds` rounds.
    static func fixViolations(_ file: FileResult, bytes: [UInt8], linter: Linter, rounds: Int = 4) -> [String] {
        var current = bytes
        var diagnostics = file.diagnostics
        for round in 0..<rounds {
            let selected = FixApplier.select(diagnostics)
            if selected.isEmpty { return [] }
            var cursor = 0
            for d in selected {
                let span = d.fix!.span
                if span.start < cursor || span.end > current.count {
                    return ["\(file.path): round \(round): fix \(d.ruleID) \(span) cannot apply"]
                }
                cursor = span.end
            }
            let fixed = FixApplier.apply(selected, to: current)
            if UTF8Validation.firstInvalidOffset(in: fixed) != nil {
                return ["\(file.path): round \(round): fixing made the text invalid UTF-8"]
            }
            if fixed == current { return [] }
            current = fixed
            let next = linter.run([InputFile(displayPath: file.path, fileSystemPath: nil)], stdin: { fixed })
            guard let again = next.files.first else { return [] }
            let problems = spanViolations(again.diagnostics, source: SourceFile(path: file.path, data: fixed))
            if !problems.isEmpty { return problems.map { "after fixing: \($0)" } }
            diagnostics = again.diagnostics
        }
        let settled = FixApplier.apply(FixApplier.select(diagnostics), to: current) == current
        return settled ? [] : ["\(file.path): fixes did not settle after \(rounds) rounds"]
    }
}
