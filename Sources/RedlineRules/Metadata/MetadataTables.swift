import Foundation
import RedlineCore

/// Where a pattern of a metadata table applies (see `Rules/metadata/README.md`).
enum MetadataScope: String, Sendable {
    /// A whole line, anywhere in the body.
    case line
    /// A whole line among the first or last blocks of the body.
    case edge
    /// At the start of a paragraph's first line, glued to the prose that follows.
    case prefix
    /// Inside a line, in any format.
    case inline
    /// Inside a line, in plain text only.
    case inlineText = "inline-text"
}

/// One pattern of a metadata table, compiled.
struct MetadataPattern: @unchecked Sendable {
    let label: String
    let scopes: Set<MetadataScope>
    /// Lower-cased ASCII literals, one of which a line must contain; empty: every line.
    let triggers: [[UInt8]]
    /// Anchored at both ends (line and edge scopes).
    let whole: NSRegularExpression?
    /// Anchored at the start and followed by blanks and more text (prefix scope).
    let prefix: NSRegularExpression?
    /// Unanchored (inline scopes).
    let inline: NSRegularExpression?
    /// `file:line`, for messages about the table itself.
    let origin: String

    func has(_ scope: MetadataScope) -> Bool { scopes.contains(scope) }
}

/// A table of patterns with an index of their trigger literals, so that a line is matched only
/// against the patterns whose triggers it contains.
struct MetadataPatternTable: Sendable {
    let patterns: [MetadataPattern]
    /// Patterns that run on every line.
    private let always: [Int]
    /// The trigger literals (lower case) laid end to end, sorted by first byte; literal `e`
    /// is `literalBytes[literalStart[e]..<literalStart[e + 1]]` and belongs to `literalPattern[e]`.
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]
    private let literalPattern: [Int32]
    /// Literals `firstIndex[b]..<firstIndex[b + 1]` start with byte `b`.
    private let firstIndex: [Int32]
    /// Each pattern's scopes as bits (see `mask`).
    private let scopeBits: [UInt8]
    /// Per byte: 1 when it belongs to a word (see `isWordByte`), else 0.
    private let wordByte: [UInt8]
    /// A 65,536-bit set over byte pairs as written (either case): bit `b0 << 8 | b1` is set when
    /// a literal starts with `b0` and has `b1` second, or `b0` alone is a literal (then for
    /// every `b1`). One look-up a byte finds where a literal may start: most bytes are passed
    /// over without a branch that depends on the text.
    private let pairBits: [UInt64]

    init(patterns: [MetadataPattern]) {
        self.patterns = patterns
        var always: [Int] = []
        var pairs: [(literal: [UInt8], pattern: Int)] = []
        for (i, p) in patterns.enumerated() {
            if p.triggers.isEmpty { always.append(i); continue }
            for t in p.triggers where !t.isEmpty { pairs.append((t, i)) }
        }
        pairs.sort { ($0.literal[0], $0.pattern) < ($1.literal[0], $1.pattern) }
        var index = [Int32](repeating: 0, count: 257)
        for pair in pairs { index[Int(pair.literal[0]) + 1] += 1 }
        for b in 0..<256 { index[b + 1] += index[b] }
        var bytes: [UInt8] = [], starts: [Int32] = [0], owners: [Int32] = []
        for pair in pairs {
            bytes += pair.literal
            starts.append(Int32(bytes.count))
            owners.append(Int32(pair.pattern))
        }
        // Both cases of an ASCII letter, as the literals are lower case and the text is not.
        func cases(_ b: UInt8) -> [UInt8] { b >= 0x61 && b <= 0x7A ? [b, b - 0x20] : [b] }
        var bits = [UInt64](repeating: 0, count: 65_536 / 64)
        func set(_ b0: UInt8, _ b1: UInt8) {
            let bit = Int(b0) << 8 | Int(b1)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for pair in pairs {
            for b0 in cases(pair.literal[0]) {
                if pair.literal.count == 1 {
                    for b1 in 0...255 { set(b0, UInt8(b1)) }
                } else {
                    for b1 in cases(pair.literal[1]) { set(b0, b1) }
                }
            }
        }
        pairBits = bits
        self.always = always
        literalBytes = bytes
        literalStart = starts
        literalPattern = owners
        firstIndex = index
        scopeBits = patterns.map { Self.mask($0.scopes) }
        wordByte = (0..<256).map { Self.isWordByte(UInt8($0)) ? 1 : 0 }
    }

    static func mask(_ scopes: Set<MetadataScope>) -> UInt8 {
        var m: UInt8 = 0
        for s in scopes {
            switch s {
            case .line: m |= 1
            case .edge: m |= 2
            case .prefix: m |= 4
            case .inline: m |= 8
            case .inlineText: m |= 16
            }
        }
        return m
    }

    /// The indices of the patterns (in table order) whose triggers occur in `bytes[range]`
    /// (ASCII case ignored; a trigger that starts with a letter or digit must start a word),
    /// limited to those that have one of `scopes`.
    func candidates(_ bytes: [UInt8], _ range: Range<Int>, scopes: Set<MetadataScope>) -> [Int] {
        let wanted = Self.mask(scopes)
        var hit: [Bool] = []
        for i in always where scopeBits[i] & wanted != 0 {
            if hit.isEmpty { hit = [Bool](repeating: false, count: patterns.count) }
            hit[i] = true
        }
        bytes.withUnsafeBufferPointer { text in
        wordByte.withUnsafeBufferPointer { wordByte in
        pairBits.withUnsafeBufferPointer { pairBits in
            // Where a literal may start, literals are tried (few places: most bytes are passed
            // over by `nextLiteralStart`).
            var previousIsWord: UInt8 = 0
            let end = range.upperBound
            var k = range.lowerBound
            while let k0 = Self.nextLiteralStart(text, from: k, to: end, previousIsWord: &previousIsWord,
                                                 wordByte: wordByte, pairBits: pairBits) {
                let lower = Int(Self.lower(text[k0]))
                for e in Int(firstIndex[lower])..<Int(firstIndex[lower + 1]) {
                    let p = Int(literalPattern[e])
                    if scopeBits[p] & wanted == 0 || (!hit.isEmpty && hit[p]) { continue }
                    let s = Int(literalStart[e]), n = Int(literalStart[e + 1]) - s
                    guard k0 + n <= end else { continue }
                    var j = 1
                    while j < n && Self.lower(text[k0 + j]) == literalBytes[s + j] { j += 1 }
                    if j == n {
                        if hit.isEmpty { hit = [Bool](repeating: false, count: patterns.count) }
                        hit[p] = true
                    }
                }
                k = k0 + 1
            }
        }}}
        guard !hit.isEmpty else { return [] }
        return hit.indices.filter { hit[$0] }
    }

    /// The first position from `k` where a literal may start: its byte and the next one begin a
    /// literal (`pairBits`; past `end` the next byte counts as 0, which only a literal of one
    /// byte accepts), and it does not continue a word. `previousIsWord` (0 or 1) is kept across
    /// calls. Branch-free but for the answer.
    @inline(__always) private static func nextLiteralStart(
        _ bytes: UnsafeBufferPointer<UInt8>, from k: Int, to end: Int, previousIsWord: inout UInt8,
        wordByte: UnsafeBufferPointer<UInt8>, pairBits: UnsafeBufferPointer<UInt64>
    ) -> Int? {
        guard k < end else { return nil }
        var k = k
        var previous = previousIsWord
        var b = bytes[k]
        while true {
            let next: UInt8 = k &+ 1 < end ? bytes[k &+ 1] : 0
            let isWord = wordByte[Int(b)]
            let bit = Int(b) &<< 8 | Int(next)
            let may = UInt8(truncatingIfNeeded: pairBits[bit &>> 6] &>> UInt64(bit & 63)) & 1 & ~(isWord & previous)
            if may != 0 {
                previousIsWord = isWord
                return k
            }
            previous = isWord
            k &+= 1
            if k >= end { break }
            b = next
        }
        previousIsWord = previous
        return nil
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// ASCII letters and digits, and every byte of a non-ASCII character (letters, mostly).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }
}

/// The data of the `metadata.*` rules, read once from `Rules/metadata/` and shared by them.
final class MetadataTables: @unchecked Sendable {
    let strayLines: MetadataPatternTable
    let promos: MetadataPatternTable
    let cmsResidue: MetadataPatternTable
    let placeholders: MetadataPatternTable
    /// Lower-case English function words.
    let stopWords: Set<String>

    /// The tables of a run, built by the first metadata rule that asks.
    static func shared(_ environment: RuleEnvironment) throws -> MetadataTables {
        try environment.shared(MetadataTables.self) { try MetadataTables(dataDirectory: environment.dataDirectory) }
    }

    init(dataDirectory: String) throws {
        let dir = dataDirectory + "/Rules/metadata"
        stopWords = Set(try Self.listFile(dir + "/stopwords.txt").map { $0.lowercased() })
        let agencies = try Self.listFile(dir + "/agencies.txt")
        var macros: [String: String] = [:]
        let escaped = agencies.sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }
        macros["AGENCY"] = "(?-i:(?<![\\p{L}\\p{N}])(?:" + escaped.joined(separator: "|") + ")(?![\\p{L}\\p{N}]))"
        let macroPath = dir + "/macros.tsv"
        for (n, line) in try Self.rows(macroPath) {
            let cols = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard cols.count == 2, !cols[0].isEmpty else { throw RuleError("\(macroPath):\(n): expected NAME<TAB>regex") }
            macros[String(cols[0])] = try Self.expand(String(cols[1]), macros, origin: "\(macroPath):\(n)")
        }
        let agencyTriggers = agencies.map { Array($0.lowercased().utf8) }
        func table(_ name: String) throws -> MetadataPatternTable {
            try Self.loadTable(dir + "/" + name, macros: macros, agencyTriggers: agencyTriggers)
        }
        strayLines = try table("stray-lines.tsv")
        promos = try table("promos.tsv")
        cmsResidue = try table("cms-residue.tsv")
        placeholders = try table("placeholders.tsv")
    }

    // MARK: - Reading

    /// Non-empty lines that are not comments, with their 1-based numbers.
    static func rows(_ path: String) throws -> [(Int, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError("\(path): cannot read the stray-metadata table")
        }
        var out: [(Int, String)] = []
        for (i, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((i + 1, String(line)))
        }
        return out
    }

    static func listFile(_ path: String) throws -> [String] {
        try rows(path).map { $0.1.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Replaces every `{NAME}` of a known macro; an unknown `{NAME}` is an error.
    static func expand(_ pattern: String, _ macros: [String: String], origin: String) throws -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            // `\p{L}`, `\x{41}`, `\N{…}` are regex syntax, not macros.
            let isEscape = out.count >= 2 && "pPxN".contains(out.last!) && out.dropLast().hasSuffix("\\")
            if !isEscape, let close = after.firstIndex(of: "}") {
                let name = after[..<close]
                if !name.isEmpty && name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0 == "_") }) {
                    guard let value = macros[String(name)] else { throw RuleError("\(origin): unknown macro {\(name)}") }
                    out += value
                    rest = after[after.index(after: close)...]
                    continue
                }
            }
            out += "{"
            rest = after
        }
        out += rest
        return out
    }

    static func loadTable(_ path: String, macros: [String: String], agencyTriggers: [[UInt8]]) throws -> MetadataPatternTable {
        var patterns: [MetadataPattern] = []
        for (n, line) in try rows(path) {
            let origin = "\(path):\(n)"
            let cols = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 4, !cols[0].isEmpty, !cols[3].isEmpty else {
                throw RuleError("\(origin): expected label<TAB>scope<TAB>triggers<TAB>regex")
            }
            var scopes: Set<MetadataScope> = []
            for s in cols[1].split(separator: ",") {
                guard let scope = MetadataScope(rawValue: s.trimmingCharacters(in: .whitespaces)) else {
                    throw RuleError("\(origin): unknown scope '\(s)' (line, edge, prefix, inline, inline-text)")
                }
                scopes.insert(scope)
            }
            var triggers: [[UInt8]] = []
            let t = cols[2].trimmingCharacters(in: .whitespaces)
            if t != "*" && !t.isEmpty {
                for part in t.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|") {
                    let literal = part.replacingOccurrences(of: "\u{1}", with: "|")
                    if literal == "@agencies" { triggers += agencyTriggers; continue }
                    triggers.append(literal.utf8.map { MetadataPatternTable.lower($0) })
                }
            }
            let body = try expand(cols[3], macros, origin: origin)
            func compile(_ p: String) throws -> NSRegularExpression {
                do { return try NSRegularExpression(pattern: p) } catch {
                    throw RuleError("\(origin): invalid regular expression: \(cols[3])")
                }
            }
            let whole = scopes.contains(.line) || scopes.contains(.edge) ? try compile("^(?:" + body + ")$") : nil
            let prefix = scopes.contains(.prefix) ? try compile("^(?:" + body + ")(?=[ \\t]+\\S)") : nil
            let inline = scopes.contains(.inline) || scopes.contains(.inlineText) ? try compile(body) : nil
            patterns.append(MetadataPattern(label: cols[0], scopes: scopes, triggers: triggers, whole: whole,
                                            prefix: prefix, inline: inline, origin: origin))
        }
        return MetadataPatternTable(patterns: patterns)
    }
}
