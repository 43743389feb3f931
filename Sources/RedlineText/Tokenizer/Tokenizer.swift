import RedlineCore

/// Splits the checkable bytes of a document into tokens, block by block.
///
/// One pass over UTF-8 bytes, no `String` per token: ASCII is classified by table, other
/// scalars are decoded in place and judged by their Unicode properties. Tokens never cross
/// a block or a masked byte (a space in `checkable`).
public enum Tokenizer {
    /// Tokens of every block, in order.
    public static func tokenize(_ bytes: [UInt8], blocks: [Block]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { buf in
            for (index, block) in blocks.enumerated() {
                var scanner = Scanner(buf: buf, end: block.span.end, block: Int32(index))
                scanner.run(from: block.span.start, into: &tokens)
            }
        }
        return tokens
    }
}

// MARK: - Character classes

enum CharClass: UInt8, Sendable {
    case space, lower, upper, digit, apostrophe, hyphen, period, at, hash, other
}

/// The class of an ASCII byte: a `switch` rather than a table in a global, whose lazy
/// initialisation check cost more than the look-up (this runs for every byte of a document).
@inline(__always) private func asciiClass(_ b: UInt8) -> CharClass {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): .lower
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): .upper
    case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x00: .space
    case UInt8(ascii: "'"): .apostrophe
    case UInt8(ascii: "-"): .hyphen
    case UInt8(ascii: "."): .period
    case UInt8(ascii: "@"): .at
    case UInt8(ascii: "#"): .hash
    default: .other
    }
}

/// File extensions that make "name.ext" a file name rather than two words.
private let fileExtensions: Set<String> = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "md", "csv", "json", "xml", "html", "htm",
    "jpg", "jpeg", "png", "gif", "svg", "webp", "mp3", "mp4", "mov", "avi", "wav", "zip", "gz", "tar",
    "exe", "dmg", "apk", "js", "css", "py", "swift", "yml", "yaml", "php", "asp", "aspx", "jsp",
]

/// Top-level domains that make "name.tld" a web address.
private let topLevelDomains: Set<String> = [
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "uk", "us", "eu", "de", "fr",
    "ua", "ru", "au", "ca", "nz", "ie", "in", "jp", "cn", "tv", "fm", "ly", "me", "news", "app", "dev", "ai",
]

// MARK: - Scanner

private struct Scanner {
    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let block: Int32
    /// The next word starts a sentence.
    var atSentenceStart = true

    init(buf: UnsafeBufferPointer<UInt8>, end: Int, block: Int32) {
        self.buf = buf
        self.end = min(end, buf.count)
        self.block = block
    }

    /// Decodes the scalar at `i` (the bytes are valid UTF-8). Returns the scalar value and its length.
    @inline(__always) func scalar(at i: Int) -> (UInt32, Int) {
        let b0 = buf[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 & 0xE0 == 0xC0, i + 1 < end { return ((UInt32(b0 & 0x1F) << 6) | UInt32(buf[i + 1] & 0x3F), 2) }
        if b0 & 0xF0 == 0xE0, i + 2 < end {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < end {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(buf[i + 1] & 0x3F) << 12)
                | (UInt32(buf[i + 2] & 0x3F) << 6) | UInt32(buf[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The class of the character at `i`, and its byte length.
    @inline(__always) func classify(_ i: Int) -> (CharClass, Int) {
        let b = buf[i]
        if b < 0x80 { return (asciiClass(b), 1) }
        return classifyNonASCII(i)
    }

    /// `classify` beyond ASCII: apart, so that the Unicode property look-ups' set-up is not
    /// paid for every ASCII byte.
    @inline(never) func classifyNonASCII(_ i: Int) -> (CharClass, Int) {
        let (value, len) = scalar(at: i)
        switch value {
        case 0x2019, 0x02BC: return (.apostrophe, len)            // ’ and ʼ
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return (.space, len)
        case 0x00AD: return (.other, len)                           // soft hyphen
        default: break
        }
        guard let s = Unicode.Scalar(value) else { return (.other, len) }
        let p = s.properties
        if p.isAlphabetic { return (p.isUppercase ? .upper : .lower, len) }
        if p.generalCategory == .nonspacingMark { return (.lower, len) }
        if p.isWhitespace { return (.space, len) }
        if p.numericType == .decimal { return (.other, len) }
        return (.other, len)
    }

    @inline(__always) func isLetter(_ c: CharClass) -> Bool { c == .lower || c == .upper }
    @inline(__always) func isAlnum(_ c: CharClass) -> Bool { c == .lower || c == .upper || c == .digit }

    func classAt(_ i: Int) -> CharClass { i < end ? classify(i).0 : .space }

    mutating func run(from start: Int, into tokens: inout [Token]) {
        var i = start
        while i < end {
            let (c, len) = classify(i)
            switch c {
            case .space:
                i += len
            case .lower, .upper:
                i = scanWordLike(at: i, into: &tokens)
            case .digit:
                i = scanNumber(at: i, currencyStart: i, into: &tokens)
            case .at, .hash:
                if let e = scanHandle(at: i) {
                    emit(c == .at ? .handle : .hashtag, [], i, e, into: &tokens)
                    i = e
                } else {
                    emitPunctuation(at: i, len: len, into: &tokens)
                    i += len
                }
            default:
                if isCurrencySymbol(at: i), i + len < end, classAt(i + len) == .digit {
                    i = scanNumber(at: i + len, currencyStart: i, into: &tokens)
                } else {
                    emitPunctuation(at: i, len: len, into: &tokens)
                    i += len
                }
            }
        }
    }

    func isCurrencySymbol(at i: Int) -> Bool {
        let (v, _) = scalar(at: i)
        return v == 0x24 || v == 0xA3 || v == 0x20AC || v == 0xA5 || v == 0x20B4 || v == 0x20BD || v == 0x20B9
    }

    mutating func emit(_ kind: TokenKind, _ flags: TokenFlags, _ s: Int, _ e: Int, into tokens: inout [Token]) {
        var flags = flags
        if kind == .word || kind == .number {
            if atSentenceStart && kind == .word { flags.insert(.sentenceStart) }
            atSentenceStart = false
        } else if kind != .punctuation {
            atSentenceStart = false
        }
        tokens.append(Token(kind: kind, flags: flags, block: block, span: Span(s, e)))
    }

    mutating func emitPunctuation(at i: Int, len: Int, into tokens: inout [Token]) {
        var flags: TokenFlags = []
        let b = buf[i]
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || (len == 3 && scalar(at: i).0 == 0x2026) {
            flags.insert(.sentenceEnd)
            atSentenceStart = true
        } else if b == UInt8(ascii: ":") {
            // A colon starts a new sentence only when a capital follows ("Note: The …") — leave as is.
        }
        tokens.append(Token(kind: .punctuation, flags: flags, block: block, span: Span(i, i + len)))
    }

    /// "@name" or "#tag": the symbol then letters, digits or underscores.
    func scanHandle(at i: Int) -> Int? {
        var j = i + 1
        while j < end {
            let (c, len) = classify(j)
            if isAlnum(c) || buf[j] == UInt8(ascii: "_") { j += len } else { break }
        }
        return j > i + 1 ? j : nil
    }

    /// The end of the non-space run from `i`.
    func chunkEnd(from i: Int) -> Int {
        var j = i
        while j < end {
            let (c, len) = classify(j)
            if c == .space { break }
            j += len
        }
        return j
    }

    func asciiLowerString(_ s: Int, _ e: Int) -> String {
        var out = ""
        out.reserveCapacity(e - s)
        for k in s..<e { out.unicodeScalars.append(Unicode.Scalar(buf[k] | (buf[k] >= 0x41 && buf[k] <= 0x5A ? 0x20 : 0))) }
        return out
    }

    /// Trims trailing punctuation that closes a sentence or bracket off a URL-like chunk.
    func trimURLTail(_ s: Int, _ e: Int) -> Int {
        var e = e
        var open = 0, close = 0
        for k in s..<e { if buf[k] == UInt8(ascii: "(") { open += 1 } else if buf[k] == UInt8(ascii: ")") { close += 1 } }
        while e > s {
            let b = buf[e - 1]
            if b == UInt8(ascii: ")") && close > open { close -= 1; e -= 1; continue }
            if b < 0x80 {
                if ".,;:!?\"'>]}*_".utf8.contains(b) { e -= 1; continue }
                break
            }
            // Trailing curly quotes or other non-ASCII punctuation.
            var k = e - 1
            while k > s && buf[k] & 0xC0 == 0x80 { k -= 1 }
            let (c, _) = classify(k)
            if c == .other || c == .apostrophe { e = k; continue }
            break
        }
        return e
    }

    /// A word, or a URL / e-mail address / file name / domain that starts with letters.
    mutating func scanWordLike(at s: Int, into tokens: inout [Token]) -> Int {
        // URLs with a scheme, or starting "www.".
        // (The scheme or "www." is looked for before the chunk's end: most words have neither.)
        if buf[s] < 0x80, mayStartURL(s) {
            let ce = chunkEnd(from: s)
            if let special = specialChunk(s, ce) {
                let e = trimURLTail(s, ce)
                if e > s {
                    emit(special, [], s, e, into: &tokens)
                    return e
                }
            }
        }
        var i = s
        var flags: TokenFlags = []
        var letters = 0, uppers = 0, digits = 0
        var firstUpper = false
        var lastWasLetter = false
        var singleLetterRun = 0
        var periods = 0
        while i < end {
            let (c, len) = classify(i)
            if isLetter(c) {
                if letters == 0 && digits == 0 { firstUpper = c == .upper }
                letters += 1
                if c == .upper { uppers += 1 }
                if len > 1 { flags.insert(.nonASCII) }
                singleLetterRun += 1
                lastWasLetter = true
                i += len
                continue
            }
            if c == .digit {
                digits += 1
                lastWasLetter = false
                singleLetterRun = 0
                i += 1
                continue
            }
            // Joiners: only between letters (or letters and digits for hyphens).
            if c == .apostrophe && lastWasLetter, i + len < end, isLetter(classify(i + len).0) {
                flags.insert(.apostrophe)
                lastWasLetter = false
                singleLetterRun = 0
                i += len
                continue
            }
            if c == .hyphen && (lastWasLetter || digits > 0), i + 1 < end, isAlnum(classAt(i + 1)) {
                flags.insert(.hyphenated)
                lastWasLetter = false
                singleLetterRun = 0
                i += 1
                continue
            }
            if c == .period && lastWasLetter {
                // "U.S.", "a.m.", "e.g.": single letters with periods.
                if singleLetterRun == 1 && i + 1 < end && isLetter(classAt(i + 1))
                    && (i + 2 >= end || classAt(i + 2) == .period) {
                    flags.insert(.abbreviation)
                    periods += 1
                    singleLetterRun = 0
                    lastWasLetter = false
                    i += 1
                    continue
                }
                if periods > 0 && singleLetterRun == 1 {
                    // Final period of an abbreviation.
                    periods += 1
                    i += 1
                    break
                }
                // "bbc.co.uk", "report.pdf": a domain or file name glued with periods.
                if i + 1 < end && isAlnum(classAt(i + 1)) {
                    let ce = trimURLTail(s, chunkEnd(from: s))
                    if let kind = dottedKind(s, ce) {
                        emit(kind, [], s, ce, into: &tokens)
                        return ce
                    }
                }
                break
            }
            if c == .at && lastWasLetter || c == .at && digits > 0 {
                let ce = trimURLTail(s, chunkEnd(from: s))
                if isEmail(s, ce) {
                    emit(.email, [], s, ce, into: &tokens)
                    return ce
                }
            }
            break
        }
        if firstUpper { flags.insert(.capitalized) }
        if uppers >= 2 && uppers == letters { flags.insert(.allCaps) }
        if digits > 0 { flags.insert(.alphanumeric) }
        emit(.word, flags, s, i, into: &tokens)
        return i
    }

    /// Whether the bytes from `s` start with a URL's scheme or "www." (any case).
    func mayStartURL(_ s: Int) -> Bool {
        guard s + 4 <= end else { return false }
        switch buf[s] | 0x20 {
        case UInt8(ascii: "h"), UInt8(ascii: "f"), UInt8(ascii: "w"), UInt8(ascii: "m"):
            return specialChunk(s, end) != nil
        default:
            return false
        }
    }

    /// "https://…", "www.…", "mailto:…": the kind of a chunk that is a URL by its start.
    func specialChunk(_ s: Int, _ e: Int) -> TokenKind? {
        let n = e - s
        func has(_ prefix: StaticString) -> Bool {
            let p = prefix.utf8Start
            let count = prefix.utf8CodeUnitCount
            guard n >= count else { return false }
            for k in 0..<count {
                var b = buf[s + k]
                if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                if b != p[k] { return false }
            }
            return true
        }
        if has("http://") || has("https://") || has("ftp://") || has("www.") || has("mailto:") { return .url }
        return nil
    }

    /// A chunk of dot-separated parts: a domain (last part a TLD), a file name (last part an extension), or nil.
    func dottedKind(_ s: Int, _ e: Int) -> TokenKind? {
        guard e > s else { return nil }
        // Parts of letters, digits and hyphens, optionally followed by a path.
        var parts: [(Int, Int)] = []
        var partStart = s
        var i = s
        var pathStart: Int? = nil
        while i < e {
            let b = buf[i]
            if b == UInt8(ascii: ".") {
                if i == partStart { return nil }
                parts.append((partStart, i))
                partStart = i + 1
            } else if b == UInt8(ascii: "/") {
                pathStart = i
                break
            } else if !(b < 0x80 && (isAlnum(asciiClass(b)) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_"))) {
                return nil
            }
            i += 1
        }
        let lastEnd = pathStart ?? e
        if lastEnd > partStart { parts.append((partStart, lastEnd)) } else { return nil }
        guard parts.count >= 2, let last = parts.last else { return nil }
        let ext = asciiLowerString(last.0, last.1)
        if pathStart == nil && parts.count == 2 && fileExtensions.contains(ext) { return .fileName }
        if topLevelDomains.contains(ext) { return .url }
        return nil
    }

    func isEmail(_ s: Int, _ e: Int) -> Bool {
        var at = -1
        for k in s..<e where buf[k] == UInt8(ascii: "@") {
            if at >= 0 { return false }
            at = k
        }
        guard at > s, at + 1 < e else { return false }
        var dot = false
        for k in (at + 1)..<e {
            let b = buf[k]
            if b == UInt8(ascii: ".") { dot = true; continue }
            if !(b < 0x80 && (isAlnum(asciiClass(b)) || b == UInt8(ascii: "-"))) { return false }
        }
        return dot && buf[e - 1] != UInt8(ascii: ".")
    }

    /// A number from its first digit (`currencyStart` is where a currency symbol stood, or the same).
    mutating func scanNumber(at s: Int, currencyStart: Int, into tokens: inout [Token]) -> Int {
        var flags: TokenFlags = currencyStart < s ? [.currency] : []
        var i = s
        var groups = 1
        var digitsInGroup = 0
        func digitRun(_ from: Int) -> Int {
            var j = from
            while j < end && buf[j] >= 0x30 && buf[j] <= 0x39 { j += 1 }
            return j
        }
        i = digitRun(i)
        digitsInGroup = i - s
        let firstGroupLength = digitsInGroup
        // ISO dates: 2025-07-04.
        if firstGroupLength == 4, i + 6 <= end, buf[i] == UInt8(ascii: "-"),
           digitRun(i + 1) == i + 3, i + 3 < end, buf[i + 3] == UInt8(ascii: "-"), digitRun(i + 4) == i + 6,
           i + 6 >= end || !isAlnum(classAt(i + 6)) {
            emit(.number, [.date], s, i + 6, into: &tokens)
            return i + 6
        }
        // Separators followed by digits: 1,500  1.5  14:30  04/07/2025
        var slashes = 0
        var colons = 0
        while i + 1 < end {
            let b = buf[i]
            let next = buf[i + 1]
            guard next >= 0x30 && next <= 0x39 else { break }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: ".") {
                i = digitRun(i + 1); groups += 1
            } else if b == UInt8(ascii: ":") && colons < 2 {
                let j = digitRun(i + 1)
                guard j - (i + 1) == 2 else { break }
                colons += 1; i = j
            } else if b == UInt8(ascii: "/") && slashes < 2 && firstGroupLength <= 4 {
                slashes += 1; i = digitRun(i + 1)
            } else {
                break
            }
        }
        if colons > 0 { flags.insert(.time) }
        if slashes == 2 { flags.insert(.date) }
        // Suffixes glued to the digits: %, ordinals, units, scales ("20km", "£1.5bn", "4th", "1990s", "3pm").
        if i < end {
            if buf[i] == UInt8(ascii: "%") {
                flags.insert(.percent)
                i += 1
            } else if isLetter(classAt(i)) {
                var j = i
                while j < end {
                    let (c, len) = classify(j)
                    guard isLetter(c) else { break }
                    j += len
                }
                let suffix = asciiLowerString(i, j)
                if ["st", "nd", "rd", "th"].contains(suffix) { flags.insert(.ordinal) } else { flags.insert(.suffixed) }
                // A longer glued tail that is mostly letters is an alphanumeric word ("3D", "G7" stay numbers).
                i = j
                // "COVID-19"-like continuations do not apply here; "5m-long" stops at the hyphen.
            }
        }
        // Trailing letter-digit mixes such as "4x4" or "A1" are kept as one number token.
        while i < end {
            let (c, len) = classify(i)
            guard isAlnum(c) else { break }
            i += len
        }
        emit(.number, flags, currencyStart, i, into: &tokens)
        return i
    }
}
