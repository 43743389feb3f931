import RedlineCore

/// Renders the fixes of one file as a unified diff that `git apply` and `patch -p1` accept,
/// each hunk header labelled with the rules and changes it makes, and the findings without a
/// safe fix listed as `#` annotation lines above the file's header (both tools skip them).
///
/// The hunks are built from the same fixes `FixApplier` applies, so applying the diff gives
/// the same bytes as `redline fix`.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    public static func render(path: String, bytes: [UInt8], diagnostics: [Diagnostic], color: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let fixes = FixApplier.select(diagnostics)
        let chosen = Set(fixes.map { FixKey($0) })
        var out = ""
        for d in diagnostics where d.fix == nil || !chosen.contains(FixKey(d)) {
            let why = d.fix == nil ? (d.suggestions.isEmpty ? "no safe fix" : "no safe fix; suggestions: \(d.suggestions.prefix(3).joined(separator: ", "))")
                : "fix overlaps another"
            out += paint("# \(path):\(d.start.line):\(d.start.column) \(d.severity.rawValue) [\(d.ruleID)] \(d.message) (\(why))", "2") + "\n"
        }
        guard !fixes.isEmpty else { return out }

        let lines = splitLines(bytes)
        // Old line range (0-based, inclusive) each fix touches.
        func lineIndex(_ offset: Int) -> Int {
            var lo = 0, hi = lines.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lines[mid].start <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        struct Change { var first: Int; var last: Int; var fixes: [Diagnostic] }
        var changes: [Change] = []
        for d in fixes {
            let span = d.fix!.span
            let first = lineIndex(span.start)
            let last = span.isEmpty ? first : lineIndex(max(span.start, span.end - 1))
            if var prev = changes.last, first <= prev.last + 2 * context + 1 {
                prev.last = max(prev.last, last)
                prev.fixes.append(d)
                changes[changes.count - 1] = prev
            } else {
                changes.append(Change(first: first, last: last, fixes: [d]))
            }
        }

        out += "--- a/\(path)\n+++ b/\(path)\n"
        var delta = 0
        for change in changes {
            let from = max(0, change.first - context)
            let to = min(lines.count - 1, change.last + context)
            // The changed region: lines change.first...change.last, fixes applied.
            let regionStart = lines[change.first].start
            let regionEnd = lines[change.last].end
            var newRegion: [UInt8] = []
            var cursor = regionStart
            for d in change.fixes {
                let fix = d.fix!
                newRegion += bytes[cursor..<fix.span.start]
                newRegion += Array(fix.replacement.utf8)
                cursor = fix.span.end
            }
            newRegion += bytes[min(cursor, regionEnd)..<regionEnd]
            let newLines = splitLines(newRegion).map { Array(newRegion[$0.start..<$0.end]) }
            let oldCount = to - from + 1
            let newCount = oldCount - (change.last - change.first + 1) + newLines.filter { !$0.isEmpty }.count
            let label = change.fixes.map(describe).joined(separator: "; ")
            out += paint("@@ -\(range(from + 1, oldCount)) +\(range(from + 1 + delta, newCount)) @@ \(label)", "36") + "\n"
            for i in from..<change.first { out += " " + text(bytes, lines[i]) }
            for i in change.first...change.last { out += paint("-" + text(bytes, lines[i]), "31") }
            for l in newLines where !l.isEmpty {
                out += paint("+" + String(decoding: l, as: UTF8.self) + (l.last == 0x0A ? "" : "\n\\ No newline at end of file\n"), "32")
            }
            if change.last + 1 <= to { for i in (change.last + 1)...to { out += " " + text(bytes, lines[i]) } }
            delta += newCount - oldCount
        }
        return out
    }

    private struct FixKey: Hashable {
        var rule: String
        var span: Span
        init(_ d: Diagnostic) {
            rule = d.ruleID
            span = d.span
        }
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : count == 0 ? "\(start - 1),0" : "\(start),\(count)"
    }

    /// "spelling.misspelled: “abalze” → “ablaze”", or "…: delete line".
    static func describe(_ d: Diagnostic) -> String {
        let fix = d.fix!
        let before = d.match.count > 40 ? String(d.match.prefix(37)) + "…" : d.match
        if fix.replacement.isEmpty { return "\(d.ruleID): delete “\(before.trimmingCharacters(in: "\r\n"))”" }
        return "\(d.ruleID): “\(before)” → “\(fix.replacement)”"
    }

    /// A line's text with its line end; a last line without one gets the "No newline" marker.
    private static func text(_ bytes: [UInt8], _ line: (start: Int, end: Int)) -> String {
        let s = String(decoding: bytes[line.start..<line.end], as: UTF8.self)
        return line.end > line.start && bytes[line.end - 1] == 0x0A ? s : s + "\n\\ No newline at end of file\n"
    }

    /// Line ranges including their line ends; an empty input has one empty line.
    static func splitLines(_ bytes: [UInt8]) -> [(start: Int, end: Int)] {
        var lines: [(Int, Int)] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append((start, i + 1))
            start = i + 1
        }
        if start < bytes.count || lines.isEmpty { lines.append((start, bytes.count)) }
        return lines
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
