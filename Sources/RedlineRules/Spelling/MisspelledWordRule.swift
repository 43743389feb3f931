import Foundation
import RedlineCore
import RedlineSpelling

/// `spelling.misspelled`: a word that no dictionary in use accepts.
///
/// Checks word tokens only (numbers, URLs, e-mail addresses, handles and file names are other
/// token kinds). A possessive is checked without its `’s`; a hyphenated compound is accepted
/// when the whole is known, otherwise each part is checked and reported on its own. Words in
/// capitals (acronyms), words with digits, single letters and a word followed by `[sic]` are
/// skipped.
public struct MisspelledWordRule: DocumentRule {
    public static let info = RuleInfo(
        id: "spelling.misspelled",
        category: .spelling,
        defaultSeverity: .error,
        summary: "A word that is not in the dictionary, with suggestions best first. The fix applies "
            + "the first suggestion only when it is clearly the best one.",
        flags: [
            RuleExample("The fire set a shed «abalze» overnight.", fixed: "The fire set a shed ablaze overnight."),
            RuleExample("A «recieved» letter and a well-«knwon» face."),
        ],
        passes: [
            RuleExample("The city’s mayor said a well-known café was hit."),
            RuleExample("See https://example.com/abalze or mail desk@example.org about NATO."),
            RuleExample("He wrote “abalze” [sic] in the note."),
        ]
    )

    private let speller: SpellChecker
    private let suggester: Suggester

    public init(environment: RuleEnvironment) throws {
        speller = try environment.require(SpellChecker.self)
        suggester = try environment.require(Suggester.self)
    }

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        var findings: [Finding] = []
        let tokens = document.tokens
        for (index, token) in tokens.enumerated() where token.kind == .word {
            if token.flags.contains(.alphanumeric) || token.flags.contains(.abbreviation)
                || token.flags.contains(.allCaps) || token.span.length < 2 {
                continue
            }
            if token.flags.contains(.nonASCII) && !isLatinScript(token, document) { continue }
            if isFollowedBySic(tokens, index, document) { continue }
            let word = document.text(token)
            if isAccepted(word) { continue }
            if token.flags.contains(.hyphenated) {
                for part in hyphenParts(of: token, in: document) where !isAccepted(document.text(part)) {
                    findings.append(finding(for: part, in: document))
                }
            } else {
                findings.append(finding(for: token.span, in: document))
            }
        }
        return findings
    }

    /// Words in other scripts (Cyrillic, Arabic, …) are not English misspellings.
    private func isLatinScript(_ token: Token, _ document: Document) -> Bool {
        for scalar in document.text(token).unicodeScalars where scalar.properties.isAlphabetic {
            let v = scalar.value
            if v < 0x80 || (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) { continue }
            return false
        }
        return true
    }

    /// The word as written, or without a possessive ending.
    private func isAccepted(_ word: String) -> Bool {
        if word.unicodeScalars.count < 2 { return true }
        if speller.isCorrect(word) { return true }
        if let stem = possessiveStem(word), speller.isCorrect(stem) { return true }
        // "café", "résumé", "naïve": accepted when the dictionary has the unaccented form.
        let folded = word.folding(options: .diacriticInsensitive, locale: nil)
        if folded != word { return isAccepted(folded) }
        return false
    }

    private func possessiveStem(_ word: String) -> String? {
        for suffix in ["'s", "’s", "'S", "’S"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        return nil
    }

    private func hyphenParts(of token: Token, in document: Document) -> [Span] {
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

    private func isFollowedBySic(_ tokens: [Token], _ index: Int, _ document: Document) -> Bool {
        // word, optional closing quote, "[", "sic", "]"
        var j = index + 1
        var skippedQuote = false
        while j < tokens.count, tokens[j].kind == .punctuation, !skippedQuote {
            let t = document.text(tokens[j])
            if t == "[" { break }
            if ["\"", "”", "’", "'", ","].contains(t) { skippedQuote = true; j += 1 } else { return false }
        }
        guard j + 2 < tokens.count, document.text(tokens[j]) == "[",
              document.text(tokens[j + 1]).lowercased() == "sic", document.text(tokens[j + 2]) == "]" else { return false }
        return tokens[j].span.start - tokens[j - 1].span.end <= 1
    }

    private func finding(for span: Span, in document: Document) -> Finding {
        let word = document.text(span)
        let ranked = suggester.suggest(word)
        let fix = ranked.isConfident ? ranked.words.first.map { Fix(span: span, replacement: $0) } : nil
        return Finding(Self.info, span: span, message: "“\(word)” is not in the dictionary",
                       suggestions: Array(ranked.words.prefix(5)), fix: fix)
    }
}
