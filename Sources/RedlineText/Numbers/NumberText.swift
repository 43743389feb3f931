import RedlineCore

/// What a word is to the number rules, looked up once per token.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// May start a number in words ("eight", "a", "hundreds", "twenty-five", "two-thirds").
    public static let numberStart = WordClass(rawValue: 1 << 0)
    /// A cardinal number word ("eight", "twenty-five").
    public static let numberWord = WordClass(rawValue: 1 << 1)
    /// "hundred", "thousand", "million", …
    public static let scale = WordClass(rawValue: 1 << 2)
    public static let month = WordClass(rawValue: 1 << 3)
    public static let weekday = WordClass(rawValue: 1 << 4)
    /// "in", "at", "near", … (before a place)
    public static let locative = WordClass(rawValue: 1 << 5)
    /// A function word that ends a noun phrase.
    public static let stop = WordClass(rawValue: 1 << 6)
    /// A capitalised word that is not a name ("However", "Mr").
    public static let notName = WordClass(rawValue: 1 << 7)
    /// "yesterday", "today", …
    public static let timeWord = WordClass(rawValue: 1 << 8)
    /// "six-year-old"
    public static let yearOld = WordClass(rawValue: 1 << 9)
    /// The denominator of a fraction ("third", "quarters", "half").
    public static let denominator = WordClass(rawValue: 1 << 10)

    /// Every listed word and its classes.
    static let lexicon: [String: WordClass] = {
        var l: [String: WordClass] = [:]
        func add<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String { for w in words { l[w, default: []].insert(c) } }
        add(NumberParser.startWords, .numberStart)
        add(NumberParser.units.keys, .numberWord)
        add(NumberParser.tens.keys, .numberWord)
        add(NumberParser.scales.keys, .scale)
        add(NumberParser.fractionDenominators.keys, .denominator)
        add(DatePhrases.months.keys, .month)
        add(DatePhrases.weekdays.keys, .weekday)
        add(CountExtractor.locatives, .locative)
        add(CountExtractor.stopWords, .stop)
        add(AgeScanner.notNames, .notName)
        add(CountExtractor.timeWords, .timeWord)
        return l
    }()

    /// The lexicon as a table keyed by packed bytes: one multiply and a compare per word.
    static let packed = PackedWordTable<WordInfo>(lexicon.mapValues { WordInfo(classes: $0, bits: PhraseBits(first: 0, last: 0)) })

    /// The classes of a lower-case word.
    static func of(_ w: String) -> WordClass {
        if let c = lexicon[w] { return c }
        return ofHyphenated(w)
    }

    /// The classes of a word with a hyphen ("twenty-five", "six-year-old"); none without one.
    static func ofHyphenated(_ w: String) -> WordClass {
        guard w.utf8.contains(UInt8(ascii: "-")) else { return [] }
        // Every class here needs a number word before the first hyphen.
        let head = String(w.prefix { $0 != "-" })
        guard let h = lexicon[head], h.contains(.numberStart) else { return [] }
        var c: WordClass = [.numberStart]
        if NumberParser.wordValue(w) != nil { c.insert(.numberWord) }
        if w.hasSuffix("-year-old"), NumberParser.wordValue(String(w.dropLast("-year-old".count))) != nil { c.insert(.yearOld) }
        return c
    }
}

/// A document's tokens as the number rules read them: the lower-case text of every token,
/// what each word is, and which sentence each token is in. Built once per document, in one pass.
public struct NumberText: Sendable {
    public let document: Document
    public let tokens: [Token]
    /// Lower-case text of each token (curly apostrophes made straight).
    public let lower: [String]
    /// Sentence number of each token (a new sentence after ".", "!", "?" and at each block).
    public let sentence: [Int32]
    /// Classes of each word token (empty for other tokens).
    public let classes: [WordClass]
    /// For each token, the phrase tables it may start or end a phrase of (empty when built
    /// without a vocabulary: every table is then looked up).
    public let phraseBits: [PhraseBits]

    public init(_ document: Document, vocabulary: NumberVocabulary? = nil) {
        self.document = document
        let tokens = document.tokens
        self.tokens = tokens
        var lower: [String] = []
        var sentence: [Int32] = []
        var classes: [WordClass] = []
        var phraseBits: [PhraseBits] = []
        // One packed lookup a token gives its classes and, with a vocabulary, its phrase bits.
        let table = vocabulary?.wordIndex ?? WordClass.packed
        let none = PhraseBits(first: 0, last: 0), any = PhraseBits(first: .max, last: .max)
        lower.reserveCapacity(tokens.count)
        sentence.reserveCapacity(tokens.count)
        classes.reserveCapacity(tokens.count)
        phraseBits.reserveCapacity(tokens.count)
        var current: Int32 = 0
        var lastBlock: Int32 = -1
        var endPending = false
        document.source.bytes.withUnsafeBufferPointer { bytes in
            for (i, token) in tokens.enumerated() {
                let (scanned, hyphen) = Self.scan(bytes, token.span)
                // A listed word shares the table's string; any other token's text is built here.
                var info: WordInfo? = nil
                let text: String
                if let key = scanned, let entry = table.entry(key) {
                    info = entry.value
                    text = entry.word
                } else {
                    text = Self.lowered(bytes, token.span)
                }
                if token.block != lastBlock {
                    if lastBlock >= 0 { current += 1 }
                    lastBlock = token.block
                    endPending = false
                } else if endPending {
                    current += 1
                    endPending = false
                }
                lower.append(text)
                sentence.append(current)
                if token.kind == .word {
                    classes.append(info?.classes ?? (hyphen ? WordClass.ofHyphenated(text) : []))
                } else {
                    classes.append([])
                }
                // A word too long to pack may be in any table; one not listed starts and ends none.
                phraseBits.append(scanned == nil ? any : info?.bits ?? none)
                if token.kind == .punctuation && token.flags.contains(.sentenceEnd) {
                    // "Mr.", "Dr.", "St." and single capitals ("J. Smith") do not end a sentence,
                    // nor a period that a lower-case word follows.
                    let previous = i > 0 ? lower[i - 1] : ""
                    let next = i + 1 < tokens.count ? tokens[i + 1] : nil
                    let nextLower = next.map { $0.kind == .word && !$0.flags.contains(.capitalized) } ?? false
                    if !(text == "." && (Self.titles.contains(previous) || (previous.count == 1 && i > 0 && tokens[i - 1].kind == .word)
                                         || nextLower)) {
                        endPending = true
                    }
                }
            }
        }
        self.lower = lower
        self.sentence = sentence
        self.classes = classes
        // Without a vocabulary the bits mean nothing: every table is looked up.
        self.phraseBits = vocabulary == nil ? [] : phraseBits
    }

    /// True when token `i` is a word of class `c`.
    @inline(__always) public func has(_ i: Int, _ c: WordClass) -> Bool {
        i >= 0 && i < classes.count && classes[i].contains(c)
    }

    private static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "prof", "rev",
                                              "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "jr", "sr"]

    /// One-byte ASCII tokens ("," "." "(") as strings, made once.
    private static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// One pass over a token's bytes: for ASCII text of up to 16 bytes, its lower-case bytes
    /// packed as a `PackedWordTable` key (nil for longer or non-ASCII text); and whether it holds
    /// a hyphen. No string is made: many tokens (function words, punctuation, number words) are
    /// then found in the table, which has one.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> (PackedKey?, Bool) {
        var key: PackedKey = (0, 0)
        var hyphen = false
        for k in 0..<span.length {
            let b = bytes[span.start + k]
            if b >= 0x80 { return (nil, hyphen || bytes[(span.start + k)..<span.end].contains(0x2D)) }
            hyphen = hyphen || b == 0x2D
            let l = UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            if k < 8 { key.0 |= l &<< UInt64(8 &* k) } else if k < 16 { key.1 |= l &<< UInt64(8 &* (k &- 8)) }
        }
        return (span.length <= 16 ? key : nil, hyphen)
    }

    /// Lower-case text of a span (curly apostrophes made straight).
    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> String {
        if span.length == 1 && bytes[span.start] < 0x80 {
            let b = bytes[span.start]
            return asciiStrings[Int(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)]
        }
        if !bytes[span.start..<span.end].contains(where: { $0 >= 0x80 }) {
            return String(unsafeUninitializedCapacity: span.length) { out in
                for k in 0..<span.length {
                    let b = bytes[span.start + k]
                    out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return span.length
            }
        }
        var text = String(decoding: bytes[span.start..<span.end], as: UTF8.self).lowercased()
        if text.unicodeScalars.contains("\u{2019}") { text = text.replacingOccurrences(of: "\u{2019}", with: "'") }
        return text
    }

    public var count: Int { tokens.count }

    public func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
    public func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }
    public func isPunctuation(_ i: Int, _ text: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && lower[i] == text
    }
    /// The lower-case text of token `i`, or "" outside the document.
    public subscript(_ i: Int) -> String { i >= 0 && i < lower.count ? lower[i] : "" }

    /// True when tokens `i` and `j` are in one sentence.
    public func sameSentence(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && i < count && j < count && sentence[i] == sentence[j]
    }

    /// True when no byte separates the two tokens (no space): "4" and "-" in "4-year".
    public func adjacent(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j < count && tokens[i].span.end == tokens[j].span.start
    }

    /// Punctuation that ends a clause: , ; : ( ) — – and sentence ends.
    public func isClauseBreak(_ i: Int) -> Bool {
        guard i >= 0 && i < count else { return true }
        guard tokens[i].kind == .punctuation else { return false }
        switch lower[i] {
        case ",", ";", ":", "(", ")", "[", "]", "\u{2014}", "\u{2013}", ".", "!", "?", "\"", "\u{201C}", "\u{201D}", "\u{2026}":
            return true
        case "-":
            // A spaced hyphen is a dash; a glued one joins ("47-year-old").
            return !(i > 0 && adjacent(i - 1, i)) || !(i + 1 < count && adjacent(i, i + 1))
        default: return false
        }
    }

    /// The span from the start of token `i` to the end of token `j` (inclusive).
    public func span(_ i: Int, _ j: Int) -> Span { Span(tokens[i].span.start, tokens[j].span.end) }

    /// The source text between two tokens, inclusive.
    public func text(_ i: Int, _ j: Int) -> String { document.text(span(i, j)) }
}

/// A word of up to 16 ASCII bytes packed into two integers.
public typealias PackedKey = (UInt64, UInt64)

/// A fixed table from short ASCII words (up to 16 bytes, packed into two integers) to a
/// value: open addressing, a multiplicative hash, no `String` hashing. Most words looked up
/// are not listed, and the table is cold again for each document: probing reads a byte per
/// slot (a tag from the hash, 0 for an empty slot), so a miss touches a cache line or two, and
/// a hit one entry more. A word found also gives its string, so a caller need not build its text.
public struct PackedWordTable<Value: Sendable>: Sendable {
    public typealias Key = PackedKey

    private struct Entry: Sendable {
        var key: Key
        var word: String
        var value: Value
    }

    /// Per slot: 0 when empty, else the low byte of the key's hash with its low bit set.
    private var tags: [UInt8]
    private var entries: [Entry?]
    private let mask: Int
    private let shift: UInt64

    init(_ words: [String: Value]) {
        var size = 16, bits: UInt64 = 4
        while size < words.count * 4 { size *= 2; bits += 1 }
        mask = size - 1
        shift = 64 - bits
        tags = Array(repeating: 0, count: size)
        entries = Array(repeating: nil, count: size)
        for (w, v) in words {
            guard let key = Self.key(w) else { continue }
            let h = Self.hash(key)
            var slot = slot(h)
            while tags[slot] != 0 { slot = (slot + 1) & mask }
            tags[slot] = Self.tag(h)
            entries[slot] = Entry(key: key, word: w, value: v)
        }
    }

    /// The packed key of a word of at most 16 bytes.
    static func key(_ w: String) -> Key? {
        let b = Array(w.utf8)
        guard b.count <= 16 else { return nil }
        var key: Key = (0, 0)
        for (k, x) in b.enumerated() {
            if k < 8 { key.0 |= UInt64(x) << (8 * UInt64(k)) } else { key.1 |= UInt64(x) << (8 * UInt64(k - 8)) }
        }
        return key
    }

    /// Fibonacci hashing: a multiply, which every byte of the key reaches; its top bits pick
    /// the slot and its low byte makes the tag.
    @inline(__always) private static func hash(_ key: Key) -> UInt64 {
        (key.0 ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always) private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> shift) }

    @inline(__always) private static func tag(_ hash: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: hash) | 1 }

    /// The word and its value, or nil when it is not listed.
    @inline(__always) public func entry(_ key: Key) -> (word: String, value: Value)? {
        let h = Self.hash(key)
        let tag = Self.tag(h)
        var slot = slot(h)
        while true {
            let t = tags[slot]
            if t == 0 { return nil }
            if t == tag, let e = entries[slot], e.key == key { return (e.word, e.value) }
            slot = (slot + 1) & mask
        }
    }

    /// The value of a word, or nil when it is not listed.
    public subscript(_ key: Key) -> Value? { entry(key)?.value }
}

/// Which phrase tables a word can start or end a phrase of (one bit per table).
public struct PhraseBits: Sendable, Hashable {
    public var first: UInt32
    public var last: UInt32
}

/// What the number rules know of a word: its classes, and the phrase tables it may start or end.
public struct WordInfo: Sendable, Hashable {
    public var classes: WordClass
    public var bits: PhraseBits
}

/// A table of phrases (sequences of lower-case words) matched against a `NumberText`.
public struct PhraseTable<Value: Sendable>: Sendable {
    /// First word → phrases starting with it (longest first).
    private var byFirst: [String: [(words: [String], value: Value)]] = [:]
    /// Last word → phrases ending with it (longest first).
    private var byLast: [String: [(words: [String], value: Value)]] = [:]
    public private(set) var count = 0
    /// This table's bit in `PhraseBits` (0: none, always look up).
    public var bit: UInt32 = 0
    public var firstWords: Dictionary<String, [(words: [String], value: Value)]>.Keys { byFirst.keys }
    public var lastWords: Dictionary<String, [(words: [String], value: Value)]>.Keys { byLast.keys }

    public init() {}

    /// Splits a phrase into the tokens Redline's tokenizer would make: words, and single
    /// punctuation characters ("km/h" → km, /, h).
    public static func words(_ phrase: String) -> [String] {
        var out: [String] = []
        for chunk in phrase.lowercased().split(separator: " ") {
            var current = ""
            for ch in chunk {
                if ch.isLetter || ch.isNumber && !"²³".contains(ch) || ((ch == "-" || ch == "'" || ch == ".") && !current.isEmpty) {
                    current.append(ch)
                } else {
                    if !current.isEmpty { out.append(current); current = "" }
                    out.append(String(ch))
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    public mutating func add(_ phrase: String, _ value: Value) {
        let w = Self.words(phrase)
        guard let first = w.first, let last = w.last else { return }
        byFirst[first, default: []].append((w, value))
        byFirst[first]!.sort { $0.words.count > $1.words.count }
        byLast[last, default: []].append((w, value))
        byLast[last]!.sort { $0.words.count > $1.words.count }
        count += 1
    }

    /// The longest phrase starting at token `i`: its value and the index just past it.
    public func match(_ text: NumberText, at i: Int, firstWord: String? = nil) -> (value: Value, end: Int)? {
        guard i >= 0 && i < text.count else { return nil }
        if firstWord == nil && bit != 0 && !text.phraseBits.isEmpty && text.phraseBits[i].first & bit == 0 { return nil }
        let first = firstWord ?? text.lower[i]
        guard let candidates = byFirst[first] else { return nil }
        outer: for c in candidates {
            guard i + c.words.count <= text.count else { continue }
            for k in 1..<c.words.count where text.lower[i + k] != c.words[k] || !text.sameSentence(i, i + k) { continue outer }
            return (c.value, i + c.words.count)
        }
        return nil
    }

    /// The longest phrase ending at token `i` (inclusive): its value and its first token.
    public func match(_ text: NumberText, endingAt i: Int) -> (value: Value, start: Int)? {
        guard i >= 0 && i < text.count else { return nil }
        if bit != 0 && !text.phraseBits.isEmpty && text.phraseBits[i].last & bit == 0 { return nil }
        guard let candidates = byLast[text.lower[i]] else { return nil }
        outer: for c in candidates {
            let start = i - c.words.count + 1
            guard start >= 0 else { continue }
            for k in 0..<(c.words.count - 1) where text.lower[start + k] != c.words[k] || !text.sameSentence(start + k, i) { continue outer }
            return (c.value, start)
        }
        return nil
    }

    /// Whether a phrase occurs anywhere in tokens `range`.
    public func occurs(_ text: NumberText, in range: Range<Int>) -> Bool {
        for i in range where match(text, at: i).map({ $0.end <= range.upperBound }) == true { return true }
        return false
    }
}
