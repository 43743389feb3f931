import Foundation
import RedlineCore

/// A compact binary form of a file's diagnostics for the cache: decoding JSON was most of the
/// time of a warm re-check. Numbers are little-endian; strings are a length and UTF-8 bytes.
enum DiagnosticCodec {
    static func encode(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var w = Writer()
        w.int(diagnostics.count)
        for d in diagnostics {
            w.string(d.path); w.string(d.ruleID); w.string(d.category.rawValue); w.string(d.severity.rawValue)
            w.span(d.span); w.location(d.start); w.location(d.end)
            w.string(d.match); w.string(d.message); w.string(d.sourceLine)
            w.int(d.suggestions.count)
            for s in d.suggestions { w.string(s) }
            if let fix = d.fix {
                w.int(1); w.span(fix.span); w.location(fix.start); w.location(fix.end); w.string(fix.replacement)
            } else {
                w.int(0)
            }
            w.int(d.related.count)
            for r in d.related { w.string(r.path); w.location(r.start); w.location(r.end); w.string(r.message) }
        }
        return w.bytes
    }

    /// The diagnostics, or nil when the bytes are damaged.
    static func decode(_ data: ArraySlice<UInt8>) -> [Diagnostic]? {
        var r = Reader(bytes: data, i: data.startIndex)
        guard let count = r.int(), count >= 0 else { return nil }
        var out: [Diagnostic] = []
        out.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count {
            guard let path = r.string(), let rule = r.string(), let category = r.string().flatMap(RuleCategory.init(rawValue:)),
                  let severity = r.string().flatMap(Severity.init(rawValue:)), let span = r.span(),
                  let start = r.location(), let end = r.location(), let match = r.string(), let message = r.string(),
                  let line = r.string(), let suggestionCount = r.int(), suggestionCount >= 0 else { return nil }
            var suggestions: [String] = []
            for _ in 0..<suggestionCount { guard let s = r.string() else { return nil }; suggestions.append(s) }
            guard let hasFix = r.int() else { return nil }
            var fix: Diagnostic.ResolvedFix?
            if hasFix == 1 {
                guard let s = r.span(), let a = r.location(), let b = r.location(), let text = r.string() else { return nil }
                fix = .init(span: s, start: a, end: b, replacement: text)
            }
            guard let relatedCount = r.int(), relatedCount >= 0 else { return nil }
            var related: [RelatedLocation] = []
            for _ in 0..<relatedCount {
                guard let p = r.string(), let a = r.location(), let b = r.location(), let m = r.string() else { return nil }
                related.append(RelatedLocation(path: p, start: a, end: b, message: m))
            }
            out.append(Diagnostic(path: path, ruleID: rule, category: category, severity: severity, span: span, start: start,
                                  end: end, match: match, message: message, suggestions: suggestions, fix: fix,
                                  related: related, sourceLine: line))
        }
        return r.atEnd ? out : nil
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
        mutating func string(_ s: String) { int(s.utf8.count); bytes += s.utf8 }
        mutating func span(_ s: Span) { int(s.start); int(s.end) }
        mutating func location(_ l: SourceLocation) { int(l.line); int(l.column) }
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var i: Int
        var atEnd: Bool { i == bytes.endIndex }
        mutating func int() -> Int? {
            guard i + 8 <= bytes.endIndex else { return nil }
            var v: UInt64 = 0
            for k in (0..<8).reversed() { v = v << 8 | UInt64(bytes[i + k]) }
            i += 8
            return Int(Int64(bitPattern: v))
        }
        mutating func string() -> String? {
            guard let n = int(), n >= 0, i + n <= bytes.endIndex else { return nil }
            defer { i += n }
            return String(decoding: bytes[i..<(i + n)], as: UTF8.self)
        }
        mutating func span() -> Span? { guard let a = int(), let b = int() else { return nil }; return Span(a, b) }
        mutating func location() -> SourceLocation? {
            guard let l = int(), let c = int() else { return nil }
            return SourceLocation(line: l, column: c)
        }
    }
}
