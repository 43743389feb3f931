import Foundation
import Testing
import RedlineCore
@testable import RedlineText

/// Tests of the format readers: masking, block spans, front matter, directives, robustness.
@Suite struct ReaderTests {

    // MARK: - Helpers

    static func source(_ text: String) -> SourceFile { SourceFile(path: "test.md", text: text) }

    /// The checkable text with every run of whitespace collapsed to one space, trimmed.
    static func visible(_ result: ReadResult) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in result.checkable {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The source text of each maximal run of checkable non-blank bytes.
    static func runs(_ result: ReadResult, _ source: SourceFile) -> [String] {
        var out: [String] = []
        var start = -1
        for (i, b) in result.checkable.enumerated() {
            let blank = b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
            if blank {
                if start >= 0 { out.append(source.text(Span(start, i))); start = -1 }
            } else if start < 0 {
                start = i
            }
        }
        if start >= 0 { out.append(source.text(Span(start, result.checkable.count))) }
        return out
    }

    /// What must hold for any input: same length, each byte the source's or a space, line ends kept,
    /// blocks in order and inside the file, directives on real lines.
    static func checkInvariants(_ result: ReadResult, _ source: SourceFile, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.checkable.count == source.bytes.count, sourceLocation: sourceLocation)
        guard result.checkable.count == source.bytes.count else { return }
        var bad = 0
        for i in 0..<source.bytes.count {
            let s = source.bytes[i], c = result.checkable[i]
            if s == 0x0A || s == 0x0D { if c != s { bad += 1 } } else if c != s && c != 0x20 { bad += 1 }
        }
        #expect(bad == 0, "bytes neither source nor space, or line ends changed", sourceLocation: sourceLocation)
        var previous = -1
        for block in result.blocks {
            #expect(block.span.start >= 0 && block.span.end <= source.bytes.count && !block.span.isEmpty, sourceLocation: sourceLocation)
            #expect(block.span.start >= previous, "blocks out of order", sourceLocation: sourceLocation)
            previous = block.span.start
            if block.span.end <= source.bytes.count && block.span.start < block.span.end {
                // Tight: first and last bytes are checkable and not blank.
                let first = result.checkable[block.span.start], last = result.checkable[block.span.end - 1]
                #expect(first != 0x20 && first != 0x0A && last != 0x20 && last != 0x0A, sourceLocation: sourceLocation)
            }
        }
        for d in result.directives {
            #expect(d.line >= 0 && d.line < source.lineStarts.count, sourceLocation: sourceLocation)
        }
    }

    static func blockTexts(_ result: ReadResult, _ source: SourceFile) -> [String] {
        result.blocks.map { source.text($0.span) }
    }

    // MARK: - Markdown masking

    @Test func codeAndHTMLAreMasked() {
        let text = """
        # Title here

        Some `inline code` text and ``double `tick` code`` too.

        ```swift
        let fenced = 1
        ```

            indented code block

        <div>raw html block</div>

        A <span class="x">tagged</span> word.

        ~~~
        tilde fence
        ~~~
        """
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.visible(r) == "Title here Some text and too. A tagged word.")
        #expect(Self.blockTexts(r, src) == [
            "Title here",
            "Some `inline code` text and ``double `tick` code`` too.",
            "A <span class=\"x\">tagged</span> word.",
        ])
        #expect(r.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .paragraph])
    }

    @Test func linkTextAndAltTextAreCheckedDestinationsAreNot() {
        let text = """
        Read [the report](https://example.com/report "Report title") and ![a chart](chart.png 'Chart title') \
        or <https://example.org/page> or <editor@example.com> and [ref link][r] and [short].

        A [link with (parens)](https://x.y/a_(b) "t (x)") then `code` then [**bold** link](</a b> (paren title)) end.

        [r]: https://example.net "Ref title"
        [short]: https://example.net/short
        """
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.visible(r) == "Read the report and a chart or or and ref link and short . "
            + "A link with (parens) then then bold link end.")
        #expect(r.blocks.count == 2)
        #expect(Self.blockTexts(r, src).first?.hasPrefix("Read [the report]") == true)
        #expect(Self.blockTexts(r, src).first?.hasSuffix("[short].") == true)
    }

    @Test func titlesThatRepeatTextAreNotUnmasked() {
        // The text after the link (" again") also appears in the title; it must be found after the link.
        let src = Self.source("[x](/u \"say again\") again\n")
        let r = MarkdownReader.read(src)
        #expect(Self.visible(r) == "x again")
        let again = src.bytes.count - 6
        #expect(src.text(Span(again, again + 5)) == "again")
        #expect(r.checkable[again] == UInt8(ascii: "a"))
    }

    @Test func tableCellsAreBlocks() {
        let text = """
        | Name | Score |
        |------|------:|
        | Ann  | 10 \\| 12 |
        | *Bob* | `n/a` |
        | Name | Name |
        """
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.blockTexts(r, src) == ["Name", "Score", "Ann", "10 \\| 12", "Bob", "Name", "Name"])
        #expect(r.blocks.allSatisfy { $0.kind == .tableCell })
        // The two cells holding "Name" in the last row are found in their own cells.
        #expect(r.blocks[5].span != r.blocks[6].span)
        #expect(Self.visible(r) == "Name Score Ann 10 | 12 Bob Name Name")
    }

    @Test func headingsListsQuotesAndSpans() {
        let text = """
        Intro paragraph
        spans two lines.

        ## Second *level*

        - item one
        - item **two**
          continued
          1. nested ordered

        > quoted text
        > more
        >
        > - quoted list item
        >   continued *here* and
        > lazily

        Setext
        ======

        - [ ] open task
        - [x] done task
        """
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.blockTexts(r, src) == [
            "Intro paragraph\nspans two lines.",
            "Second *level",
            "item one",
            "item **two**\n  continued",
            "nested ordered",
            "quoted text\n> more",
            "quoted list item\n>   continued *here* and\n> lazily",
            "Setext",
            "open task",
            "done task",
        ])
        #expect(r.blocks.map(\.kind) == [.paragraph, .heading(level: 2), .paragraph, .paragraph, .paragraph,
                                         .paragraph, .paragraph, .heading(level: 1), .paragraph, .paragraph])
        #expect(r.blocks.map(\.inList) == [false, false, true, true, true, false, true, false, true, true])
        #expect(r.blocks.map(\.inQuote) == [false, false, false, false, false, true, true, false, false, false])
        #expect(Self.visible(r).contains("Second level"))
        #expect(!Self.visible(r).contains("#"))
        #expect(!Self.visible(r).contains(">"))
        #expect(!Self.visible(r).contains("["))
        #expect(!Self.visible(r).contains("1."))
    }

    @Test func emphasisAndStrikethroughContentIsChecked() {
        let src = Self.source("Some *emph*, __strong__, ~~struck~~ and ***both*** words_with_underscores.\n")
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.visible(r) == "Some emph , strong , struck and both words_with_underscores.")
    }

    @Test func entitiesAndEscapes() {
        let text = #"Fish &amp; chips cost \*5\* &pound;3 &#233;t&eacute; \\ done AT&T &madeup; \[x\] 1986\. end"#
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        func blank(_ s: String) -> String { String(repeating: " ", count: s.utf8.count) }
        let expected = text
            .replacingOccurrences(of: "&amp;", with: blank("&amp;"))
            .replacingOccurrences(of: "&pound;", with: blank("&pound;"))
            .replacingOccurrences(of: "&#233;", with: blank("&#233;"))
            .replacingOccurrences(of: "&eacute;", with: blank("&eacute;"))
            .replacingOccurrences(of: #"\*"#, with: " *")
            .replacingOccurrences(of: #"\\"#, with: #" \"#)
            .replacingOccurrences(of: #"\["#, with: " [")
            .replacingOccurrences(of: #"\]"#, with: " ]")
            .replacingOccurrences(of: #"\."#, with: " .")
        #expect(String(decoding: r.checkable, as: UTF8.self) == expected)
        #expect(Self.blockTexts(r, src) == [text])
    }

    @Test func nonASCIIAndCRLF() {
        let text = "---\r\ntitle: \"Café für Zürich\"\r\ndate: 2025-07-04\r\n---\r\n"
            + "# Grüße aus Köln\r\n\r\n"
            + "Die *Straße* ist [schön](https://x.de/ü \"Tïtle\") — “gut” `cödé`.\r\n"
            + "Zweite Zeile: naïve café.\r\n\r\n"
            + "- Ünïcödé item\r\n  zweite Zeile\r\n\r\n"
            + "> 日本語の文 &amp; mehr\r\n"
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.runs(r, src) == [
            "Café", "für", "Zürich",
            "Grüße", "aus", "Köln",
            "Die", "Straße", "ist", "schön", "—", "“gut”", ".",
            "Zweite", "Zeile:", "naïve", "café.",
            "Ünïcödé", "item", "zweite", "Zeile",
            "日本語の文", "mehr",
        ])
        #expect(Self.blockTexts(r, src) == [
            "Café für Zürich",
            "Grüße aus Köln",
            "Die *Straße* ist [schön](https://x.de/ü \"Tïtle\") — “gut” `cödé`.\r\nZweite Zeile: naïve café.",
            "Ünïcödé item\r\n  zweite Zeile",
            "日本語の文 &amp; mehr",
        ])
        #expect(r.frontMatter?["date"] == "2025-07-04")
        // Line ends are kept byte for byte.
        for (i, b) in src.bytes.enumerated() where b == 0x0D || b == 0x0A { #expect(r.checkable[i] == b) }
    }

    @Test func utf8BOMIsMasked() {
        let src = SourceFile(path: "bom.md", data: [0xEF, 0xBB, 0xBF] + Array("Hello *there*\n".utf8))
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.visible(r) == "Hello there")
        #expect(Self.blockTexts(r, src) == ["Hello *there"])
        let p = PlainTextReader.read(src)
        #expect(Self.visible(p) == "Hello *there*")
    }

    // MARK: - Front matter

    static let frontMatterText = """
    ---
    title: "Quoted: a \\"big\\" day"
    description: Plain value here   # a comment
    summary: |
      First line of summary
      second line
    date: 2025-07-04
    tags: [news, world]
    author:
      name: Jane Doe
    draft: false
    ---
    Body text.
    """

    @Test func frontMatterFieldsAndSpans() throws {
        let src = Self.source(Self.frontMatterText)
        let (fm, bodyStart, problem) = FrontMatterReader.read(src)
        #expect(problem == nil)
        let front = try #require(fm)
        #expect(src.text(front.span).hasPrefix("---\ntitle"))
        #expect(src.text(front.span).hasSuffix("draft: false\n---"))
        #expect(src.text(Span(bodyStart, src.bytes.count)) == "Body text.")

        func field(_ key: String) -> FrontMatter.Field? { front.fields.first { $0.key == key } }
        #expect(front.fields.map(\.key) == ["title", "description", "summary", "date", "tags", "author.name", "draft"])
        #expect(field("title")?.value == "Quoted: a \"big\" day")
        #expect(field("title")?.span.map(src.text) == "Quoted: a \\\"big\\\" day")
        #expect(field("description")?.value == "Plain value here")
        #expect(field("description")?.span.map(src.text) == "Plain value here")
        #expect(field("summary")?.value == "First line of summary\nsecond line\n")
        #expect(field("summary")?.span.map(src.text) == "First line of summary\n  second line")
        #expect(field("date")?.value == "2025-07-04")
        #expect(field("date")?.span.map(src.text) == "2025-07-04")
        #expect(field("tags")?.value == "news, world")
        #expect(field("author.name")?.value == "Jane Doe")
        #expect(field("author.name")?.span.map(src.text) == "Jane Doe")
        #expect(field("draft")?.value == "false")
    }

    @Test func frontMatterCheckableValuesAndBlocks() {
        let src = Self.source(Self.frontMatterText)
        for r in [MarkdownReader.read(src), PlainTextReader.read(src)] {
            Self.checkInvariants(r, src)
            #expect(Self.visible(r) == "Quoted: a \"big \" day Plain value here First line of summary second line Body text.")
            #expect(r.blocks.map(\.kind) == [.frontMatter(key: "title"), .frontMatter(key: "description"),
                                             .frontMatter(key: "summary"), .paragraph])
            #expect(Self.blockTexts(r, src) == ["Quoted: a \\\"big\\\" day", "Plain value here",
                                               "First line of summary\n  second line", "Body text."])
            #expect(r.frontMatter?["date"] == "2025-07-04")
            #expect(r.problems.isEmpty)
        }
    }

    @Test func frontMatterQuotingStyles() throws {
        let text = """
        ---
        title: 'It''s a plain day'
        summary: >-
          Folded summary
          over lines
        description: A plain value
          that wraps
        ---

        Body.
        """
        let src = Self.source(text)
        let fm = try #require(FrontMatterReader.read(src).frontMatter)
        #expect(fm["title"] == "It's a plain day")
        #expect(fm.fields[0].span.map(src.text) == "It''s a plain day")
        #expect(fm["summary"] == "Folded summary over lines")
        #expect(fm["description"] == "A plain value that wraps")
        #expect(fm.fields[2].span.map(src.text) == "A plain value\n  that wraps")
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.runs(r, src) == ["It", "'s", "a", "plain", "day", "Folded", "summary", "over", "lines",
                                      "A", "plain", "value", "that", "wraps", "Body."])
    }

    @Test func anchorsTagsAndAliases() throws {
        let text = "---\ntitle: &t !!str Anchored title\nsummary: *t\nlist: &l [a, b]\nagain: *l\n---\nBody.\n"
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        let fm = try #require(r.frontMatter)
        #expect(fm["title"] == "Anchored title")
        #expect(fm.fields[0].span.map(src.text) == "Anchored title")
        #expect(fm["summary"] == "Anchored title")
        #expect(fm.fields[1].span == nil)  // an alias has no text of its own
        #expect(fm["again"] == "a, b")
        #expect(Self.visible(r) == "Anchored title Body.")

        // "Billion laughs": refused (or bounded), never expanded.
        var lol = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<10 { lol += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        lol += "---\nBody.\n"
        let big = Self.source(lol)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let result = MarkdownReader.read(big)
            Self.checkInvariants(result, big)
            #expect(result.problems.count == 1)
        }
        #expect(elapsed < .seconds(5))
        // A few aliases, expanded by flattening, stay within the field budget.
        var few = "---\nb0: &b0 [y, y, y, y, y, y, y, y]\n"
        for i in 1..<4 { few += "b\(i): &b\(i) [" + Array(repeating: "*b\(i - 1)", count: 8).joined(separator: ", ") + "]\n" }
        few += "---\n"
        let fewResult = FrontMatterReader.read(Self.source(few))
        #expect(fewResult.problem == nil)
        #expect((fewResult.frontMatter?.fields.count ?? 0) == 4)
    }

    @Test func plainTitleInPlainText() throws {
        let text = "---\ntitle: Plain title words\nslug: plain-title\n...\nFirst paragraph\nstill first.\n\n   \nSecond one.\n"
        let src = SourceFile(path: "story.txt", text: text)
        let r = PlainTextReader.read(src)
        Self.checkInvariants(r, src)
        #expect(r.frontMatter?["title"] == "Plain title words")
        #expect(r.frontMatter?.fields.first?.span.map(src.text) == "Plain title words")
        #expect(Self.blockTexts(r, src) == ["Plain title words", "First paragraph\nstill first.", "Second one."])
        #expect(Self.visible(r) == "Plain title words First paragraph still first. Second one.")
    }

    @Test func brokenYAMLIsAProblemAndMasked() {
        let text = "---\ntitle: fine\nsummary: a: b\n---\nBody here.\n"
        let src = Self.source(text)
        for r in [MarkdownReader.read(src), PlainTextReader.read(src)] {
            Self.checkInvariants(r, src)
            #expect(r.frontMatter == nil)
            #expect(r.problems.count == 1)
            #expect(r.problems.first?.span == src.lineContentSpan(2))
            #expect(r.problems.first?.message.contains("line 3") == true)
            #expect(Self.visible(r) == "Body here.")
        }
        // Unclosed flow sequence: the problem names a line inside the front matter.
        let src2 = Self.source("---\ntitle: ok\ntags: [a, b\nother: x\n---\nBody.\n")
        let (fm, bodyStart, problem) = FrontMatterReader.read(src2)
        #expect(fm == nil)
        #expect(src2.text(Span(bodyStart, src2.bytes.count)) == "Body.\n")
        let line = src2.lineIndex(of: problem?.span.start ?? 0)
        #expect(problem != nil && line >= 1 && line <= 4)
    }

    @Test func frontMatterThatIsNotAMapping() {
        let src = Self.source("---\n- just\n- a list\n---\nBody.\n")
        let r = MarkdownReader.read(src)
        #expect(r.frontMatter == nil)
        #expect(r.problems.count == 1)
        #expect(Self.visible(r) == "Body.")
    }

    @Test func unterminatedFrontMatterIsBodyText() {
        let text = "---\ntitle: Never closed\n\nBody text here.\n"
        let src = Self.source(text)
        let (fm, bodyStart, problem) = FrontMatterReader.read(src)
        #expect(fm == nil)
        #expect(bodyStart == 0)
        #expect(problem?.span == Span(0, 3))
        let p = PlainTextReader.read(src)
        Self.checkInvariants(p, src)
        #expect(Self.visible(p) == "--- title: Never closed Body text here.")
        #expect(p.problems.count == 1)
        let m = MarkdownReader.read(src)
        Self.checkInvariants(m, src)
        #expect(Self.visible(m) == "title: Never closed Body text here.")
        #expect(m.problems.count == 1)
    }

    @Test func emptyAndOnlyFrontMatter() throws {
        for text in ["---\n---\n", "---\n---", "---\r\n...\r\n", "---\ntitle: Only\n---\n"] {
            let src = Self.source(text)
            let r = MarkdownReader.read(src)
            Self.checkInvariants(r, src)
            #expect(r.frontMatter != nil)
            #expect(r.problems.isEmpty)
            #expect(r.blocks.count == (text.contains("Only") ? 1 : 0))
        }
        #expect(FrontMatterReader.read(Self.source("No front matter\n---\n")).frontMatter == nil)
        #expect(FrontMatterReader.read(Self.source("----\na: b\n----\n")).frontMatter == nil)
    }

    // MARK: - Directives

    @Test func suppressionDirectives() {
        let text = """
        <!-- redline-disable spelling.misspelled names -->
        Text here <!-- redline-disable-next-line numbers.weekday-date --> more.

        <!-- redline-enable -->
        <!-- ordinary comment -->
        <!--redline-disable-next-line spelling,style-->
        <!-- redline-disabled nothing -->

        > <!-- redline-enable names -->
        """
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(r.directives == [
            SuppressionDirective(action: .disable, rules: ["spelling.misspelled", "names"], line: 0),
            SuppressionDirective(action: .disableNextLine, rules: ["numbers.weekday-date"], line: 1),
            SuppressionDirective(action: .enable, rules: [], line: 3),
            SuppressionDirective(action: .disableNextLine, rules: ["spelling", "style"], line: 5),
            SuppressionDirective(action: .enable, rules: ["names"], line: 8),
        ])
        #expect(Self.visible(r) == "Text here more.")
        // Plain text has no directives.
        #expect(PlainTextReader.read(src).directives.isEmpty)
    }

    @Test func multiLineInlineHTMLInAQuote() {
        let text = "> Before <span\n> class=\"x\">inside</span> after <!--\n> redline-disable names\n> --> tail\n"
        let src = Self.source(text)
        let r = MarkdownReader.read(src)
        Self.checkInvariants(r, src)
        #expect(Self.visible(r) == "Before inside after tail")
        #expect(r.directives == [SuppressionDirective(action: .disable, rules: ["names"], line: 1)])
        #expect(r.blocks.first?.inQuote == true)
    }

    @Test func directiveInsideCodeIsIgnored() {
        let src = Self.source("```\n<!-- redline-disable -->\n```\n\nUse `<!-- redline-disable -->` here.\n")
        #expect(MarkdownReader.read(src).directives.isEmpty)
    }

    // MARK: - Plain text

    @Test func plainTextParagraphsCRLF() {
        let text = "First line\r\nsecond line\r\n\r\n \t\r\nNext para é\r\n\r\n\r\nLast"
        let src = SourceFile(path: "a.txt", text: text)
        let r = PlainTextReader.read(src)
        Self.checkInvariants(r, src)
        #expect(r.checkable == src.bytes)
        #expect(Self.blockTexts(r, src) == ["First line\r\nsecond line", "Next para é", "Last"])
        #expect(r.blocks.allSatisfy { $0.kind == .paragraph })
    }

    // MARK: - Robustness

    @Test func emptyAndDegenerateInputs() {
        let inputs: [[UInt8]] = [
            [], [0x0A], [0x0D], [0x0D, 0x0A], [0], [0, 0, 0x0A, 0],
            Array("---".utf8), Array("---\n".utf8), Array("...\n".utf8), Array("#".utf8), Array("`".utf8),
            Array("[".utf8), Array("![".utf8), Array("<!--".utf8), Array("&".utf8), Array("\\".utf8),
            Array("a\0b *c\0d* `e\0f` [g\0](h)\n".utf8), Array("| a |\n|---|\n| b\0 |".utf8),
            Array("&#0; &#x110000; &#99999999; &;".utf8), Array("[a](<b".utf8), Array("[a](b \"c".utf8),
            Array("\r\r\r# x\r\rpara\r".utf8), Array("---\ntitle: \"x\ny\n---\n".utf8),
            Array("---\ntitle: [\n---\n".utf8), Array("---\n: :\n---\n".utf8),
            Array("---\ntitle: &a x\nsummary: *a\n---\n".utf8), Array("---\n\t- bad\n---\n".utf8),
            [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF] + Array("---\ntitle: B\n---\n".utf8),
            [0xFF, 0xFE, 0x41, 0x80, 0x0A],
        ]
        for data in inputs {
            let src = SourceFile(path: "x.md", data: data)
            Self.checkInvariants(MarkdownReader.read(src), src)
            Self.checkInvariants(PlainTextReader.read(src), src)
        }
    }

    @Test func deepNesting() {
        let lists = (0..<3000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: 20000) + " deep quote\n"
        let compact = String(repeating: "- ", count: 5000) + "x\n"
        let emphasis = String(repeating: "*", count: 10000) + "x" + String(repeating: "*", count: 10000)
        let links = String(repeating: "[", count: 5000) + "x" + String(repeating: "](y)", count: 5000)
        let images = String(repeating: "![", count: 3000) + "x" + String(repeating: "](y)", count: 3000)
        let yamlDeep = "---\nt: " + String(repeating: "[", count: 50000) + "\n---\nBody\n"
        let yamlIndent = "---\n" + (0..<400).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n---\nBody\n"
        for text in [lists, quotes, compact, emphasis, links, images, yamlDeep, yamlIndent] {
            let src = Self.source(text)
            let r = MarkdownReader.read(src)
            Self.checkInvariants(r, src)
            Self.checkInvariants(PlainTextReader.read(src), src)
        }
        let r = MarkdownReader.read(Self.source(quotes))
        #expect(Self.visible(r) == "deep quote")
        #expect(r.blocks.first?.inQuote == true)
    }

    @Test func hugeLineIsLinear() {
        // (cmark-gfm 0.29 itself is quadratic on one paragraph mixing many emphasis runs and
        // links, so those are kept apart here.)
        var text = ""
        for i in 0..<30000 { text += "word\(i) `code` [link](u) &amp; \\* " }
        for i in 0..<30000 { text += "*em\(i)* " }
        let src = Self.source(text)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let r = MarkdownReader.read(src)
            #expect(r.blocks.count == 1)
            #expect(r.checkable.count == src.bytes.count)
        }
        #expect(elapsed < .seconds(10))
        let plain = Self.source(String(repeating: "x", count: 2_000_000))
        #expect(PlainTextReader.read(plain).blocks.count == 1)
    }

    @Test func pseudoRandomInputsNeverCrash() {
        // A fixed xorshift generator over an alphabet of Markdown-significant bytes.
        let alphabet = Array("ab é*_`~[]()<>!#|\\&;:-=+.1\n\n\r\t\"'{}$@/%\0".utf8) + [0xE2, 0x80, 0x94]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        for round in 0..<300 {
            var data: [UInt8] = round % 3 == 0 ? Array("---\ntitle: x\n---\n".utf8) : []
            let length = Int(next() % 400)
            for _ in 0..<length { data.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            let src = SourceFile(path: "r.md", data: data)
            Self.checkInvariants(MarkdownReader.read(src), src)
            Self.checkInvariants(PlainTextReader.read(src), src)
        }
    }

    @Test func concurrentReads() async {
        let src = Self.source(Self.frontMatterText + "\n\n| a | b |\n|---|---|\n| c | ~~d~~ |\n\n- [ ] task &amp; more\n")
        let expected = Self.visible(MarkdownReader.read(src))
        await withTaskGroup(of: String.self) { group in
            // Enough parses side by side that one ending while another reads inline text is
            // all but certain (cmark-gfm once shared its table of special characters).
            for _ in 0..<200 {
                group.addTask { Self.visible(MarkdownReader.read(src)) }
            }
            for await v in group { #expect(v == expected) }
        }
    }
}
