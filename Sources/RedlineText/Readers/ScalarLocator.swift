import RedlineCore
import Yams

/// Finds where a YAML scalar's text stands in the source, from the scalar's mark.
///
/// Yams marks count lines as libyaml does (CR, LF, CRLF, NEL, LS and PS all end a line) and
/// columns in Unicode scalars; both are converted to byte offsets here. Each style is then
/// read from its first byte: plain scalars are matched against the parsed value (folded line
/// breaks match any run of blanks and line ends); quoted scalars run to their closing quote
/// (escape backslashes and doubled quotes are left out); block scalars are their content
/// lines less indentation. Anything unexpected gives nil: the value simply stays unchecked.
struct ScalarLocator {
    struct Located {
        /// Where the value's text stands (inside the quotes for quoted scalars).
        var span: Span?
        /// The bytes that produce the value's characters.
        var ranges: [Range<Int>]
    }

    let bytes: [UInt8]
    let range: Range<Int>
    /// Start offsets of the YAML lines, as libyaml counts them.
    let lineStarts: [Int]

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.range = range
        var starts = [range.lowerBound]
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == 0x0A { i += 1; starts.append(i) }
            else if b == 0x0D {
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
                starts.append(i)
            } else if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0x85 { i += 2; starts.append(i) }
            else if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                i += 3; starts.append(i)
            } else { i += 1 }
        }
        lineStarts = starts
    }

    /// Byte offset of a 1-based line and column (in scalars), or nil when out of range.
    func offset(of mark: Mark) -> Int? {
        let line = mark.line - 1
        guard line >= 0 && line < lineStarts.count && mark.column >= 1 else { return nil }
        var i = lineStarts[line]
        var remaining = mark.column - 1
        let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] : range.upperBound
        while remaining > 0 && i < lineEnd {
            i += 1
            while i < lineEnd && bytes[i] & 0xC0 == 0x80 { i += 1 }
            remaining -= 1
        }
        return remaining == 0 && i < range.upperBound ? i : nil
    }

    func locate(_ scalar: Node.Scalar, at mark: Mark, parentIndent: Int) -> Located? {
        guard var start = offset(of: mark) else { return nil }
        // Node properties (`&anchor`, `!tag`) come before the value itself.
        while start < range.upperBound && (bytes[start] == UInt8(ascii: "&") || bytes[start] == UInt8(ascii: "!")) {
            while start < range.upperBound && !(isBlank(bytes[start]) || isLineBreak(bytes[start])) { start += 1 }
            while start < range.upperBound && (isBlank(bytes[start]) || isLineBreak(bytes[start])) { start += 1 }
        }
        guard start < range.upperBound else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "'"): return singleQuoted(from: start, value: scalar.string)
        case UInt8(ascii: "\""): return doubleQuoted(from: start)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if scalar.style == .literal || scalar.style == .folded {
                return block(from: start, parentIndent: parentIndent, value: scalar.string)
            }
            return plain(from: start, value: scalar.string)
        default:
            return plain(from: start, value: scalar.string)
        }
    }

    @inline(__always) private func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    @inline(__always) private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Accumulates contiguous byte ranges.
    private struct Runs {
        var ranges: [Range<Int>] = []
        var runStart = -1
        var runEnd = -1
        mutating func add(_ i: Int) {
            if runStart >= 0 && runEnd == i { runEnd = i + 1; return }
            close()
            runStart = i; runEnd = i + 1
        }
        mutating func close() {
            if runStart >= 0 { ranges.append(runStart..<runEnd) }
            runStart = -1
        }
    }

    /// Matches a plain scalar's value from `start`; a space or newline of the value may stand for
    /// a folded line break (blanks, line ends and indentation) in the source.
    private func plain(from start: Int, value: String) -> Located? {
        let v = Array(value.utf8)
        if v.isEmpty { return Located(span: nil, ranges: []) }
        var runs = Runs()
        var i = start, k = 0
        let end = range.upperBound
        while k < v.count {
            guard i < end else { return nil }
            let c = v[k], b = bytes[i]
            if (c == 0x20 || c == 0x0A) && (isBlank(b) || isLineBreak(b)) {
                // Is this a fold (blanks up to a line end)?
                var j = i
                while j < end && isBlank(bytes[j]) { j += 1 }
                if j < end && isLineBreak(bytes[j]) {
                    runs.close()
                    while j < end && (isBlank(bytes[j]) || isLineBreak(bytes[j])) { j += 1 }
                    i = j
                    k += 1
                    while k < v.count && v[k] == 0x0A { k += 1 }
                    continue
                }
            }
            guard c == b else { return nil }
            runs.add(i)
            i += 1; k += 1
        }
        runs.close()
        guard let first = runs.ranges.first, let last = runs.ranges.last else { return nil }
        return Located(span: Span(first.lowerBound, last.upperBound), ranges: runs.ranges)
    }

    /// From the opening `'` to the closing one; `''` stands for one quote (the first is left out).
    private func singleQuoted(from start: Int, value: String) -> Located? {
        var runs = Runs()
        var i = start + 1
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "'") {
                if i + 1 < end && bytes[i + 1] == UInt8(ascii: "'") {
                    runs.close(); runs.add(i + 1); i += 2; continue
                }
                runs.close()
                return Located(span: Span(start + 1, i), ranges: runs.ranges)
            }
            if isLineBreak(b) { runs.close() } else { runs.add(i) }
            i += 1
        }
        return nil
    }

    /// From the opening `"` to the closing one. Escapes of punctuation (`\"`, `\\`, `\/`) keep the
    /// character and drop the backslash; other escapes (`\n`, `\u00E9`, an escaped line end) are left out.
    private func doubleQuoted(from start: Int) -> Located? {
        var runs = Runs()
        var i = start + 1
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                runs.close()
                return Located(span: Span(start + 1, i), ranges: runs.ranges)
            }
            if b == UInt8(ascii: "\\") {
                runs.close()
                guard i + 1 < end else { return nil }
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    runs.add(i + 1); i += 2
                case UInt8(ascii: "x"): i += 4
                case UInt8(ascii: "u"): i += 6
                case UInt8(ascii: "U"): i += 10
                case 0x0D, 0x0A:
                    i += 1  // the line end is skipped below like any other
                default:
                    // One character; step over a whole UTF-8 sequence.
                    i += 2
                    while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
                runs.close()
                continue
            }
            if isLineBreak(b) { runs.close() } else { runs.add(i) }
            i += 1
        }
        return nil
    }

    /// A literal (`|`) or folded (`>`) block scalar: the header line, then content lines indented
    /// more than the parent; each content line less its indentation.
    private func block(from start: Int, parentIndent: Int, value: String) -> Located? {
        let end = range.upperBound
        // Header: indicators, optional comment, line end.
        var i = start + 1
        var explicitIndent = 0
        while i < end, !isLineBreak(bytes[i]) {
            let b = bytes[i]
            if b >= UInt8(ascii: "1") && b <= UInt8(ascii: "9") && explicitIndent == 0 { explicitIndent = Int(b - 0x30) }
            i += 1
        }
        // Skip the header's line end.
        if i < end && bytes[i] == 0x0D { i += 1 }
        if i < end && bytes[i] == 0x0A { i += 1 }
        var indent = explicitIndent > 0 ? parentIndent + explicitIndent : -1
        var runs = Runs()
        var lineStart = i
        while lineStart < end {
            var j = lineStart
            while j < end && bytes[j] == 0x20 { j += 1 }
            let lineIndent = j - lineStart
            var lineEnd = j
            while lineEnd < end && !isLineBreak(bytes[lineEnd]) { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > j && isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
            let empty = contentEnd == j
            if !empty {
                if indent < 0 {
                    guard lineIndent > parentIndent else { break }
                    indent = lineIndent
                }
                if lineIndent < indent { break }
                runs.close()
                for p in (lineStart + indent)..<contentEnd { runs.add(p) }
                runs.close()
            }
            var next = lineEnd
            if next < end && bytes[next] == 0x0D { next += 1 }
            if next < end && bytes[next] == 0x0A { next += 1 }
            if next == lineEnd { break }
            lineStart = next
        }
        runs.close()
        // The value's non-blank characters must be exactly those found.
        var found: [UInt8] = []
        for r in runs.ranges { for p in r where !isBlank(bytes[p]) { found.append(bytes[p]) } }
        let expected = value.utf8.filter { !isBlank($0) && !isLineBreak($0) }
        guard found.elementsEqual(expected) else { return nil }
        guard let first = runs.ranges.first, let last = runs.ranges.last else { return Located(span: nil, ranges: []) }
        return Located(span: Span(first.lowerBound, last.upperBound), ranges: runs.ranges)
    }
}
