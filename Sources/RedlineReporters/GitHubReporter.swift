import Foundation
import RedlineCore

/// `--format github`: GitHub Actions workflow commands, one per finding, so a pull request
/// shows each finding on its line: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for d in report.diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var message = d.message
            if let fix = d.fix {
                message += fix.replacement.isEmpty ? " (fix: delete)" : " (fix: \(fix.replacement))"
            } else if !d.suggestions.isEmpty {
                message += " (suggestions: \(d.suggestions.prefix(3).joined(separator: ", ")))"
            }
            let properties = [
                ("file", d.path), ("line", String(d.start.line)), ("col", String(d.start.column)),
                ("endLine", String(d.end.line)), ("endColumn", String(d.end.column)), ("title", "redline \(d.ruleID)"),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out += "::\(command) \(properties)::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// The escaping GitHub's runner undoes for a command's message.
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The escaping for property values, which also may not hold `:` or `,`.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
