import RedlineCore

/// `--format text`: for people. `path:line:col: severity [rule] message`, the source line cut
/// to a window around the span, a caret line under it, and the top suggestions.
public struct TextReporter: Reporter {
    public var color: Bool
    /// Print only the headline of each finding.
    public var compact: Bool
    public init(color: Bool, compact: Bool = false) {
        self.color = color
        self.compact = compact
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics { out += render(d) }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        let sev: String
        switch d.severity {
        case .error: sev = paint("error", "1;31")
        case .warning: sev = paint("warning", "1;33")
        case .info: sev = paint("info", "1;34")
        }
        var out = "\(paint("\(d.path):\(d.start.line):\(d.start.column)", "1")): \(sev) [\(d.ruleID)] \(d.message)\n"
        if compact { return out }
        let (excerpt, caretStart, caretWidth) = Self.window(line: d.sourceLine, column: d.start.column,
                                                             width: d.start.line == d.end.line ? max(1, d.end.column - d.start.column) : nil)
        if !excerpt.isEmpty {
            out += "    " + excerpt + "\n"
            out += "    " + String(repeating: " ", count: caretStart) + paint(String(repeating: "^", count: caretWidth), "1;32") + "\n"
        }
        if !d.suggestions.isEmpty {
            let label = d.fix != nil ? "fix" : "suggestions"
            let list = d.fix != nil ? d.suggestions.prefix(1).joined() : d.suggestions.prefix(3).joined(separator: ", ")
            out += "    \(label): \(paint(list, "32"))\n"
        } else if let fix = d.fix, fix.replacement.isEmpty {
            out += "    fix: delete\n"
        }
        return out
    }

    /// Cuts a long line to about 100 characters around the span; returns the excerpt and the
    /// caret's offset and width (in characters of the excerpt).
    static func window(line: String, column: Int, width: Int?) -> (String, Int, Int) {
        let scalars = Array(line.unicodeScalars).map { $0 == "\t" ? " " : $0 }
        let start = max(0, min(column - 1, scalars.count))
        let w = width ?? max(1, scalars.count - start)
        let context = 40
        var from = max(0, start - context)
        var to = min(scalars.count, start + w + context)
        // Break at spaces where possible.
        while from > 0 && from < start && scalars[from - 1] != " " { from += 1 }
        while to < scalars.count && to > start + w && scalars[to] != " " { to -= 1 }
        var text = String(String.UnicodeScalarView(scalars[from..<to]))
        var caret = start - from
        if from > 0 { text = "…" + text; caret += 1 }
        if to < scalars.count { text += "…" }
        return (text, caret, max(1, min(w, to - start)))
    }
}
