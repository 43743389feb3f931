import RedlineCore

/// `--format rdjsonl`: reviewdog's Diagnostic format, one JSON object per line, with the fix
/// (or the top suggestion) as a `suggestions` entry so a reviewer gets a one-click change.
/// Columns here are UTF-8 byte columns, as reviewdog expects.
public struct RDJSONLReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics {
            var pairs: [(String, JSONValue)] = [
                ("message", .string(d.message)),
                ("location", .object([("path", .string(d.path)), ("range", Self.range(d, d.start, d.end))])),
                ("severity", .string(d.severity == .error ? "ERROR" : d.severity == .warning ? "WARNING" : "INFO")),
                ("source", .object([("name", .string("redline"))])),
                ("code", .object([("value", .string(d.ruleID))])),
            ]
            if let fix = d.fix {
                pairs.append(("suggestions", .array([.object([("range", Self.range(d, fix.start, fix.end)),
                                                              ("text", .string(fix.replacement))])])))
            }
            out += JSONValue.object(pairs).render() + "\n"
        }
        return out
    }

    /// A range with byte columns: on the finding's own line the columns are converted exactly;
    /// elsewhere (rare multi-line spans) the scalar column is kept.
    static func range(_ d: Diagnostic, _ start: SourceLocation, _ end: SourceLocation) -> JSONValue {
        func position(_ loc: SourceLocation) -> JSONValue {
            let column = loc.line == d.start.line ? byteColumn(d.sourceLine, loc.column) : loc.column
            return .object([("line", .int(loc.line)), ("column", .int(column))])
        }
        return .object([("start", position(start)), ("end", position(end))])
    }

    static func byteColumn(_ line: String, _ scalarColumn: Int) -> Int {
        var bytes = 0
        for (i, s) in line.unicodeScalars.enumerated() where i < scalarColumn - 1 { bytes += String(s).utf8.count }
        return bytes + 1 + max(0, scalarColumn - 1 - line.unicodeScalars.count)
    }
}
