import RedlineCore

/// `--format json`: one object, exactly the documented output contract (version 1).
public struct JSONReporter: Reporter {
    public var pretty: Bool
    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: Report) -> String {
        let files: [JSONValue] = report.files.map { file in
            .object([("path", .string(file.path)), ("findings", .array(file.diagnostics.map(Self.finding)))])
        }
        let summary: JSONValue = .object([
            ("files", .int(report.files.count)),
            ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))),
            ("infos", .int(report.count(.info))),
        ])
        return JSONValue.object([("version", .int(1)), ("files", .array(files)), ("summary", summary)])
            .render(pretty: pretty) + "\n"
    }

    /// One finding as in the contract; `fix` adds its own range when it is not the finding's span.
    public static func finding(_ d: Diagnostic) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(d.ruleID)), ("category", .string(d.category.rawValue)), ("severity", .string(d.severity.rawValue)),
            ("line", .int(d.start.line)), ("column", .int(d.start.column)),
            ("endLine", .int(d.end.line)), ("endColumn", .int(d.end.column)),
            ("match", .string(d.match)), ("message", .string(d.message)),
            ("suggestions", .array(d.suggestions.map(JSONValue.string))),
        ]
        if let fix = d.fix {
            var f: [(String, JSONValue)] = [("replacement", .string(fix.replacement))]
            if fix.span != d.span {
                f += [("line", .int(fix.start.line)), ("column", .int(fix.start.column)),
                      ("endLine", .int(fix.end.line)), ("endColumn", .int(fix.end.column))]
            }
            pairs.append(("fix", .object(f)))
        }
        if !d.related.isEmpty {
            pairs.append(("related", .array(d.related.map { r in
                .object([("path", .string(r.path)), ("line", .int(r.start.line)), ("column", .int(r.start.column)),
                         ("endLine", .int(r.end.line)), ("endColumn", .int(r.end.column)), ("message", .string(r.message))])
            })))
        }
        return .object(pairs)
    }
}
