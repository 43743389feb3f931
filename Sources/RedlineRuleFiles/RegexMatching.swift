import Foundation
import RedlineCore

/// A regular expression from a rule file, compiled once at load (ICU syntax, through
/// `NSRegularExpression`), with a literal every match must contain so that most texts are
/// passed over without running the expression.
final class CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    let pattern: String
    private let regex: NSRegularExpression
    /// Lower-cased ASCII bytes that every match contains (empty when none is known).
    let literal: [UInt8]

    /// Throws a message for people when the pattern is not a valid regular expression.
    init(_ pattern: String, ignoreCase: Bool, anchorsMatchLines: Bool) throws(RuleError) {
        var options: NSRegularExpression.Options = []
        if ignoreCase { options.insert(.caseInsensitive) }
        if anchorsMatchLines { options.insert(.anchorsMatchLines) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw RuleError(Self.explain(pattern))
        }
        self.pattern = pattern
        literal = RegexLiteral.required(in: pattern)
    }

    /// Swift's regex parser says what is wrong more precisely than ICU (through Foundation) does.
    private static func explain(_ pattern: String) -> String {
        do {
            _ = try Regex(pattern)
        } catch {
            return "invalid regular expression “\(pattern)”: \(error)"
        }
        return "invalid regular expression “\(pattern)” (ICU syntax expected)"
    }

    /// Whether a match could be in `bytes[range]` (false only when the literal is absent).
    func mayMatch(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        literal.isEmpty || TextBytes.contains(literal, in: bytes, range)
    }

    /// The non-empty matches in `bytes[range]`, as spans of `bytes`.
    func spans(in bytes: [UInt8], _ range: Range<Int>) -> [Span] {
        let text = TextBytes.string(bytes, range)
        var spans: [Span] = []
        var utf8Offset = 0
        var index = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard match.range.length > 0, let r = Range(match.range, in: text) else { continue }
            // Matches come in order: count UTF-8 offsets incrementally.
            guard r.lowerBound >= index else { continue }
            utf8Offset += text.utf8.distance(from: index, to: r.lowerBound)
            let length = text.utf8.distance(from: r.lowerBound, to: r.upperBound)
            spans.append(Span(range.lowerBound + utf8Offset, range.lowerBound + utf8Offset + length))
            utf8Offset += length
            index = r.upperBound
        }
        return spans
    }
}

/// Byte-level helpers over a document's text.
enum TextBytes {
    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Whether `bytes[range]` contains `literal` (lower-case ASCII), ignoring ASCII case.
    static func contains(_ literal: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = literal.first, range.count >= literal.count else { return literal.isEmpty }
        return bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            let last = range.upperBound - literal.count
            while i <= last {
                if fold(b[i]) == first {
                    var k = 1
                    while k < literal.count && fold(b[i + k]) == literal[k] { k += 1 }
                    if k == literal.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// `bytes[range]` as a string of the same UTF-8 length: bytes that break UTF-8 become spaces.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        if let s = String(validating: bytes[range], as: UTF8.self) { return s }
        var copy = Array(bytes[range])
        var i = 0
        while let bad = UTF8Validation.firstInvalidOffset(in: Array(copy[i...])) {
            copy[i + bad] = 0x20
            i += bad + 1
            if i >= copy.count { break }
        }
        return String(decoding: copy, as: UTF8.self)
    }

    /// Whether every byte of `span` is checkable as it stands in the source (nothing masked).
    static func isUnmasked(_ span: Span, in document: Document) -> Bool {
        let source = document.source.bytes, checkable = document.checkable
        guard span.end <= source.count else { return false }
        for i in span.start..<span.end where source[i] != checkable[i] { return false }
        return true
    }

    /// The blocks' spans in offset order, to find the block that holds a match.
    static func sortedBlockSpans(_ document: Document) -> [Span] {
        document.blocks.map(\.span).sorted()
    }

    /// Whether `span` lies inside one of `blocks` (sorted).
    static func isInsideOneBlock(_ span: Span, _ blocks: [Span]) -> Bool {
        // The last block that starts at or before the span.
        var low = 0, high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[mid].start <= span.start { low = mid + 1 } else { high = mid }
        }
        var i = low - 1
        while i >= 0 {
            if blocks[i].contains(span) { return true }
            if blocks[i].end <= span.start && i < low - 4 { break }
            i -= 1
        }
        return false
    }
}

/// The longest run of plain ASCII text that every match of a regular expression must contain.
///
/// Conservative: groups, classes, escapes other than escaped punctuation, and quantified
/// characters end a run; an alternation at the top level, `\Q…\E` or the `x` flag give no
/// literal at all. A `c{2,}` keeps `cc`.
enum RegexLiteral {
    static func required(in pattern: String) -> [UInt8] {
        let s = Array(pattern.unicodeScalars)
        if pattern.contains("\\Q") || hasExtendedFlag(s) { return [] }
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            var literal: UInt8? = nil
            switch c {
            case "|", ")", "*", "+", "?", "{":
                return []
            case "\\":
                guard i + 1 < s.count else { return [] }
                let n = s[i + 1]
                i += 2
                if n.isASCII && !isAlphanumeric(n) {
                    literal = UInt8(n.value)
                } else {
                    switch n {
                    case "x", "p", "P", "N":
                        if i < s.count && s[i] == "{" { i = skipBraces(s, i) } else if n == "x" { i = min(i + 2, s.count) } else { i = min(i + 1, s.count) }
                    case "u": i = min(i + 4, s.count)
                    case "U": i = min(i + 8, s.count)
                    case "c": i = min(i + 1, s.count)
                    case "0"..."9": while i < s.count && ("0"..."9").contains(s[i]) { i += 1 }
                    default: break
                    }
                }
            case "[":
                i = skipClass(s, i)
            case "(":
                i = skipGroup(s, i)
                if i < 0 { return [] }
            case ".", "^", "$":
                i += 1
            default:
                if c.isASCII { literal = UInt8(c.value) }
                i += 1
            }
            // A quantifier on the atom just read.
            var minimum: Int? = nil
            if i < s.count {
                switch s[i] {
                case "*", "?": minimum = 0; i += 1
                case "+": minimum = 1; i += 1
                case "{":
                    var j = i + 1, m = 0, digits = 0
                    while j < s.count, ("0"..."9").contains(s[j]) {
                        m = min(m * 10 + Int(s[j].value - 0x30), 100)
                        digits += 1
                        j += 1
                    }
                    if digits > 0 {
                        while j < s.count && s[j] != "}" { j += 1 }
                        minimum = m
                        i = min(j + 1, s.count)
                    }
                default: break
                }
                if minimum != nil, i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            }
            if let literal {
                let b = TextBytes.fold(literal)
                switch minimum {
                case nil: current.append(b)
                case 0?: flush()
                case let m?: current += Array(repeating: b, count: m); flush()
                }
            } else {
                flush()
            }
        }
        flush()
        return runs.max { $0.count < $1.count } ?? []
    }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    private static func hasExtendedFlag(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 1 < s.count {
            if s[i] == "\\" { i += 2; continue }
            if s[i] == "(" && s[i + 1] == "?" {
                var j = i + 2
                while j < s.count && (("a"..."z").contains(s[j]) || s[j] == "-") {
                    if s[j] == "x" { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    private static func skipBraces(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start
        while i < s.count && s[i] != "}" { i += 1 }
        return min(i + 1, s.count)
    }

    /// Past the `]` that closes the class opened at `start` (classes nest in ICU; a `]` right
    /// after `[` or `[^` is taken as a member).
    private static func skipClass(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var depth = 0
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if c == "[" {
                depth += 1
                i += 1
                if i < s.count && s[i] == "^" { i += 1 }
                if i < s.count && s[i] == "]" { i += 1 }
                continue
            }
            if c == "]" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return s.count
    }

    /// Past the `)` that closes the group opened at `start`, or -1 when it is never closed.
    private static func skipGroup(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var depth = 0
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if c == "[" { i = skipClass(s, i); continue }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return -1
    }
}
