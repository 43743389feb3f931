import RedlineCore

/// `--format json`: one object, exactly the documented output contract (version 1).
public struct JSONReporter: Reporter {
    public var pretty: Bool
    /// Threads that may write files' findings side by side (the output is the same).
    public var threads: Int
    public init(pretty: Bool = true, threads: Int = 1) {
        self.pretty = pretty
        self.threads = threads
    }

    public func render(_ report: Report) -> String {
        var json = JSONStream(pretty: pretty, capacity: report.files.count * 64 + report.diagnostics.count * 400)
        json.beginObject()
        json.field("version", 1)
        json.key("files")
        json.beginArray()
        // Big reports (thousands of files) are written in slices on several threads, each
        // slice as the one stream would have written it.
        let slices = ParallelSlices(count: report.files.count, threads: threads, minimumPerSlice: 256)
        let pretty = pretty
        let written = slices.map { range in
            var part = JSONStream(pretty: pretty, nesting: 2, afterSibling: range.lowerBound > 0,
                                  capacity: range.count * 64 + report.files[range].reduce(0) { $0 + $1.diagnostics.count } * 400)
            for file in report.files[range] { Self.fileObject(file, into: &part) }
            return part
        }
        for part in written { json.append(fragment: part) }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.field("files", report.files.count)
        json.field("errors", report.count(.error))
        json.field("warnings", report.count(.warning))
        json.field("infos", report.count(.info))
        json.endObject()
        json.endObject()
        return json.output + "\n"
    }

    /// One file's object: its path and findings.
    static func fileObject(_ file: Report.File, into json: inout JSONStream) {
        json.beginObject()
        json.field("path", file.path)
        json.key("findings")
        json.beginArray()
        for d in file.diagnostics {
            json.beginObject()
            Self.findingFields(d, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// One finding's fields as in the contract; `fix` adds its own range when it is not the
    /// finding's span.
    public static func findingFields(_ d: Diagnostic, into json: inout JSONStream) {
        json.field("rule", d.ruleID)
        json.field("category", d.category.rawValue)
        json.field("severity", d.severity.rawValue)
        json.field("line", d.start.line)
        json.field("column", d.start.column)
        json.field("endLine", d.end.line)
        json.field("endColumn", d.end.column)
        json.field("match", d.match)
        json.field("message", d.message)
        json.key("suggestions")
        json.beginArray()
        for s in d.suggestions { json.string(s) }
        json.endArray()
        if let fix = d.fix {
            json.key("fix")
            json.beginObject()
            json.field("replacement", fix.replacement)
            if fix.span != d.span {
                json.field("line", fix.start.line)
                json.field("column", fix.start.column)
                json.field("endLine", fix.end.line)
                json.field("endColumn", fix.end.column)
            }
            json.endObject()
        }
        if !d.related.isEmpty {
            json.key("related")
            json.beginArray()
            for r in d.related {
                json.beginObject()
                json.field("path", r.path)
                json.field("line", r.start.line)
                json.field("column", r.start.column)
                json.field("endLine", r.end.line)
                json.field("endColumn", r.end.column)
                json.field("message", r.message)
                json.endObject()
            }
            json.endArray()
        }
    }
}
