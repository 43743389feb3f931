import RedlineCore
import RedlineText

/// Bytes of a document's text, without the reference counting of array slices (the scan runs
/// over every capitalised word).
typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

/// Spellings of names: the part of a name that is compared ("al-Qaeda’s" → "Qaeda"), and keys
/// that identify a spelling without building strings.
enum NameText {
    /// Particles written before a name with a hyphen ("al-Qaeda", "el-Sisi", "bin-Laden").
    static let particles: Set<String> = ["al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ibn", "bin", "ben"]

    /// The name without a leading particle and a possessive ending.
    static func core(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let (s, e) = bytes.withUnsafeBufferPointer { coreRange($0[...]) }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The spelling's identity: its letters in lower case, accents kept (so "Erdoğan" and
    /// "Erdogan" differ but "Qur'an" and "Qur’an" do not), without particle or possessive.
    static func formKey(_ name: String) -> UInt64 {
        Array(name.utf8).withUnsafeBufferPointer { buffer in
            let (s, e) = coreRange(buffer[...])
            return formKey(buffer[s..<e])
        }
    }

    static func letterCount(_ name: String) -> Int {
        core(name).unicodeScalars.count { $0.properties.isAlphabetic }
    }

    /// Start and end of the core of a word's bytes: after "al-" (any case), before "'s"/"’s".
    static func coreRange(_ b: ByteSlice) -> (Int, Int) {
        var s = b.startIndex, e = b.endIndex
        if e - s >= 2 && (b[e - 1] == 0x73 || b[e - 1] == 0x53) {
            if b[e - 2] == 0x27 { e -= 2 } else if e - s >= 4 && b[e - 4] == 0xE2 && b[e - 3] == 0x80 && b[e - 2] == 0x99 { e -= 4 }
        }
        // A particle: two or three ASCII letters and a hyphen, then a letter.
        var k = s
        while k < e && k - s < 4, isASCIILetter(b[k]) { k += 1 }
        if k > s + 1 && k < e - 1 && b[k] == 0x2D && (k - s) <= 3 {
            var p = ""
            for i in s..<k { p.unicodeScalars.append(Unicode.Scalar(b[i] | 0x20)) }
            if particles.contains(p) { s = k + 1 }
        }
        return (s, max(s, e))
    }

    /// A word starting with a lower-case ASCII letter and with no hyphen where a particle's
    /// would be: its core (see `coreRange`) starts with that letter, so it is no name.
    @inline(__always) static func isLowerWithoutParticle(_ b: ByteSlice) -> Bool {
        let s = b.startIndex
        guard b.count > 0, b[s] >= 0x61 && b[s] <= 0x7A else { return false }
        return !(b.count > 3 && (b[s + 2] == 0x2D || b[s + 3] == 0x2D))
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// FNV-1a over the lower-case letters of UTF-8 bytes.
    static func formKey(_ b: ByteSlice) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 {
                if isASCIILetter(c) { h = (h ^ UInt64(c | 0x20)) &* 0x100000001b3 }
                i += 1
                continue
            }
            let (v, n) = decode(b, at: i)
            i += n
            guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic else { continue }
            for l in scalar.properties.lowercaseMapping.unicodeScalars { h = (h ^ UInt64(l.value)) &* 0x100000001b3 }
        }
        return h
    }

    /// Letters in UTF-8 bytes (ASCII letters and alphabetic scalars).
    static func letterCount(_ b: ByteSlice) -> Int {
        var n = 0
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 {
                if isASCIILetter(c) { n += 1 }
                i += 1
            } else {
                let (v, len) = decode(b, at: i)
                if Unicode.Scalar(v)?.properties.isAlphabetic == true { n += 1 }
                i += len
            }
        }
        return n
    }

    @inline(__always) static func decode(_ b: ByteSlice, at i: Int) -> (UInt32, Int) {
        let c = b[i]
        var v: UInt32, n: Int
        if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); n = 2 } else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); n = 3 } else { v = UInt32(c & 0x07); n = 4 }
        var k = 1
        while k < n && i + k < b.endIndex {
            v = (v << 6) | UInt32(b[i + k] & 0x3F)
            k += 1
        }
        return (v, n)
    }

    /// "I'm", "You've", "We’ll", "Don't": not names (unlike O'Neill, Qur'an, Sa'id).
    static func isContraction(_ b: ByteSlice) -> Bool {
        var e = b.endIndex
        var tail = 0
        while e > b.startIndex && b[e - 1] >= 0x61 && b[e - 1] <= 0x7A && tail < 3 {
            e -= 1
            tail += 1
        }
        guard tail > 0 else { return false }
        let apostrophe = (e - 1 >= b.startIndex && b[e - 1] == 0x27)
            || (e - 3 >= b.startIndex && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && b[e - 1] == 0x99)
        guard apostrophe else { return false }
        let t = String(decoding: b[e..<b.endIndex], as: UTF8.self)
        return ["m", "ll", "ve", "re", "d", "t"].contains(t)
    }

    /// Whether the word's letters are Latin (names in other scripts are not compared).
    static func isLatin(_ b: ByteSlice) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            // U+00C0…U+024F (lead bytes C3–C9) and U+1E00…U+1EFF (E1 B8–BB) are Latin.
            if c >= 0xC3 && c <= 0xC9 { i += 2; continue }
            if c == 0xE1, i + 1 < b.endIndex, b[i + 1] >= 0xB8 && b[i + 1] <= 0xBB { i += 3; continue }
            if c == 0xE2 { i += 3; continue } // ’ (U+2019) and other punctuation inside a word
            return false
        }
        return true
    }

    /// Lower-case particles inside names ("bin" in "Mohammed bin Salman", "van", "de").
    static let particleKeys: Set<UInt64> = Set(["da", "dal", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos",
        "du", "la", "le", "van", "von", "zu", "auf", "bin", "ibn", "al", "el", "ben", "ter", "ten", "af", "av"].map { formKey($0) })

    @inline(__always) static func isParticle(_ b: ByteSlice) -> Bool {
        guard b.count <= 5, let first = b.first, first >= 0x61 && first <= 0x7A else { return false }
        return particleKeys.contains(formKey(b))
    }

    /// Titles and capitalised function words: not names, so not a name's context.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "prime",
        "minister", "chancellor", "secretary", "mayor", "governor", "general", "gen", "colonel", "col", "lt",
        "lieutenant", "captain", "capt", "sgt", "sergeant", "admiral", "major", "king", "queen", "prince", "princess",
        "pope", "sheikh", "emir", "ayatollah", "imam", "rabbi", "father", "bishop", "archbishop", "cardinal", "judge",
        "justice", "senator", "sen", "rep", "congressman", "congresswoman", "ambassador", "commissioner", "chairman",
        "chairwoman", "chief", "coach", "manager", "deputy", "spokesman", "spokeswoman", "director", "leader", "speaker",
        "premier", "vice", "crown", "grand", "former", "ex", "mullah", "marshal", "commander", "officer", "detective",
        "inspector", "constable", "agent", "st", "saint",
    ]
    /// Form key of a title (true) or function word (false).
    static let stopWords: [UInt64: Bool] = {
        var keys: [UInt64: Bool] = [:]
        for w in functionWords { keys[formKey(w)] = false }
        for w in titles { keys[formKey(w)] = true }
        return keys
    }()

    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "in", "on", "at", "of", "for", "to", "from", "with",
        "by", "as", "if", "when", "while", "after", "before", "since", "until", "this", "that", "these", "those", "it",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "its", "your", "there", "here",
        "then", "now", "also", "meanwhile", "however", "although", "though", "because", "where", "who", "what",
        "which", "why", "how", "all", "both", "some", "many", "most", "no", "not", "one", "two", "three", "last",
        "next", "new", "former", "under", "over", "about", "against", "between", "during", "without", "within",
        "says", "said", "according", "is", "was", "are", "were", "has", "had", "have", "will", "would", "could",
        "should", "may", "might", "can", "did", "does", "do", "mrs", "dear",
    ]
}

/// One mention of a name in a document.
struct NameOccurrence {
    /// The name without its possessive ending (the span reported and fixed).
    var span: Span
    /// Where the compared part starts (after a particle such as "al-").
    var coreStart: Int
    var form: Int32
    var sentenceStart: Bool
    /// Skeleton of the name word just before (a given name), 0 if none.
    var prev: UInt64
    /// Skeleton of the name word just after (a surname), 0 if none.
    var next: UInt64
    /// Form key of a title before the name ("President", "Mr"), 0 if none.
    var title: UInt64
}

/// One spelling used in a document.
struct NameForm {
    var key: UInt64
    var skeleton: UInt64
    /// Index of its first occurrence.
    var first: Int
    var count = 0
    /// Occurrences not at the start of a sentence.
    var midSentence = 0
    var letters: Int
}

/// The capitalised words of a document read as names: every spelling, every mention, with the
/// name words around each mention. Linear in the tokens; strings are made only on demand.
struct NameScan {
    var occurrences: [NameOccurrence] = []
    var forms: [NameForm] = []

    /// `isOrdinary` tells whether a word is an ordinary word (its lower case is in the
    /// dictionaries): a capitalised word at the start of a sentence is a name's context only
    /// when it is not one ("Later Zelenskiy met…").
    init(_ document: Document, isOrdinary: (String) -> Bool) {
        guard !document.tokens.isEmpty else { return }
        (occurrences, forms) = document.source.bytes.withUnsafeBufferPointer { Self.scan(document, $0, isOrdinary) }
    }

    private static func scan(_ document: Document, _ bytes: UnsafeBufferPointer<UInt8>,
                             _ isOrdinary: (String) -> Bool) -> ([NameOccurrence], [NameForm]) {
        let tokens = document.tokens
        var occurrences: [NameOccurrence] = []
        var forms: [NameForm] = []
        // Per token: its form index when it is a name, -1 when not; -2 for a title.
        var formOf = [Int32](repeating: -1, count: tokens.count)
        var formIndex: [UInt64: Int32] = [:]
        var skeletonScratch: [UInt32] = []
        // About one spelling in eight tokens: room enough not to grow while scanning.
        formIndex.reserveCapacity(tokens.count / 8)
        var skeletons: [UInt64] = []
        var pending: [(token: Int, span: Span, coreStart: Int)] = []
        for (i, t) in tokens.enumerated() where t.kind == .word {
            let f = t.flags
            if f.contains(.allCaps) || f.contains(.abbreviation) || f.contains(.alphanumeric) { continue }
            let word = bytes[t.span.start..<t.span.end]
            // A word in lower case is no name, unless a particle leads it ("al-Qaeda").
            if NameText.isLowerWithoutParticle(word) { continue }
            let (cs, ce) = NameText.coreRange(word)
            guard ce > cs, Self.isUpper(bytes[cs]) || (bytes[cs] >= 0x80 && f.contains(.capitalized)) else { continue }
            if f.contains(.nonASCII) && !NameText.isLatin(word) { continue }
            if f.contains(.apostrophe) && NameText.isContraction(word) { continue }
            let core = bytes[cs..<ce]
            let key = NameText.formKey(core)
            if ce - cs <= 13, let stop = NameText.stopWords[key] {
                if stop { formOf[i] = -2 }
                continue
            }
            let form: Int32
            if let existing = formIndex[key] {
                form = existing
            } else {
                let letters = NameText.letterCount(core)
                guard letters >= 2 else { continue }
                form = Int32(forms.count)
                formIndex[key] = form
                forms.append(NameForm(key: key, skeleton: NameSkeleton.key(core, scratch: &skeletonScratch), first: pending.count, letters: letters))
            }
            formOf[i] = form
            pending.append((i, Span(t.span.start, ce), cs))
        }
        skeletons = forms.map(\.skeleton)
        occurrences.reserveCapacity(pending.count)
        // Headings and front-matter values are title case: capitals there are no name context.
        let titleCase = document.blocks.map { block -> Bool in
            switch block.kind {
            case .heading, .frontMatter: true
            default: false
            }
        }
        for p in pending {
            let i = p.token
            let t = tokens[i]
            let form = formOf[i]
            let start = t.flags.contains(.sentenceStart)
            var prev: UInt64 = 0, next: UInt64 = 0, title: UInt64 = 0
            if Int(t.block) >= titleCase.count || !titleCase[Int(t.block)] {
                // The word before: a name (given name), a title, or a particle after a name.
                var j = i - 1
                if j >= 0, Self.adjacent(tokens, j, i), tokens[j].kind == .word, formOf[j] == -1,
                   NameText.isParticle(bytes[tokens[j].span.start..<tokens[j].span.end]) {
                    j -= 1
                }
                if j >= 0, Self.adjacent(tokens, j, j + 1), tokens[j].kind == .word {
                    if formOf[j] == -2 {
                        title = NameText.formKey(bytes[tokens[j].span.start..<tokens[j].span.end])
                    } else if formOf[j] >= 0,
                              !tokens[j].flags.contains(.sentenceStart) || !isOrdinary(document.text(tokens[j])) {
                        prev = skeletons[Int(formOf[j])]
                        // "President Volodymyr Zelenskyy": the title of the given name.
                        let k = j - 1
                        if k >= 0, formOf[k] == -2, Self.adjacent(tokens, k, j) {
                            title = NameText.formKey(bytes[tokens[k].span.start..<tokens[k].span.end])
                        }
                    }
                }
                // The word after: a name (surname), perhaps after a particle ("bin Salman").
                j = i + 1
                if j < tokens.count, Self.adjacent(tokens, i, j), tokens[j].kind == .word, formOf[j] == -1,
                   NameText.isParticle(bytes[tokens[j].span.start..<tokens[j].span.end]) {
                    j += 1
                }
                if j < tokens.count, Self.adjacent(tokens, j - 1, j), tokens[j].kind == .word, formOf[j] >= 0,
                   !tokens[j].flags.contains(.sentenceStart) {
                    next = skeletons[Int(formOf[j])]
                }
            }
            forms[Int(form)].count += 1
            if !start { forms[Int(form)].midSentence += 1 }
            occurrences.append(NameOccurrence(span: p.span, coreStart: p.coreStart, form: form, sentenceStart: start,
                                              prev: prev, next: next, title: title))
        }
        return (occurrences, forms)
    }

    /// The name's text as written at an occurrence (without possessive).
    func text(_ occurrence: Int, in document: Document) -> String {
        document.text(occurrences[occurrence].span)
    }

    /// The form's text as first written.
    func text(form: Int, in document: Document) -> String {
        text(forms[form].first, in: document)
    }

    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }

    /// Two tokens with nothing but spaces (no line break) between them, in one block.
    @inline(__always) static func adjacent(_ tokens: [Token], _ a: Int, _ b: Int) -> Bool {
        tokens[a].block == tokens[b].block && tokens[b].span.start - tokens[a].span.end >= 1 && tokens[b].span.start - tokens[a].span.end <= 2
    }


}
