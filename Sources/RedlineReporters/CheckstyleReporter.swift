import RedlineCore

/// `--format checkstyle`: Checkstyle XML, which many CI systems and review tools read.
public struct CheckstyleReporter: Reporter {
    public var version: String
    public init(version: String) { self.version = version }

    public func render(_ report: Report) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"\(XMLText.escape(version))\">\n"
        for file in report.files {
            out += "  <file name=\"\(XMLText.escape(file.path))\">\n"
            for d in file.diagnostics {
                let severity = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "info"
                out += "    <error line=\"\(d.start.line)\" column=\"\(d.start.column)\" severity=\"\(severity)\" "
                    + "message=\"\(XMLText.escape(d.message))\" source=\"redline.\(XMLText.escape(d.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
