import RedlineCore

/// Applies fixes to a file's bytes: in span order, the first of two overlapping fixes wins
/// (ties go to the rule id that sorts first), so the result is the same on every run. Two
/// deletions that overlap are both applied: the later one deletes what the earlier one leaves
/// (deleting whole lines with the blank lines beside them, two stray lines can share one).
public enum FixApplier {
    /// The fixes that will be applied, in order, after dropping overlaps (a deletion that
    /// overlaps a deletion is kept, its span cut to start where the other's ends).
    public static func select(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let withFix = diagnostics.filter { $0.fix != nil }.sorted { a, b in
            let fa = a.fix!.span, fb = b.fix!.span
            if fa != fb { return fa < fb }
            return a.ruleID < b.ruleID
        }
        var chosen: [Diagnostic] = []
        var lastEnd = -1
        var lastSpan: Span? = nil
        for d in withFix {
            let span = d.fix!.span
            if let last = lastSpan, span == last { continue }
            if span.start < lastEnd, span.end > lastEnd, d.fix!.replacement.isEmpty,
               let previous = chosen.last, previous.fix!.replacement.isEmpty {
                var rest = d
                rest.fix!.span = Span(lastEnd, span.end)
                chosen.append(rest)
                lastEnd = span.end
                lastSpan = rest.fix!.span
                continue
            }
            // Touching is fine; overlapping is not. Two insertions at one point also conflict.
            if span.start < lastEnd || (span.isEmpty && span.start == lastEnd && lastSpan?.isEmpty == true) { continue }
            chosen.append(d)
            lastEnd = span.end
            lastSpan = span
        }
        return chosen
    }

    /// The bytes after applying the selected fixes.
    public static func apply(_ diagnostics: [Diagnostic], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for d in select(diagnostics) {
            let fix = d.fix!
            guard fix.span.start >= cursor, fix.span.end <= bytes.count else { continue }
            out.append(contentsOf: bytes[cursor..<fix.span.start])
            out.append(contentsOf: Array(fix.replacement.utf8))
            cursor = fix.span.end
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
