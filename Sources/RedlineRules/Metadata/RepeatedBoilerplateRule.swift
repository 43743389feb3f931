import Foundation
import RedlineCore

/// `metadata.repeated-boilerplate`: a line that stands, verbatim or nearly, at the start or end
/// of many files of a run is likely template residue (a CMS footer, a feed's header).
///
/// Lines are compared ignoring case, punctuation, spacing and the digits of numbers
/// ("© 2024 …" and "© 2025 …" are one line); a line with a separator ("Read more: …",
/// "Newsletter | …") is also compared by what precedes the separator. "Many" is at least three
/// files and 0.5% of the run (5% for lines that read as sentences, such as an author's bio);
/// the first and last three lines of each body are looked at. Lines the other `metadata.*`
/// rules already flag are left to them. An outlet's real standard footer is kept by listing it
/// in the `metadata.allow` setting (one line per entry; a trailing `*` matches any ending).
public struct RepeatedBoilerplateRule: RunRule {
    public static let info = RuleInfo(
        id: "metadata.repeated-boilerplate",
        category: .metadata,
        defaultSeverity: .warning,
        summary: "A line that stands, verbatim or nearly, among the first or last three lines of many files "
            + "of the run (at least 3 and 0.5% of them; 5% for full sentences): likely template residue. "
            + "Lines listed in the metadata.allow setting are kept. The fix deletes the line.",
        passes: [
            RuleExample("Clark Kent is a reporter for the Daily Planet.\n\nThe bridge reopened on Friday."),
        ]
    )

    /// What one document offers: its edge lines.
    public struct Facts: Sendable, Codable {
        public var lines: [Candidate]
    }

    /// One line among the first or last lines of a body, ready to report.
    public struct Candidate: Sendable, Codable {
        public var key: String
        /// The words before a separator (": ", " - ", " | "), when there is one.
        public var headKey: String?
        /// Switched off by a disable comment: counted, not reported.
        public var suppressed: Bool
        /// Ends as a sentence or is long: needs more files to count as boilerplate.
        public var readsAsProse: Bool
        /// The line's text, blanks collapsed (to ask the other metadata rules about it).
        public var text: String
        public var span: Span
        public var start: SourceLocation
        public var end: SourceLocation
        public var match: String
        public var sourceLine: String
        public var fixSpan: Span?
        public var fixStart: SourceLocation?
        public var fixEnd: SourceLocation?
    }

    /// How many lines at each end of a body are compared.
    static let edgeLines = 3

    private let others: [MetadataMatcher]
    private let residue: MetadataMatcher

    public init(environment: RuleEnvironment) throws {
        let tables = try MetadataTables.shared(environment)
        residue = .cmsResidue(tables)
        others = [.strayLines(tables), .promos(tables), .placeholders(tables), .cmsResidue(tables)]
    }

    public func collect(_ document: Document, options: CheckOptions) -> Facts {
        let lines = BodyLines.of(document)
        guard !lines.isEmpty else { return Facts(lines: []) }
        var picked = Array(lines.indices.prefix(Self.edgeLines))
        for i in lines.indices.suffix(Self.edgeLines) where !picked.contains(i) { picked.append(i) }
        let suppressed = SuppressedLines(document, ruleID: Self.info.id)
        let source = document.source
        var out: [Candidate] = []
        for i in picked {
            let line = lines[i]
            guard line.span.length <= 400 else { continue }
            let compact = line.compact(document)
            let (key, head) = Self.keys(compact)
            guard Self.hasWord(key) else { continue }
            let fix = MetadataFindings.deleteLine(line, document)
            let rewritable = source.isRewritable
            out.append(Candidate(
                key: key, headKey: head, suppressed: suppressed.contains(line.line),
                readsAsProse: LineEvidence.endsSentence(compact) || compact.utf8.count(where: { $0 == 0x20 }) >= 12,
                text: compact,
                span: line.span, start: source.location(of: line.span.start), end: source.location(of: line.span.end),
                match: document.text(line.span), sourceLine: source.text(source.lineContentSpan(line.line)),
                fixSpan: rewritable ? fix?.span : nil,
                fixStart: rewritable ? fix.map { source.location(of: $0.span.start) } : nil,
                fixEnd: rewritable ? fix.map { source.location(of: $0.span.end) } : nil))
        }
        return Facts(lines: out)
    }

    public func judge(_ facts: [(path: String, facts: Facts)], options: CheckOptions) -> [Diagnostic] {
        let files = facts.count
        guard files >= 3 else { return [] }
        // Lines are counted by 64-bit hashes of their keys and texts, each file once (files
        // come in order, so remembering the last file counted is enough).
        var byKey = DistinctFiles(), byHead = DistinctFiles(), byText = DistinctFiles()
        var hashes: [(key: UInt64, head: UInt64?)] = []
        var textKeys: [UInt64: UInt64] = [:]
        for (f, item) in facts.enumerated() {
            for c in item.facts.lines {
                let key = FNV64.of(c.key), text = FNV64.of(c.text), head = c.headKey.map { FNV64.of($0) }
                hashes.append((key, head))
                byKey.count(key, file: f)
                byText.count(text, file: f)
                textKeys[text] = key
                if let head { byHead.count(head, file: f) }
            }
        }
        // Keys under which one exact line stands in three files or more: a template.
        let templates = Set(textKeys.compactMap { text, key in byText.files(text) >= 3 ? key : nil })
        let allow = Self.allowList(options.values["metadata.allow"])
        var out: [Diagnostic] = []
        var next = 0
        for (f, item) in facts.enumerated() {
            for c in item.facts.lines {
                let hash = hashes[next]
                next += 1
                guard !c.suppressed else { continue }
                let needed = max(3, Int((Double(files) * (c.readsAsProse ? 0.05 : 0.005)).rounded(.up)))
                let count = max(byKey.files(hash.key), hash.head.map { byHead.files($0) } ?? 0)
                guard count >= needed, !allow.contains(where: { $0.matches(c.key) }) else { continue }
                // Left to the rule that names what the line is.
                if others.contains(where: { $0.wholeLine(text: c.text, scopes: [.line, .edge]) != nil })
                    || residue.inlineCovers(text: c.text, scopes: [.inline, .inlineText]) { continue }
                // Deleting is safe only for copies of a line written exactly so in three files or
                // more (a template): lines that merely look alike ("Paragraph 3 of story 12: …")
                // are reported, not deleted, else each `fix` would delete the next such line.
                out.append(diagnostic(c, path: item.path, count: count, files: files, fileIndex: f,
                                      deletable: templates.contains(hash.key)))
            }
        }
        return out
    }

    /// How many distinct files each hashed line is in.
    private struct DistinctFiles {
        private var counts: [UInt64: (files: Int, last: Int)] = [:]

        /// Counts `file` for `hash`, unless it was the last file counted for it.
        mutating func count(_ hash: UInt64, file: Int) {
            var entry = counts[hash] ?? (files: 0, last: -1)
            if entry.last != file { entry = (entry.files + 1, file) }
            counts[hash] = entry
        }

        func files(_ hash: UInt64) -> Int { counts[hash]?.files ?? 0 }
    }

    /// A line is counted with the lines of the same key or the same head, and needs only the
    /// number of files besides.
    public func links(_ facts: Facts) -> [[UInt64]]? {
        facts.lines.map { c in [FNV64.of("key:" + c.key)] + (c.headKey.map { [FNV64.of("head:" + $0)] } ?? []) }
    }

    public var unlinkedFacts: Facts? { Facts(lines: []) }

    private func diagnostic(_ c: Candidate, path: String, count: Int, files: Int, fileIndex: Int, deletable: Bool) -> Diagnostic {
        let finding = Finding(Self.info, span: Span(0, c.match.utf8.count),
                              message: "\(MetadataFindings.quote(c.match)) stands at the start or end of \(count) of the "
                                  + "\(files) files: likely template residue (list it in metadata.allow if it belongs)")
        var d = Diagnostic(finding: finding, in: SourceFile(path: path, text: c.match))
        d.span = c.span
        d.start = c.start
        d.end = c.end
        d.sourceLine = c.sourceLine
        if deletable, let s = c.fixSpan, let a = c.fixStart, let b = c.fixEnd {
            d.fix = Diagnostic.ResolvedFix(span: s, start: a, end: b, replacement: "")
        } else {
            d.fix = nil
        }
        return d
    }

    // MARK: - Keys

    /// The comparison key of a line (lower case, words only, numbers as `#`) and, when the line
    /// has a separator, the key of what precedes it (two words at least).
    static func keys(_ text: String) -> (String, String?) {
        let key = normalize(Substring(text))
        var head: String? = nil
        let bytes = Array(text.utf8)
        // The first separator: ": ", or a dash, bar or guillemet between spaces.
        var i = 0
        search: while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == 0x20 { break search }
            if bytes[i] == 0x20 {
                for sep in separators where i + 1 + sep.count < bytes.count && bytes[(i + 1)...].starts(with: sep)
                    && bytes[i + 1 + sep.count] == 0x20 { break search }
            }
            i += 1
        }
        if i + 1 < bytes.count {
            let h = normalize(Substring(String(decoding: bytes[..<i], as: UTF8.self)))
            if h.split(separator: " ").count >= 2 && h != key { head = "head:" + h }
        }
        return (key, head)
    }

    private static let separators: [[UInt8]] = ["-", "–", "—", "|", "›", "»"].map { Array($0.utf8) }

    /// Lower case, words only, runs of digits (with inner "," and ".") as `#`. Bytes of non-ASCII
    /// characters count as letters and are kept as they are.
    static func normalize(_ text: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var inNumber = false
        for b in text.utf8 {
            let isLetter = b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
            if isLetter {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                inNumber = false
                out.append(MetadataPatternTable.lower(b))
            } else if b >= 0x30 && b <= 0x39 {
                if !inNumber {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    out.append(UInt8(ascii: "#"))
                }
                pendingSpace = false
                inNumber = true
            } else if b == UInt8(ascii: ",") || b == UInt8(ascii: ".") {
                // "3,803" and "1.5" are one number; elsewhere, a break.
                if !inNumber { pendingSpace = true }
            } else {
                pendingSpace = true
                inNumber = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// At least one word of three letters.
    static func hasWord(_ key: String) -> Bool {
        var run = 0
        for b in key.utf8 {
            if b == 0x20 || b == UInt8(ascii: "#") { run = 0 } else { run += 1; if run >= 3 { return true } }
        }
        return false
    }

    struct AllowEntry {
        var key: String
        var isPrefix: Bool
        func matches(_ k: String) -> Bool { isPrefix ? k.hasPrefix(key) : k == key }
    }

    /// Entries of `metadata.allow`: one per line (or separated by `;`), compared like lines; a
    /// trailing `*` matches any ending.
    static func allowList(_ value: String?) -> [AllowEntry] {
        guard let value else { return [] }
        return value.split(whereSeparator: { $0 == "\n" || $0 == ";" }).compactMap { raw in
            var entry = raw.trimmingCharacters(in: .whitespaces)
            let isPrefix = entry.hasSuffix("*")
            if isPrefix { entry.removeLast() }
            let key = normalize(Substring(entry))
            return key.isEmpty ? nil : AllowEntry(key: key, isPrefix: isPrefix)
        }
    }
}

/// The lines of a document where a rule is switched off by `<!-- redline-disable … -->`
/// comments (run rules judge after the engine's own suppression step, so they apply it here).
struct SuppressedLines {
    private var ranges: [ClosedRange<Int>] = []

    init(_ document: Document, ruleID: String) {
        let category = ruleID.split(separator: ".").first.map(String.init) ?? ruleID
        func names(_ rules: [String]) -> Bool {
            rules.isEmpty || rules.contains { $0 == ruleID || $0 == category || $0 == category + ".*" }
        }
        var open: Int? = nil
        for d in document.directives {
            switch d.action {
            case .disable where names(d.rules): if open == nil { open = d.line }
            case .enable where names(d.rules):
                if let o = open { ranges.append(o...max(o, d.line)); open = nil }
            case .disableNextLine where names(d.rules):
                var next = d.line + 1
                while next < document.source.lineStarts.count, document.source.lineContentSpan(next).isEmpty { next += 1 }
                ranges.append(next...next)
            default: break
            }
        }
        if let o = open { ranges.append(o...Int.max) }
    }

    func contains(_ line: Int) -> Bool { ranges.contains { $0.contains(line) } }
}

extension RepeatedBoilerplateRule.Candidate {
    fileprivate enum CodingKeys: String, CodingKey {
        case key, headKey, suppressed, readsAsProse, text, span, start, end, match, sourceLine, fixSpan, fixStart, fixEnd
    }

    /// `text` and `sourceLine` are left out when they equal `match` (the usual case), which
    /// halves the facts kept in the cache and exchanged between shards.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encodeIfPresent(headKey, forKey: .headKey)
        try c.encode(suppressed, forKey: .suppressed)
        try c.encode(readsAsProse, forKey: .readsAsProse)
        if text != match { try c.encode(text, forKey: .text) }
        try c.encode(span, forKey: .span)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(match, forKey: .match)
        if sourceLine != match { try c.encode(sourceLine, forKey: .sourceLine) }
        try c.encodeIfPresent(fixSpan, forKey: .fixSpan)
        try c.encodeIfPresent(fixStart, forKey: .fixStart)
        try c.encodeIfPresent(fixEnd, forKey: .fixEnd)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        headKey = try c.decodeIfPresent(String.self, forKey: .headKey)
        suppressed = try c.decode(Bool.self, forKey: .suppressed)
        readsAsProse = try c.decode(Bool.self, forKey: .readsAsProse)
        span = try c.decode(Span.self, forKey: .span)
        start = try c.decode(SourceLocation.self, forKey: .start)
        end = try c.decode(SourceLocation.self, forKey: .end)
        match = try c.decode(String.self, forKey: .match)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? match
        sourceLine = try c.decodeIfPresent(String.self, forKey: .sourceLine) ?? match
        fixSpan = try c.decodeIfPresent(Span.self, forKey: .fixSpan)
        fixStart = try c.decodeIfPresent(SourceLocation.self, forKey: .fixStart)
        fixEnd = try c.decodeIfPresent(SourceLocation.self, forKey: .fixEnd)
    }
}
