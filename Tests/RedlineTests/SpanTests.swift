import Foundation
import RedlineCore
import RedlineKit
import Testing

/// Every finding's span, cut out of the file, gives back exactly its `match`; masked Markdown
/// stays out of the findings.
@Suite struct SpanTests {
    static let path = TestSupport.fixture("mixed-crlf.md")

    static func findings() throws -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let data = try #require(FileManager.default.contents(atPath: path))
        let result = TestSupport.linter.run([InputFile(displayPath: path, fileSystemPath: path)])
        return ([UInt8](data), result.diagnostics)
    }

    @Test func spansCutFromTheFileGiveTheMatch() throws {
        let (bytes, diagnostics) = try Self.findings()
        #expect(diagnostics.count >= 10)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        for d in diagnostics {
            #expect(String(decoding: bytes[d.span.start..<d.span.end], as: UTF8.self) == d.match)
            // Line and column (Unicode scalars, 1-based) point at the same text.
            let line = Array(lines[d.start.line - 1].unicodeScalars)
            let fromColumn = String(String.UnicodeScalarView(line[(d.start.column - 1)...]))
            #expect(fromColumn.hasPrefix(d.match), "\(d.start.line):\(d.start.column) does not start with \(d.match)")
        }
    }

    @Test func checkedPartsAreReportedAndMaskedPartsAreNot() throws {
        let (_, diagnostics) = try Self.findings()
        let spelling = Set(diagnostics.filter { $0.ruleID == "spelling.misspelled" }.map(\.match))
        for expected in ["recieved", "nihgt", "abalze", "misplased", "goverment", "tpyo", "secnd", "seperate", "celll", "linkk", "imagge"] {
            #expect(spelling.contains(expected), "expected \(expected) to be reported; got \(spelling.sorted())")
        }
        for masked in ["abalzecode", "htmltpyo", "abalzelink", "abalzefence", "abalzeindent", "pic", "abbr", "htmlblocktpyo"] {
            #expect(!spelling.contains(masked), "\(masked) must not be checked")
        }
    }

    @Test func nonASCIIColumnsCountScalars() throws {
        let (_, diagnostics) = try Self.findings()
        let abalze = try #require(diagnostics.first { $0.match == "abalze" })
        // "The mayor’s office said the fire set a warehouse " is 49 scalars.
        #expect(abalze.start == SourceLocation(line: 8, column: 50))
        #expect(abalze.end == SourceLocation(line: 8, column: 56))
        #expect(abalze.suggestions.first == "ablaze")
    }
}
