import RedlineCore

/// `--format junit`: JUnit XML for CI dashboards: a test suite per file, a failing test case
/// per finding (a file without findings has one passing case).
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let total = report.diagnostics.count
        let cases = report.files.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"redline\" tests=\"\(cases)\" failures=\"\(total)\">\n"
        for file in report.files {
            let path = XMLText.escape(file.path)
            out += "  <testsuite name=\"\(path)\" tests=\"\(max(1, file.diagnostics.count))\" failures=\"\(file.diagnostics.count)\">\n"
            if file.diagnostics.isEmpty {
                out += "    <testcase name=\"\(path)\" classname=\"redline\"/>\n"
            }
            for d in file.diagnostics {
                let name = XMLText.escape("\(d.ruleID) at \(d.start.line):\(d.start.column)")
                out += "    <testcase name=\"\(name)\" classname=\"\(path)\">\n"
                out += "      <failure message=\"\(XMLText.escape(d.message))\" type=\"\(d.severity.rawValue)\">"
                out += XMLText.escape("\(d.path):\(d.start.line):\(d.start.column): \(d.severity.rawValue) [\(d.ruleID)] \(d.message)")
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
