import Foundation
import RedlineCore

/// Finds a list of words and phrases, as whole words, in a document's checkable text.
///
/// - A space in a phrase matches any run of spaces, tabs and no-break spaces with at most one
///   line break; an apostrophe matches `'` and `’`.
/// - Whole words: the character before a match and the one after it are not letters or digits
///   (of any script); `Kiev's` and `Kiev’s` end the word `Kiev` (a possessive), `don't` does not
///   end `don`. A match never runs past the end of its block (paragraph, heading, table cell).
/// - Case-insensitive matching folds ASCII letters; outside ASCII, a phrase matches as written,
///   in lower case, capitalised and in capitals.
/// - At each place the longest phrase wins; matches do not overlap.
///
/// Candidates are only tried at the start of word and number tokens (and after the hyphens
/// inside them), behind a 64 K-bit table of their first two bytes, so a rule that matches
/// nothing costs one table look-up per word.
struct PhraseMatcher: Sendable {
    struct Match: Sendable {
        var span: Span
        /// Index into the phrases given to `init`.
        var phrase: Int
    }

    private static let whitespace: UInt16 = 0x100
    private static let apostrophe: UInt16 = 0x101

    private struct Form: Sendable {
        var elements: [UInt16]
        var phrase: Int
        var endsWithWord: Bool
    }

    private let forms: [Form]
    private let ignoreCase: Bool
    private let pairBits: [UInt64]
    private let buckets: [UInt16: [Int]]

    var isEmpty: Bool { forms.isEmpty }

    /// Why a phrase cannot be matched, or nil when it can.
    static func problem(with phrase: String) -> String? {
        let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.unicodeScalars.first else { return "is empty" }
        if !WordBoundary.isWord(first) {
            return "must start with a letter or a digit (use `patterns:` for other text)"
        }
        return nil
    }

    init(_ phrases: [String], ignoreCase: Bool) {
        self.ignoreCase = ignoreCase
        var forms: [Form] = []
        for (index, phrase) in phrases.enumerated() {
            let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.problem(with: trimmed) == nil else { continue }
            var variants = [trimmed]
            if ignoreCase {
                let lower = trimmed.lowercased()
                variants += [lower, trimmed.uppercased(), Self.capitalizeFirst(lower), Self.capitalizeWords(lower)]
            }
            var seen = Set<[UInt16]>()
            for variant in variants {
                let elements = Self.elements(variant, ignoreCase: ignoreCase)
                guard !elements.isEmpty, seen.insert(elements).inserted else { continue }
                let last = variant.unicodeScalars.last.map(WordBoundary.isWord) ?? false
                forms.append(Form(elements: elements, phrase: index, endsWithWord: last))
            }
        }
        var bits = [UInt64](repeating: 0, count: 1024)
        var buckets: [UInt16: [Int]] = [:]
        for (i, form) in forms.enumerated() {
            let first = form.elements[0]
            let seconds: [UInt16]
            if form.elements.count == 1 {
                seconds = Array(0...255)
            } else {
                switch form.elements[1] {
                case Self.whitespace: seconds = [0x20, 0x09, 0x0A, 0x0D, 0xC2]
                case Self.apostrophe: seconds = [0x27, 0xE2]
                case let byte: seconds = [byte]
                }
            }
            for second in seconds {
                let key = first << 8 | second
                bits[Int(key >> 6)] |= 1 << UInt64(key & 63)
                buckets[key, default: []].append(i)
            }
        }
        self.forms = forms
        self.pairBits = bits
        self.buckets = buckets
    }

    private static func capitalizeFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    private static func capitalizeWords(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: false).map { capitalizeFirst(String($0)) }.joined(separator: " ")
    }

    @inline(__always) private static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    private static func elements(_ phrase: String, ignoreCase: Bool) -> [UInt16] {
        var out: [UInt16] = []
        var pendingSpace = false
        for scalar in phrase.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !out.isEmpty { pendingSpace = true }
                continue
            }
            if pendingSpace { out.append(whitespace); pendingSpace = false }
            if scalar == "'" || scalar == "\u{2019}" { out.append(apostrophe); continue }
            for b in String(scalar).utf8 { out.append(UInt16(ignoreCase ? fold(b) : b)) }
        }
        return out
    }

    /// Every match in the document's checkable text, in order.
    func matches(in document: Document) -> [Match] {
        guard !forms.isEmpty else { return [] }
        var found: [Match] = []
        let blocks = document.blocks
        document.checkable.withUnsafeBufferPointer { text in
            var lastEnd = 0
            func attempt(_ position: Int, limit: Int) {
                guard position >= lastEnd, let match = match(at: position, in: text, limit: limit) else { return }
                found.append(match)
                lastEnd = match.span.end
            }
            for token in document.tokens where token.kind == .word || token.kind == .number {
                let blockIndex = Int(token.block)
                guard blockIndex >= 0 && blockIndex < blocks.count else { continue }
                let limit = min(blocks[blockIndex].span.end, text.count)
                attempt(token.span.start, limit: limit)
                if token.flags.contains(.hyphenated) {
                    var p = token.span.start + 1
                    while p < token.span.end && p < limit {
                        if text[p - 1] == UInt8(ascii: "-") { attempt(p, limit: limit) }
                        p += 1
                    }
                }
            }
        }
        return found
    }

    /// The longest phrase that matches as whole words at `position`.
    private func match(at position: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int) -> Match? {
        guard position < limit else { return nil }
        let b0 = UInt16(ignoreCase ? Self.fold(text[position]) : text[position])
        let b1 = position + 1 < limit ? UInt16(ignoreCase ? Self.fold(text[position + 1]) : text[position + 1]) : 0
        let key = b0 << 8 | b1
        guard pairBits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = buckets[key] else { return nil }
        var best: (end: Int, phrase: Int)? = nil
        for index in candidates {
            let form = forms[index]
            guard let end = end(of: form, at: position, in: text, limit: limit), end > (best?.end ?? position) else { continue }
            if form.endsWithWord && !WordBoundary.isEnd(text, end) { continue }
            best = (end, form.phrase)
        }
        guard let best, WordBoundary.isStart(text, position) else { return nil }
        return Match(span: Span(position, best.end), phrase: best.phrase)
    }

    private func end(of form: Form, at start: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        var j = start
        for element in form.elements {
            switch element {
            case Self.whitespace:
                var consumed = false
                var lineBreaks = 0
                while j < limit {
                    let c = text[j]
                    if c == 0x20 || c == 0x09 { j += 1 }
                    else if c == 0x0A { lineBreaks += 1; j += 1 }
                    else if c == 0x0D && j + 1 < limit && text[j + 1] == 0x0A { lineBreaks += 1; j += 2 }
                    else if c == 0xC2 && j + 1 < limit && text[j + 1] == 0xA0 { j += 2 }
                    else { break }
                    consumed = true
                }
                if !consumed || lineBreaks > 1 { return nil }
            case Self.apostrophe:
                if j < limit && text[j] == 0x27 { j += 1 }
                else if j + 2 < limit && text[j] == 0xE2 && text[j + 1] == 0x80 && text[j + 2] == 0x99 { j += 3 }
                else { return nil }
            default:
                guard j < limit else { return nil }
                let c = ignoreCase ? Self.fold(text[j]) : text[j]
                if UInt16(c) != element { return nil }
                j += 1
            }
        }
        return j
    }
}

/// Word boundaries that know curly apostrophes and letters outside ASCII.
enum WordBoundary {
    /// A letter, digit or combining mark of any script.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
        }
        let p = s.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    /// The scalar that starts at `i`, and its length in bytes.
    static func scalar(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        guard i >= 0 && i < text.count else { return nil }
        let b0 = text[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0
        guard length > 0, i + length <= text.count else { return nil }
        var value = UInt32(b0) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let c = text[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar that ends just before `i`, and its length in bytes.
    static func scalar(before i: Int, in text: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        guard i > 0 && i <= text.count else { return nil }
        var start = i - 1
        while start > 0 && i - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (s, length) = scalar(at: start, in: text), start + length == i else { return nil }
        return (s, length)
    }

    /// No letter or digit just before `i` (nor an apostrophe inside a word: `rock'n'roll`).
    static func isStart(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let (previous, length) = scalar(before: i, in: text) else { return true }
        if isWord(previous) { return false }
        if isApostrophe(previous), let (beforeThat, _) = scalar(before: i - length, in: text), isWord(beforeThat) {
            return false
        }
        return true
    }

    /// No letter or digit at `j`; an apostrophe ends the word only before a possessive `s` or a non-letter.
    static func isEnd(_ text: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        guard let (next, length) = scalar(at: j, in: text) else { return true }
        if isWord(next) { return false }
        guard isApostrophe(next) else { return true }
        guard let (after, afterLength) = scalar(at: j + length, in: text), isWord(after) else { return true }
        guard after == "s" || after == "S" else { return false }
        if let (third, _) = scalar(at: j + length + afterLength, in: text), isWord(third) { return false }
        return true
    }
}
