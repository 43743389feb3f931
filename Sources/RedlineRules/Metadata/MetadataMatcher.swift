import Foundation
import RedlineCore

/// Matches the lines of a document against one metadata table.
struct MetadataMatcher: Sendable {
    let table: MetadataPatternTable
    let stopWords: Set<String>
    /// Whole-line matches must not read as prose (see `LineEvidence`).
    let proseGate: Bool
    /// Whole-line matches longer than this (in words; ten bytes a word before counting) are not considered.
    let maxWords: Int

    /// The matchers of the four pattern tables, as their rules use them.
    static func strayLines(_ t: MetadataTables) -> MetadataMatcher {
        MetadataMatcher(table: t.strayLines, stopWords: t.stopWords, proseGate: true, maxWords: 30)
    }
    static func promos(_ t: MetadataTables) -> MetadataMatcher {
        MetadataMatcher(table: t.promos, stopWords: t.stopWords, proseGate: true, maxWords: 36)
    }
    static func cmsResidue(_ t: MetadataTables) -> MetadataMatcher {
        MetadataMatcher(table: t.cmsResidue, stopWords: t.stopWords, proseGate: false, maxWords: 60)
    }
    static func placeholders(_ t: MetadataTables) -> MetadataMatcher {
        MetadataMatcher(table: t.placeholders, stopWords: t.stopWords, proseGate: false, maxWords: 60)
    }

    /// Characters that decorate a line without meaning anything ("* Advertisement *", "— Share —").
    private static let decoration: Set<Character> = [" ", "*", "•", "·", "|", ">", "-", "–", "—", "_", "=", "~", "#", "+"]

    /// The first pattern (in table order) with one of `scopes` that matches the whole line,
    /// tried as written and with decoration stripped. `among`: the line's candidate patterns,
    /// when the caller has them already (see `candidates`).
    func wholeLine(_ line: BodyLine, _ document: Document, scopes: Set<MetadataScope>, among: [Int]? = nil) -> MetadataPattern? {
        // A long line is prose (and regular expressions cost time): only short lines are looked at.
        guard line.span.length <= maxWords * 10 else { return nil }
        let candidates = among.map { filter($0, scopes) } ?? candidates(line, document, scopes: scopes)
        guard !candidates.isEmpty else { return nil }
        return wholeLine(compact: line.compact(document), candidates: candidates)
    }

    /// The same for a line's text alone (blanks already collapsed).
    func wholeLine(text compact: String, scopes: Set<MetadataScope>) -> MetadataPattern? {
        let bytes = Array(compact.utf8)
        guard bytes.count <= maxWords * 10 else { return nil }
        let candidates = table.candidates(bytes, 0..<bytes.count, scopes: scopes)
        guard !candidates.isEmpty else { return nil }
        return wholeLine(compact: compact, candidates: candidates)
    }

    private func wholeLine(compact: String, candidates: [Int]) -> MetadataPattern? {
        var texts = [compact]
        let stripped = Self.stripDecoration(compact)
        if !stripped.isEmpty && stripped != compact { texts.append(stripped) }
        var evidence: LineEvidence? = nil
        for i in candidates {
            let pattern = table.patterns[i]
            guard let regex = pattern.whole else { continue }
            for text in texts where Self.matchesWhole(regex, text) {
                if proseGate {
                    let e = evidence ?? LineEvidence(text, stopWords: stopWords)
                    evidence = e
                    if e.words > maxWords || e.readsAsProse { return nil }
                }
                return pattern
            }
        }
        return nil
    }

    /// The patterns with one of `scopes` whose triggers occur on the line.
    func candidates(_ line: BodyLine, _ document: Document, scopes: Set<MetadataScope>) -> [Int] {
        table.candidates(document.checkable, line.span.start..<line.span.end, scopes: scopes)
    }

    private func filter(_ candidates: [Int], _ scopes: Set<MetadataScope>) -> [Int] {
        candidates.filter { !table.patterns[$0].scopes.isDisjoint(with: scopes) }
    }

    /// A prefix pattern matched at the start of the line, glued to prose: the pattern, the end
    /// of the match and where the prose starts (byte offsets in the source).
    func gluedPrefix(_ line: BodyLine, _ document: Document) -> (pattern: MetadataPattern, matchEnd: Int, proseStart: Int)? {
        let candidates = table.candidates(document.checkable, line.span.start..<line.span.end, scopes: [.prefix])
        guard !candidates.isEmpty else { return nil }
        let text = line.text(document)
        for i in candidates {
            guard let regex = table.patterns[i].prefix else { continue }
            guard let m = regex.firstMatch(in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text)),
                  let r = Range(m.range, in: text) else { continue }
            let rest = text[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
            guard let first = rest.unicodeScalars.first,
                  CharacterSet.uppercaseLetters.contains(first) || "\"“‘'".unicodeScalars.contains(first),
                  rest.split(separator: " ").count >= 5 else { continue }
            let matchEnd = line.span.start + text.utf8.distance(from: text.startIndex, to: r.upperBound)
            let proseStart = line.span.start + text.utf8.distance(from: text.startIndex, to: rest.startIndex)
            return (table.patterns[i], matchEnd, proseStart)
        }
        return nil
    }

    /// Non-overlapping matches of the inline patterns with one of `scopes` (earlier patterns win).
    func inlineMatches(_ line: BodyLine, _ document: Document, scopes: Set<MetadataScope>,
                       among: [Int]? = nil) -> [(span: Span, pattern: MetadataPattern)] {
        let candidates = among.map { filter($0, scopes) } ?? candidates(line, document, scopes: scopes)
        guard !candidates.isEmpty else { return [] }
        let text = line.text(document)
        guard text.utf8.count == line.span.length else { return [] }
        var found: [(span: Span, pattern: MetadataPattern)] = []
        for i in candidates {
            let pattern = table.patterns[i]
            guard let regex = pattern.inline else { continue }
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard m.range.length > 0, let r = Range(m.range, in: text) else { continue }
                let span = Span(line.span.start + text.utf8.distance(from: text.startIndex, to: r.lowerBound),
                                line.span.start + text.utf8.distance(from: text.startIndex, to: r.upperBound))
                if found.contains(where: { $0.span.overlaps(span) }) { continue }
                found.append((span, pattern))
            }
        }
        return found.sorted { $0.span < $1.span }
    }

    /// Whether the inline patterns cover every letter and digit of `text` (a line of nothing but residue).
    func inlineCovers(text: String, scopes: Set<MetadataScope>) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, !table.candidates(bytes, 0..<bytes.count, scopes: scopes).isEmpty else { return false }
        var covered = [Bool](repeating: false, count: bytes.count)
        for i in table.candidates(bytes, 0..<bytes.count, scopes: scopes) {
            guard let regex = table.patterns[i].inline else { continue }
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range, in: text) else { continue }
                let a = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                let b = text.utf8.distance(from: text.startIndex, to: r.upperBound)
                for k in a..<b { covered[k] = true }
            }
        }
        return bytes.indices.allSatisfy { covered[$0] || !MetadataPatternTable.isWordByte(bytes[$0]) }
    }

    static func matchesWhole(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func stripDecoration(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, decoration.contains(f) { s = s.dropFirst() }
        while let l = s.last, decoration.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Helpers shared by the metadata rules.
enum MetadataFindings {
    /// The fix that deletes a whole source line and its line end. A line that stands alone
    /// between blank lines (or the file's edges) goes with the blank lines on one side, so that
    /// the paragraphs around it stay as far apart as they were and the text does not come to
    /// start or end with blank lines: the first line with text takes those after it, the last
    /// one those before it, any other those after it when it has less text before it than after
    /// it, else those before it. (Stray lines gather at the top and the bottom: the fixes of a
    /// run of them there touch, and where two would overlap `FixApplier` deletes what either
    /// would.) A line inside a paragraph goes alone: the blank line after the paragraph
    /// separates it from the next one.
    static func deleteLine(_ line: BodyLine, _ document: Document) -> Fix? {
        guard !line.isFrontMatter else { return nil }
        let source = document.source
        let l = line.line, count = source.lineCount
        let full = source.fullLineSpan(l)
        func isBlank(_ i: Int) -> Bool {
            let s = source.lineContentSpan(i)
            return source.bytes[s.start..<s.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        guard (l == 0 || isBlank(l - 1)) && (l + 1 >= count || isBlank(l + 1)) else {
            return Fix(span: full, replacement: "")
        }
        var next = l + 1
        while next < count && isBlank(next) { next += 1 }
        var previous = l - 1
        while previous >= 0 && isBlank(previous) { previous -= 1 }
        let following = Span(full.start, next < count ? source.fullLineSpan(next).start : source.bytes.count)
        let preceding = Span(previous >= 0 ? source.fullLineSpan(previous + 1).start : full.start, full.end)
        let takesFollowing = previous < 0 || (next < count && full.start < source.bytes.count - full.end)
        return Fix(span: takesFollowing ? following : preceding, replacement: "")
    }

    /// "a" or "an" before a label ("an editors' note", "an HTML tag", "a date line").
    static func article(_ label: String) -> String {
        guard let f = label.first else { return "a" }
        if label.hasPrefix("HTML") || label.hasPrefix("URL") { return "an" }
        return "aeiouAEIOU".contains(f) ? "an" : "a"
    }

    /// "a date line left in the copy".
    static func describe(_ label: String) -> String { "\(article(label)) \(label) left in the copy" }

    /// The line's text for a message, shortened.
    static func quote(_ text: String, limit: Int = 60) -> String {
        let t = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if t.count <= limit { return "“\(t)”" }
        return "“\(t.prefix(limit - 1))…”"
    }

    /// Tests the blocks at each edge of the body, outside in, until `count` blocks with no flagged
    /// line have been seen from that edge (a run of stray lines at the top or bottom widens the
    /// window). `test` is called once per line and returns whether it flagged the line.
    static func scanEdges(_ lines: [BodyLine], count: Int = 3, test: (Int) -> Bool) {
        // Lines come in block order: the ranges of lines of each block.
        var groups: [Range<Int>] = []
        var i = 0
        while i < lines.count {
            var j = i + 1
            while j < lines.count && lines[j].ordinal == lines[i].ordinal { j += 1 }
            groups.append(i..<j)
            i = j
        }
        var results = [Bool?](repeating: nil, count: lines.count)
        for order in [Array(groups.indices), Array(groups.indices.reversed())] {
            var clean = 0
            for g in order {
                if clean >= count { break }
                var any = false
                for i in groups[g] {
                    let flagged = results[i] ?? test(i)
                    results[i] = flagged
                    if flagged { any = true }
                }
                if !any { clean += 1 }
            }
        }
    }
}
