import Foundation
import RedlineCore
import RedlineSpelling

/// A word (or part of a hyphenated compound) that no dictionary accepts.
struct UnknownWord {
    var span: Span
    var text: String
    /// Holds an upper-case letter (a name, or a word at the start of a sentence).
    var hasCapital: Bool
    var sentenceStart: Bool
}

/// Finds the unknown words of a document, the part every spelling rule shares.
///
/// Skipped: other token kinds (numbers, URLs, e-mail, handles, file names), words in capitals
/// (acronyms), words with digits, abbreviations, single letters, words in non-Latin scripts, and a
/// word followed by `[sic]`. Accepted: a possessive whose stem is known, an accented word whose
/// unaccented form is known, a hyphenated compound known as a whole (else each part is judged).
struct UnknownWordScanner {
    let speller: SpellChecker

    /// Words a document accepts for itself: `<!-- redline-accept WORD… -->` in Markdown, or a
    /// `redline_accept:` list in the front matter. A lower-case entry accepts any case.
    static func inlineWords(_ document: Document) -> Set<String> {
        var words = Set<String>()
        for d in document.directives where d.action == .acceptWords { words.formUnion(d.rules) }
        if let fm = document.frontMatter { words.formUnion(fm.list("redline_accept")) }
        return words
    }

    func unknownWords(in document: Document) -> [UnknownWord] {
        var found: [UnknownWord] = []
        let inline = Self.inlineWords(document)
        func isInline(_ word: String) -> Bool {
            !inline.isEmpty && (inline.contains(word) || inline.contains(word.lowercased())
                || inline.contains(Self.base(word)))
        }
        let tokens = document.tokens
        for (index, token) in tokens.enumerated() where token.kind == .word {
            if token.flags.contains(.alphanumeric) || token.flags.contains(.abbreviation)
                || token.flags.contains(.allCaps) || token.span.length < 2 {
                continue
            }
            if token.flags.contains(.nonASCII) && !Self.isLatinScript(document.text(token)) { continue }
            let word = document.text(token)
            if isAccepted(word) || isInline(word) { continue }
            if Self.isFollowedBySic(tokens, index, document) { continue }
            if Self.isNameParticle(word), index + 1 < tokens.count, tokens[index + 1].kind == .word,
               tokens[index + 1].flags.contains(.capitalized) {
                continue
            }
            let start = token.flags.contains(.sentenceStart)
            if token.flags.contains(.hyphenated) {
                for part in Self.hyphenParts(of: token, in: document) {
                    let text = document.text(part)
                    if !isAccepted(text) && !isPluralOfKnown(text) && !isCoinage(text) {
                        found.append(UnknownWord(span: part, text: text, hasCapital: Self.hasCapital(text),
                                                 sentenceStart: start && part.start == token.span.start))
                    }
                }
            } else if !isCoinage(word) {
                found.append(UnknownWord(span: token.span, text: word, hasCapital: Self.hasCapital(word), sentenceStart: start))
            }
        }
        return found
    }

    /// The word as written, without a possessive ending, without accents, or (a capitalised
    /// word) as the plural of a known name ("the Blairs", "two Saabs").
    func isAccepted(_ word: String) -> Bool {
        // Fewer than two scalars (a scalar is at most four bytes: longer words are not counted;
        // the scalars of the rest are their bytes that are not UTF-8 continuation bytes).
        let utf8 = word.utf8
        if utf8.count < 5 {
            var scalars = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
            if scalars < 2 { return true }
        }
        if speller.isCorrect(word) { return true }
        if let stem = Self.possessiveStem(word), speller.isCorrect(stem) { return true }
        if word.count > 3, word.hasSuffix("s"), let first = word.unicodeScalars.first, first.properties.isUppercase {
            let stem = String(word.dropLast())
            if speller.isCorrect(stem) && !speller.isCorrect(stem.lowercased()) { return true }
        }
        // Only a word with letters beyond ASCII has accents to take off (folding goes through
        // Foundation: microseconds a word, and every unknown name came here).
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        let folded = word.folding(options: .diacriticInsensitive, locale: nil)
        if folded != word { return isAccepted(folded) }
        return false
    }

    /// Lower-case words of news copy that no dictionary lists but that are plainly formed:
    /// short tokens (fewer than three letters), a known word with a common prefix
    /// ("delisted", "unreformable"), and closed compounds of two known words of four letters
    /// or more ("drugmaker", "timeframe"; shorter parts let slips through: "prob" + "elm").
    func isCoinage(_ word: String) -> Bool {
        if Self.hasCapital(word) { return false }
        let letters = Array(word)
        if letters.count < 3 { return true }
        for prefix in Self.prefixes where word.hasPrefix(prefix) {
            let rest = String(word.dropFirst(prefix.count))
            // Two-letter prefixes need a longer stem: "co" + "lour" is "colour" misspelled in en_US.
            if rest.count >= (prefix.count <= 2 ? 5 : 4) && (speller.isCorrect(rest) || (rest.hasPrefix("-") && speller.isCorrect(String(rest.dropFirst())))) {
                return true
            }
        }
        guard letters.count >= 8 else { return false }
        for cut in 4...(letters.count - 4) {
            let head = String(letters[..<cut]), tail = String(letters[cut...])
            if speller.isCorrect(head) && speller.isCorrect(tail) && !Self.isShortFunctionWord(head)
                && !Self.isShortFunctionWord(tail) {
                return true
            }
        }
        return false
    }

    /// "olds" in "40-year-olds": a part that is a known word plus a plural "s".
    func isPluralOfKnown(_ word: String) -> Bool {
        word.count > 3 && word.hasSuffix("s") && speller.isCorrect(String(word.dropLast()))
    }

    static let prefixes = ["anti", "co", "counter", "cyber", "de", "eco", "inter", "mega", "micro", "mini", "multi",
                           "non", "out", "over", "post", "pre", "re", "semi", "sub", "super", "un", "under"]

    /// Glued function words ("inwhich", "thefirst") are slips, not compounds.
    static func isShortFunctionWord(_ word: String) -> Bool {
        ["the", "and", "for", "was", "are", "has", "had", "his", "her", "its", "not", "but", "you", "she", "they",
         "that", "this", "with", "from", "which", "what", "their", "there", "have", "will", "would", "about", "then",
         "than", "them", "were", "when", "who", "why", "how", "our", "your", "all", "can", "did", "does", "into"]
            .contains(word.lowercased())
    }

    /// Particles of names in other languages ("Pierre du Pont", "Ahmed bin Ali").
    static func isNameParticle(_ word: String) -> Bool {
        ["da", "dal", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "la", "le", "van",
         "von", "zu", "auf", "bin", "ibn", "al", "el", "ben", "ter", "ten", "af", "av"].contains(word)
    }

    static func hasCapital(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.isUppercase }
    }

    static func possessiveStem(_ word: String) -> String? {
        // Byte tests (this runs for every capitalised word): 's, ’s, 'S, ’S, s', s’.
        let utf8 = word.utf8
        guard let last = utf8.last else { return nil }
        let apostrophe = UInt8(ascii: "'"), curly: [UInt8] = [0xE2, 0x80, 0x99]
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "S") {
            let before = utf8.dropLast()
            if before.last == apostrophe || before.suffix(3).elementsEqual(curly) {
                return String(word.dropLast(2))
            }
            return nil
        }
        if last == apostrophe || (last == 0x99 && utf8.suffix(3).elementsEqual(curly)) {
            let before = utf8.dropLast(last == apostrophe ? 1 : 3)
            if before.last == UInt8(ascii: "s") { return String(word.dropLast(1)) }
        }
        return nil
    }

    /// The word without a possessive ending.
    static func base(_ word: String) -> String { possessiveStem(word) ?? word }

    /// Words in other scripts (Cyrillic, Arabic, …) are not English misspellings.
    static func isLatinScript(_ word: String) -> Bool {
        for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
            let v = scalar.value
            if v < 0x80 || (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) { continue }
            return false
        }
        return true
    }

    static func hyphenParts(of token: Token, in document: Document) -> [Span] {
        var parts: [Span] = []
        var start = token.span.start
        let bytes = document.source.bytes
        for i in token.span.start..<token.span.end where bytes[i] == UInt8(ascii: "-") {
            if i - start >= 2 { parts.append(Span(start, i)) }
            start = i + 1
        }
        if token.span.end - start >= 2 { parts.append(Span(start, token.span.end)) }
        // Parts with digits ("COVID-19") are not words to check.
        return parts.filter { span in !bytes[span.start..<span.end].contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// `word [sic]`, `“word” [sic]`, `word, [sic]`.
    static func isFollowedBySic(_ tokens: [Token], _ index: Int, _ document: Document) -> Bool {
        var j = index + 1
        var skipped = 0
        while j < tokens.count, tokens[j].kind == .punctuation, skipped < 2 {
            let t = document.text(tokens[j])
            if t == "[" { break }
            guard ["\"", "”", "’", "'", ","].contains(t) else { return false }
            skipped += 1
            j += 1
        }
        guard j + 2 < tokens.count, document.text(tokens[j]) == "[",
              document.text(tokens[j + 1]).lowercased() == "sic", document.text(tokens[j + 2]) == "]" else { return false }
        return tokens[j].span.start - tokens[j - 1].span.end <= 1
    }
}
