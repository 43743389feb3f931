import RedlineCore

/// `--format jsonl`: one finding per line, each the contract's finding object plus its `path`.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics {
            guard case .object(let pairs) = JSONReporter.finding(d) else { continue }
            out += JSONValue.object([("path", .string(d.path))] + pairs).render() + "\n"
        }
        return out
    }
}
