import Foundation

/// Inputs that once broke an invariant of `PipelineInvariants` (found by `FuzzTests` or the
/// libFuzzer target in `Fuzz/`), replayed on every test run.
enum FuzzRegressions {
    /// One input: a name saying what it exercised, and its bytes.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var description: String { name }
        init(_ name: String, _ text: String) { self.name = name; bytes = Array(text.utf8) }
        init(_ name: String, base64: String) { self.name = name; bytes = [UInt8](Data(base64Encoded: base64) ?? Data()) }
    }

    static let cases: [Case] = [
        Case("empty", ""),
    ]
}
