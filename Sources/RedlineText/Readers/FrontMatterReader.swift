import RedlineCore
import Yams

/// Reads YAML front matter: a file that starts (after an optional BOM) with a line `---` and
/// has a later line `---` or `...` closing it.
///
/// Every field of the top-level mapping becomes a `FrontMatter.Field` (nested mappings are
/// flattened to `parent.child` keys; sequences are joined with ", "). The values of `title`,
/// `description` and `summary` are also located exactly in the source so that the readers can
/// keep them checkable.
public enum FrontMatterReader {
    /// The keys whose values are checked as prose.
    public static let checkedKeys: Set<String> = ["title", "description", "summary"]

    /// Parses the front matter of `source`.
    ///
    /// - Returns: the front matter (nil when there is none, or when it is not valid YAML),
    ///   the offset where the body starts (past the closing line; 0 when there is no closed
    ///   front matter) and a problem when the front matter is unterminated or does not parse.
    public static func read(_ source: SourceFile) -> (frontMatter: FrontMatter?, bodyStart: Int, problem: ReaderNote?) {
        let parsed = parse(source)
        return (parsed.frontMatter, parsed.bodyStart, parsed.problem)
    }

    /// The full result, with the source ranges to keep checkable.
    struct Parsed {
        var frontMatter: FrontMatter?
        var bodyStart: Int
        var problem: ReaderNote?
        /// For each checked key (in source order), the byte ranges of its value's text.
        var checked: [(key: String, ranges: [Range<Int>])] = []

        /// Masks the front matter in `checkable` (which must be a copy of, or masked from,
        /// `bytes`), unmasks the checked values, and returns their blocks.
        func apply(to checkable: inout [UInt8], bytes: [UInt8], bomLength: Int) -> [Block] {
            ReaderBytes.mask(&checkable, bytes, 0..<max(bodyStart, bomLength))
            var blocks: [Block] = []
            for (key, ranges) in checked {
                for r in ranges { ReaderBytes.unmask(&checkable, bytes, r) }
                if let span = ReaderBytes.tightSpan(ranges, in: bytes) {
                    blocks.append(Block(kind: .frontMatter(key: key), span: span))
                }
            }
            return blocks
        }
    }

    /// Deeper YAML than this is refused rather than handed to the (recursive) composer.
    static let maxNestingEstimate = 200
    /// More aliases than this are refused (a few aliases can stand for a huge tree).
    static let maxAliases = 32
    /// At most this many fields and list items are read.
    static let maxFields = 2000

    static func parse(_ source: SourceFile) -> Parsed {
        let bytes = source.bytes
        let start = source.bomLength
        guard let opener = delimiterLine(bytes, at: start), opener.marker == UInt8(ascii: "-") else {
            return Parsed(frontMatter: nil, bodyStart: 0, problem: nil)
        }
        // Find the closing line.
        var lineStart = opener.next
        var closing: (contentEnd: Int, next: Int)? = nil
        var closingStart = bytes.count
        while lineStart < bytes.count {
            if let d = delimiterLine(bytes, at: lineStart) {
                closing = (d.contentEnd, d.next)
                closingStart = lineStart
                break
            }
            lineStart = nextLine(bytes, from: lineStart)
        }
        guard let close = closing else {
            let problem = ReaderNote(
                message: "front matter opened on line 1 is never closed (no line `---` or `...` after it); read as text",
                span: Span(start, opener.contentEnd))
            return Parsed(frontMatter: nil, bodyStart: 0, problem: problem)
        }
        let fmSpan = Span(start, close.contentEnd)
        let yamlRange = opener.next..<closingStart
        var parsed = Parsed(frontMatter: nil, bodyStart: close.next, problem: nil)

        if nestingEstimate(bytes, yamlRange) > maxNestingEstimate {
            parsed.problem = ReaderNote(message: "front matter is nested too deeply to read; ignored",
                                         span: source.lineContentSpan(1))
            return parsed
        }
        if aliasCount(bytes, yamlRange) > maxAliases {
            parsed.problem = ReaderNote(message: "front matter uses too many YAML aliases to read; ignored",
                                         span: source.lineContentSpan(1))
            return parsed
        }

        let yaml = String(decoding: bytes[yamlRange], as: UTF8.self)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (line, what) = describe(error, yaml: yaml)
            // YAML line 1 is source line index 1 (line 0 holds the opening `---`).
            let sourceLine = min(max(line, 1), source.lineIndex(of: closingStart))
            parsed.problem = ReaderNote(
                message: "front matter is not valid YAML (line \(sourceLine + 1)): \(what); ignored",
                span: source.lineContentSpan(sourceLine))
            return parsed
        }
        guard let root else {
            parsed.frontMatter = FrontMatter(span: fmSpan, fields: [])
            return parsed
        }
        guard case .mapping(let mapping) = root else {
            let line = min(max((root.mark?.line ?? 1), 1), source.lineIndex(of: closingStart))
            parsed.problem = ReaderNote(message: "front matter is not a YAML mapping of keys to values; ignored",
                                         span: source.lineContentSpan(line))
            return parsed
        }

        let locator = ScalarLocator(bytes: bytes, range: yamlRange)
        var fields: [FrontMatter.Field] = []
        var budget = maxFields
        collect(mapping, prefix: "", depth: 0, locator: locator, budget: &budget,
                fields: &fields, checked: &parsed.checked)
        parsed.frontMatter = FrontMatter(span: fmSpan, fields: fields)
        return parsed
    }

    // MARK: - Fields

    private static func collect(_ mapping: Node.Mapping, prefix: String, depth: Int, locator: ScalarLocator,
                                budget: inout Int,
                                fields: inout [FrontMatter.Field], checked: inout [(key: String, ranges: [Range<Int>])]) {
        for (keyNode, value) in mapping {
            guard budget > 0 else { return }
            budget -= 1
            guard let rawKey = keyNode.scalar?.string else { continue }
            let key = prefix.isEmpty ? rawKey : prefix + "." + rawKey
            switch value {
            case .scalar(let scalar):
                var located: ScalarLocator.Located? = nil
                // A value composed from an alias carries the anchor's mark; only trust marks after the key.
                if let mark = scalar.mark, let keyMark = keyNode.mark,
                   (mark.line, mark.column) > (keyMark.line, keyMark.column) {
                    located = locator.locate(scalar, at: mark, parentIndent: keyMark.column - 1)
                }
                fields.append(FrontMatter.Field(key: key, value: scalar.string, span: located?.span))
                if depth == 0, checkedKeys.contains(rawKey), let located, !located.ranges.isEmpty {
                    checked.append((key: rawKey, ranges: located.ranges))
                }
            case .sequence(let sequence):
                var parts: [String] = []
                flatten(sequence, depth: 0, budget: &budget, into: &parts)
                fields.append(FrontMatter.Field(key: key, value: parts.joined(separator: ", "), span: nil))
            case .mapping(let nested):
                if depth < 8 {
                    collect(nested, prefix: key, depth: depth + 1, locator: locator, budget: &budget,
                            fields: &fields, checked: &checked)
                }
            case .alias:
                continue
            }
        }
    }

    /// The scalars of a sequence (and of sequences inside it), within a budget: aliases can make
    /// a small YAML text stand for an exponentially large tree.
    private static func flatten(_ sequence: Node.Sequence, depth: Int, budget: inout Int, into parts: inout [String]) {
        for item in sequence {
            guard budget > 0 else { return }
            switch item {
            case .scalar(let s): parts.append(s.string); budget -= 1
            case .sequence(let inner) where depth < 8: flatten(inner, depth: depth + 1, budget: &budget, into: &parts)
            default: continue
            }
        }
    }

    private static func describe(_ error: Error, yaml: String) -> (line: Int, message: String) {
        guard let e = error as? YamlError else { return (1, "\(error)") }
        switch e {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context { return (mark.line, "\(problem) (\(context.text))") }
            return (mark.line, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "duplicated key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            var line = 1
            if let offset {
                var n = 0
                for b in yaml.utf8 { if n >= offset { break }; if b == 0x0A { line += 1 }; n += 1 }
            }
            return (line, problem)
        default:
            return (1, "\(e)")
        }
    }

    // MARK: - Delimiters

    /// A line `---` or `...` (trailing blanks allowed) starting at `start`.
    static func delimiterLine(_ bytes: [UInt8], at start: Int) -> (marker: UInt8, contentEnd: Int, next: Int)? {
        guard start + 3 <= bytes.count else { return nil }
        let m = bytes[start]
        guard m == UInt8(ascii: "-") || m == UInt8(ascii: ".") else { return nil }
        guard bytes[start + 1] == m && bytes[start + 2] == m else { return nil }
        var i = start + 3
        while i < bytes.count && (bytes[i] == ReaderBytes.space || bytes[i] == ReaderBytes.tab) { i += 1 }
        let contentEnd = i
        if i == bytes.count { return (m, contentEnd, i) }
        if bytes[i] == ReaderBytes.lf { return (m, contentEnd, i + 1) }
        if bytes[i] == ReaderBytes.cr && i + 1 < bytes.count && bytes[i + 1] == ReaderBytes.lf { return (m, contentEnd, i + 2) }
        if bytes[i] == ReaderBytes.cr && i + 1 == bytes.count { return (m, contentEnd, i + 1) }
        return nil
    }

    static func nextLine(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count && bytes[i] != ReaderBytes.lf { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// How many tokens look like YAML aliases (`*name` after a blank, `[`, `{`, `,` or a line start).
    static func aliasCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        var previous: UInt8 = 0x0A
        for i in range {
            let b = bytes[i]
            if b == UInt8(ascii: "*") && i + 1 < range.upperBound {
                let after = bytes[i + 1]
                let startsToken = previous == 0x0A || previous == 0x0D || previous == 0x20 || previous == 0x09
                    || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
                if startsToken && after > 0x20 && after != UInt8(ascii: "*") { count += 1 }
            }
            previous = b
        }
        return count
    }

    /// An upper bound on how deeply the YAML nests (flow brackets, plus indentation and
    /// compact `- ` / `? ` indicators of block collections). Keeps the recursive composer safe.
    static func nestingEstimate(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var flow = 0, maxFlow = 0, maxLine = 0
        var i = range.lowerBound
        while i < range.upperBound {
            // Start of a line: indentation and compact indicators.
            var depth = 0
            while i < range.upperBound && bytes[i] == ReaderBytes.space { depth += 1; i += 1 }
            while i + 1 < range.upperBound,
                  bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: ":"),
                  bytes[i + 1] == ReaderBytes.space {
                depth += 2; i += 2
                while i < range.upperBound && bytes[i] == ReaderBytes.space { depth += 1; i += 1 }
            }
            maxLine = max(maxLine, depth)
            while i < range.upperBound && bytes[i] != ReaderBytes.lf {
                let b = bytes[i]
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") { flow += 1; maxFlow = max(maxFlow, flow) }
                else if (b == UInt8(ascii: "]") || b == UInt8(ascii: "}")) && flow > 0 { flow -= 1 }
                i += 1
            }
            i += 1
        }
        return maxFlow + maxLine / 2
    }
}
