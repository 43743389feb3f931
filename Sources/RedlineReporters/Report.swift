import RedlineCore

/// What a reporter is given: every checked file with its diagnostics, in report order.
public struct Report: Sendable {
    public struct File: Sendable {
        public var path: String
        public var diagnostics: [Diagnostic]
        public init(path: String, diagnostics: [Diagnostic]) {
            self.path = path
            self.diagnostics = diagnostics
        }
    }
    public var files: [File]
    public init(files: [File]) { self.files = files }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// How many diagnostics have `severity` (counted in place: `diagnostics` copies them all).
    public func count(_ severity: Severity) -> Int {
        files.reduce(0) { total, file in total + file.diagnostics.count { $0.severity == severity } }
    }
}

/// A reporter turns a report into text. Pure: no I/O.
public protocol Reporter {
    func render(_ report: Report) -> String
}
