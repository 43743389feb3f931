import RedlineCore

/// `--format jsonl`: one finding per line, each the contract's finding object plus its `path`.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics {
            var json = JSONStream(pretty: false)
            json.beginObject()
            json.field("path", d.path)
            JSONReporter.findingFields(d, into: &json)
            json.endObject()
            out += json.output + "\n"
        }
        return out
    }
}
