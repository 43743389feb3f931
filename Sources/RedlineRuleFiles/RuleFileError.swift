/// A rule file that cannot be used: where (1-based line and column, the column counting Unicode
/// scalar values) and what is wrong, with what was expected.
public struct RuleFileError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`
    public var description: String { "\(path):\(line):\(column): \(message)" }
}
