import RedlineCore
import Testing
@testable import RedlineText

/// Tokens of one plain paragraph, as (kind, text) pairs.
private func tokens(_ text: String) -> [(TokenKind, String, TokenFlags)] {
    let bytes = Array(text.utf8)
    let toks = Tokenizer.tokenize(bytes, blocks: [Block(kind: .paragraph, span: Span(0, bytes.count))])
    return toks.map { ($0.kind, String(decoding: bytes[$0.span.start..<$0.span.end], as: UTF8.self), $0.flags) }
}

private func words(_ text: String) -> [String] { tokens(text).filter { $0.0 == .word }.map(\.1) }
private func kinds(_ text: String, _ kind: TokenKind) -> [String] { tokens(text).filter { $0.0 == kind }.map(\.1) }

@Suite struct TokenizerTests {
    @Test func apostrophesJoinWordsButNotQuotes() {
        #expect(words("Kyiv’s mayor didn't say 'no' to the states’ plan") ==
                ["Kyiv’s", "mayor", "didn't", "say", "no", "to", "the", "states", "plan"])
    }

    @Test func hyphenatedCompoundsAreOneToken() {
        let t = tokens("a well-known, long-range drone")
        #expect(t.filter { $0.0 == .word }.map(\.1) == ["a", "well-known", "long-range", "drone"])
        #expect(t.first { $0.1 == "well-known" }!.2.contains(.hyphenated))
    }

    @Test func abbreviations() {
        let t = tokens("The U.S. envoy left at 3 a.m. on Friday.")
        #expect(t.contains { $0.1 == "U.S." && $0.2.contains(.abbreviation) })
        #expect(t.contains { $0.1 == "a.m." && $0.2.contains(.abbreviation) })
    }

    @Test func numbersWithCurrencyScaleUnitsAndOrdinals() {
        #expect(kinds("It cost £1.5bn, $20m and €3 trillion; 20km, 5kg, 50% on the 4th at 14:30 on 2025-07-04 and 1,500 people.", .number)
                == ["£1.5bn", "$20m", "€3", "20km", "5kg", "50%", "4th", "14:30", "2025-07-04", "1,500"])
        let t = tokens("the 4th of 5m")
        #expect(t.first { $0.1 == "4th" }!.2.contains(.ordinal))
        #expect(t.first { $0.1 == "5m" }!.2.contains(.suffixed))
        #expect(tokens("on 2025-07-04").first { $0.1 == "2025-07-04" }!.2.contains(.date))
    }

    @Test func urlsEmailsHandlesAndFileNamesAreNotWords() {
        let text = "See https://example.com/a_b?x=1, www.bbc.co.uk and bbc.co.uk, mail news@example.org, ask @newsdesk #Kyiv, open report.pdf."
        #expect(kinds(text, .url) == ["https://example.com/a_b?x=1", "www.bbc.co.uk", "bbc.co.uk"])
        #expect(kinds(text, .email) == ["news@example.org"])
        #expect(kinds(text, .handle) == ["@newsdesk"])
        #expect(kinds(text, .hashtag) == ["#Kyiv"])
        #expect(kinds(text, .fileName) == ["report.pdf"])
        #expect(!words(text).contains("example"))
    }

    @Test func sentenceStartsAndCapitals() {
        let t = tokens("Fires broke out. “Many were hurt,” she said. NATO met.")
        let starts = t.filter { $0.2.contains(.sentenceStart) }.map(\.1)
        #expect(starts == ["Fires", "Many", "NATO"])
        #expect(t.first { $0.1 == "NATO" }!.2.contains(.allCaps))
        #expect(t.first { $0.1 == "Fires" }!.2.contains(.capitalized))
    }

    @Test func nonASCIILettersAndDashes() {
        #expect(words("Zelenskyy—and Erdoğan’s café—met in Київ") == ["Zelenskyy", "and", "Erdoğan’s", "café", "met", "in", "Київ"])
    }

    @Test func alphanumericCodes() {
        let t = tokens("COVID-19 and MP3 files")
        #expect(t.first { $0.1 == "COVID-19" }!.2.contains(.alphanumeric))
        #expect(t.first { $0.1 == "MP3" }!.2.contains(.alphanumeric))
    }

    @Test func tokensStayInsideTheirBlock() {
        let text = "one two\n\nthree"
        let bytes = Array(text.utf8)
        let toks = Tokenizer.tokenize(bytes, blocks: [Block(kind: .paragraph, span: Span(0, 7)),
                                                      Block(kind: .paragraph, span: Span(9, 14))])
        #expect(toks.map(\.block) == [0, 0, 1])
    }
}
