import Foundation
import RedlineCore
import Testing
@testable import RedlineKit
@testable import RedlineRules

/// The stray-metadata rules (`metadata.*`): the seeds, what is and is not metadata, fixes, and
/// the cross-file boilerplate rule.
@Suite struct MetadataTests {
    private func metadata(_ text: String, path: String = "story.txt") -> [Diagnostic] {
        TestSupport.linter.check(text: text, path: path).filter { $0.category == .metadata }
    }

    private func fixed(_ text: String, path: String = "story.txt") -> String {
        String(decoding: FixApplier.apply(metadata(text, path: path), to: Array(text.utf8)), as: UTF8.self)
    }

    // MARK: - The seeds

    @Test func seedsAreFlaggedExactlyWhereExpected() throws {
        guard let shared = TestSupport.shared else { return }
        let seeds = shared + "/seeds/"
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).sorted()
        let zero = try #require(names.first { $0.hasPrefix("000_") })
        let one = try #require(names.first { $0.hasPrefix("001_") })

        let text0 = try String(contentsOfFile: seeds + zero, encoding: .utf8)
        let found0 = metadata(text0, path: zero)
        #expect(found0.count == 1, "seed 000: \(found0.map { "\($0.start.line): \($0.match)" })")
        let d0 = try #require(found0.first)
        #expect(d0.start.line == 1 && d0.match == "date 2025-07-04" && d0.ruleID == "metadata.stray-line")
        // The fix deletes the date (and the blank before it), not the paragraph it is glued to.
        let fix0 = try #require(d0.fix)
        #expect(fix0.start == SourceLocation(line: 1, column: 1) && fix0.replacement.isEmpty)
        #expect(text0.hasPrefix(" date 2025-07-04 "))
        #expect(fixed(text0, path: zero) == String(text0.dropFirst(" date 2025-07-04 ".count)))

        let text1 = try String(contentsOfFile: seeds + one, encoding: .utf8)
        let found1 = metadata(text1, path: one)
        #expect(found1.count == 1, "seed 001: \(found1.map { "\($0.start.line): \($0.match)" })")
        let d1 = try #require(found1.first)
        #expect(d1.start.line == 35 && d1.match.hasPrefix("You might also be interested in"))
        let fix1 = try #require(d1.fix)
        let source1 = SourceFile(path: one, text: text1)
        // The line goes with the blank line before it: the article ends with its last paragraph.
        #expect(fix1.span == Span(source1.fullLineSpan(33).start, source1.fullLineSpan(34).end) && fix1.replacement.isEmpty)
    }

    // MARK: - Tidy deletions

    /// One `redline fix` deletes every stray line that stands alone, each with the blank lines
    /// on one side of it: the article starts and ends with its text, and its paragraphs stay one
    /// blank line apart. Two such lines side by side in the middle (their fixes overlap) both go.
    @Test func deletedLinesTakeTheBlankLinesBesideThem() {
        let text = "date 2025-07-04\n\nThe bridge reopened on Friday after eight months of repairs.\n\n"
            + "Read more: How the bridge was rebuilt\n\nThe council said the work cost £2m, more than planned.\n\n"
            + "You might also be interested in - Ministers meet to discuss the budget\n\nAdvertisement\n"
        #expect(metadata(text).count == 4, "\(metadata(text).map(\.match))")
        let once = fixed(text)
        #expect(once == "The bridge reopened on Friday after eight months of repairs.\n\n"
            + "The council said the work cost £2m, more than planned.\n")
        #expect(fixed(once) == once)
        // Side by side in the middle: both are deleted in one pass.
        let middle = "The bridge reopened on Friday after eight months of repairs and a long dispute.\n\n"
            + "Read more: How the bridge was rebuilt\n\nAdvertisement\n\n"
            + "The council said the work cost £2m, more than planned, and will review it.\n"
        let fixedMiddle = fixed(middle)
        #expect(!fixedMiddle.contains("Read more") && !fixedMiddle.contains("Advertisement"), "\(fixedMiddle)")
        #expect(fixedMiddle.hasPrefix("The bridge") && fixedMiddle.hasSuffix("review it.\n"))
        // A stray line inside a paragraph goes alone.
        #expect(fixed("The bridge reopened on Friday.\nAdvertisement\nThe council said the work cost £2m.\n")
            == "The bridge reopened on Friday.\nThe council said the work cost £2m.\n")
    }

    // MARK: - Stray lines at the edges

    @Test func leadingAndTrailingMetadataLines() {
        let text = """
        Published: 4 July 2025 10:42 BST
        By Jane Doe | Staff Reporter

        Bridge reopens after eight months

        The bridge reopened to traffic on Friday after repairs that took eight months.

        The council said the work cost £2m.

        Filed under: Transport, Local news
        Tags: bridge, council, roads
        bridge-reopens-after-repairs-2025
        1,234 words
        """
        let found = metadata(text)
        #expect(found.map(\.start.line) == [1, 2, 10, 11, 12, 13], "\(found.map(\.match))")
        #expect(found.allSatisfy { $0.fix != nil })
        #expect(fixed(text) == """

        Bridge reopens after eight months

        The bridge reopened to traffic on Friday after repairs that took eight months.

        The council said the work cost £2m.


        """)
    }

    @Test func bareShapesOnlyAtTheEdges() {
        // A bare date with its year is metadata at the top, not in the middle of a long article.
        var paragraphs = (1...8).map { "Paragraph \($0) of the story says what happened on the day, officials said." }
        paragraphs.insert("4 July 2025", at: 4)
        #expect(metadata(paragraphs.joined(separator: "\n\n")).isEmpty)
        #expect(metadata("4 July 2025\n\n" + paragraphs.joined(separator: "\n\n")).map(\.start.line) == [1])
    }

    @Test func datelinesHeadingsAndProseAreNotMetadata() {
        let texts = [
            "KYIV, July 4 (Reuters) - Russia launched a drone attack on the capital overnight, officials said.",
            "LONDON (AP) — The bridge reopened on Friday.",
            "By late afternoon, the fire had spread to three neighbouring streets.",
            "By Christmas Eve, the shops were empty.",
            "The station pulled a radio advertisement after complaints from listeners.",
            "Officials updated the draft on Friday after objections from two regions.",
            "\"Click here, and you'll see the problem,\" she told the inquiry.",
            "Related costs rose by 4% in the year to March, the report said.",
            "Image rights are a growing business for footballers.",
            "A Long Night of Attacks on the Capital",
            "Saturday, 26 February",
            "Follow the money, investigators say, and the network unravels.",
            "Sign up numbers have doubled since January, the club said.",
            "Reuters reported the deal on Tuesday, citing two people familiar with the talks.",
            "Source of the leak remains unknown, police said.",
        ]
        for text in texts {
            #expect(metadata(text + "\n\nThe council will meet again on Monday.").isEmpty, "\(text)")
            #expect(metadata("The council will meet again on Monday.\n\n" + text).isEmpty, "\(text)")
        }
    }

    @Test func markdownHeadingsAreLegitimateOpenings() {
        let text = "# Updated figures show the river is falling\n\nThe river fell 40cm overnight, the agency said.\n"
        #expect(metadata(text, path: "story.md").isEmpty)
    }

    // MARK: - Promos, residue, placeholders

    @Test func promosAnywhere() {
        let lines = [
            "Read more: How the bridge was rebuilt", "Related: Council approves budget", "ADVERTISEMENT",
            "Share this article", "Sign up for our daily newsletter", "Click here to subscribe",
            "Follow us on Instagram", "Image caption Crews worked through the night", "Image copyright Getty Images",
            "Print this article", "Comments (12)", "Jane Doe/AFP via Getty Images", "(AP Photo/John Roe)",
            "Story continues below advertisement", "More on this story", "Most read",
        ]
        for line in lines {
            let text = "The bridge reopened on Friday.\n\n\(line)\n\nThe council said the work cost £2m.\n"
            let found = metadata(text)
            #expect(found.map(\.ruleID) == ["metadata.promo"], "\(line): \(found.map(\.message))")
            #expect(fixed(text) == "The bridge reopened on Friday.\n\nThe council said the work cost £2m.\n", "\(line)")
        }
    }

    @Test func htmlEntitiesAndEscapesInPlainTextOnly() {
        let text = "The M5&nbsp;bridge reopened,<br>said AT&amp;T. Costs rose \\*sharply\\*.\n"
        let found = metadata(text)
        #expect(found.map(\.match) == ["&nbsp;", "<br>", "&amp;", "\\*", "\\*"])
        #expect(fixed(text) == "The M5 bridge reopened, said AT&T. Costs rose *sharply*.\n")
        // In Markdown the same bytes are HTML and escapes, which the format allows.
        #expect(metadata(text, path: "story.md").isEmpty)
        // A numeric reference to a letter encodes a character; it is not CMS residue.
        #expect(metadata("He met her at a caf&#233; in Paris.\n").isEmpty)
        #expect(metadata("<p>The bridge reopened.</p>\n").map(\.match) == ["<p>", "</p>"])
    }

    @Test func wholeLinesOfResidueAreDeleted() {
        for line in ["[IMAGE]", "{{ ad_slot }}", "[embed]https://video.example.org/clip/42[/embed]", "<br />", "[caption id=\"attachment_1\" align=\"alignnone\"]"] {
            let text = "The bridge reopened on Friday.\n\(line)\nThe council said the work cost £2m.\n"
            let found = metadata(text)
            #expect(found.count == 1 && found.first?.start.line == 2 && found.first?.fix != nil, "\(line): \(found.map(\.match))")
            #expect(fixed(text) == "The bridge reopened on Friday.\nThe council said the work cost £2m.\n", "\(line)")
        }
    }

    @Test func placeholders() {
        let flagged = [
            ("The fire chief said TK people were hurt.", "TK"),
            ("The appeal raised £xxm last year.", "£xxm"),
            ("The mayor, [INSERT NAME], opened the bridge.", "[INSERT NAME]"),
            ("The repair bill was [TBD].", "[TBD]"),
            ("About 300 ?? check people were moved.", "?? check"),
            ("TKTK", "TKTK"),
            ("NOTE TO EDITORS: embargoed until Monday", "NOTE TO EDITORS: embargoed until Monday"),
            ("[ED NOTE: confirm the figure]", "[ED NOTE: confirm the figure]"),
        ]
        for (text, match) in flagged {
            #expect(metadata(text).map(\.match) == [match], "\(text)")
        }
        for text in ["TK Maxx reported higher sales.", "It was Super Bowl XXX.", "Doctors insert a tube.",
                     "A proposal to set up a .xxx domain was rejected.", "Lorem, the singer, toured in May."] {
            #expect(metadata(text).isEmpty, "\(text)")
        }
        // Front matter titles are checked too, without a fix (deleting a front-matter line breaks it).
        let fm = metadata("---\ntitle: TK headline on the bridge\n---\n\nThe bridge reopened.\n", path: "story.md")
        #expect(fm.map(\.match) == ["TK"] && fm.first?.fix == nil)
    }

    @Test func repeatedParagraph() {
        let p = "Rescue crews worked through the night after the river burst its banks."
        let text = "\(p)\n\nThe mayor thanked volunteers.\n\n\(p)\n\nThe clean-up will take weeks.\n"
        let found = metadata(text)
        #expect(found.map(\.start.line) == [5] && found.first?.related.first?.start.line == 1)
        #expect(fixed(text) == "\(p)\n\nThe mayor thanked volunteers.\n\n\nThe clean-up will take weeks.\n")
    }

    // MARK: - Across a run

    private func runFiles(_ texts: [String], values: [String: String] = [:]) throws -> [Diagnostic] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-meta-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var inputs: [InputFile] = []
        for (i, text) in texts.enumerated() {
            let path = dir + "/story\(i).txt"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(InputFile(displayPath: "story\(i).txt", fileSystemPath: path))
        }
        let linter: Linter
        if values.isEmpty {
            linter = TestSupport.linter
        } else {
            var options = LintOptions()
            options.values = values
            linter = try Linter(options: options, dataDirectory: TestSupport.root)
        }
        return linter.run(inputs).diagnostics.filter { $0.ruleID == "metadata.repeated-boilerplate" }
    }

    private static let stories = [
        "Bridge reopens\n\nThe bridge reopened on Friday after repairs.",
        "Council budget\n\nThe council approved its budget on Tuesday.",
        "Flood warning\n\nThe river is expected to rise again tonight.",
        "School closes\n\nThe village school will close in July, parents were told.",
        "Market day\n\nTraders returned to the square for the first time in a year.",
    ]

    @Test func footerRepeatedAcrossFilesIsFlagged() throws {
        let footer = "Example Gazette Digital Edition 2024 | Syndication Desk"
        var texts = Self.stories.map { $0 + "\n\n" + footer + "\n" }
        texts[2] = Self.stories[2] + "\n\nExample Gazette Digital Edition 2025 | Syndication Desk\n"  // nearly the same
        texts.append("Late entry\n\nA story without the footer.\n")
        let found = try runFiles(texts)
        #expect(found.map(\.path).sorted() == (0..<5).map { "story\($0).txt" }, "\(found.map(\.path))")
        #expect(found.allSatisfy { $0.start.line == 5 && $0.fix != nil })
        // An outlet's real footer is kept by the allow-list.
        let allowed = try runFiles(texts, values: ["metadata.allow": "Example Gazette Digital Edition*"])
        #expect(allowed.isEmpty)
    }

    @Test func differentEndingsAndKnownLinesAreNotBoilerplate() throws {
        // Every file ends differently: nothing repeats.
        #expect(try runFiles(Self.stories).isEmpty)
        // A promo repeated in every file is the promo rule's finding, not a second one.
        #expect(try runFiles(Self.stories.map { $0 + "\n\nAdvertisement\n" }).isEmpty)
        // Fewer than three files never make boilerplate.
        #expect(try runFiles(Array(Self.stories.prefix(2)).map { $0 + "\n\nSyndication Desk Footer Line\n" }).isEmpty)
    }

    @Test func disableCommentSilencesTheRunRule() throws {
        let footer = "<!-- redline-disable-next-line metadata -->\nSyndication Desk Footer Line\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-meta-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var inputs: [InputFile] = []
        for (i, story) in Self.stories.enumerated() {
            let path = dir + "/story\(i).md"
            try (story + "\n\n" + (i < 3 ? footer : "Syndication Desk Footer Line\n")).write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(InputFile(displayPath: "story\(i).md", fileSystemPath: path))
        }
        let found = TestSupport.linter.run(inputs).diagnostics.filter { $0.ruleID == "metadata.repeated-boilerplate" }
        #expect(found.map(\.path).sorted() == ["story3.md", "story4.md"])
    }

    @Test func keysIgnoreCaseNumbersAndPunctuation() {
        #expect(RepeatedBoilerplateRule.keys("© 2024 Example News. All rights reserved.").0
            == RepeatedBoilerplateRule.keys("© 2025 Example news, all rights reserved").0)
        #expect(RepeatedBoilerplateRule.keys("Read more: A story").1 == "head:read more")
        #expect(RepeatedBoilerplateRule.normalize("3,803 fans") == "# fans")
    }

    /// The trigger scan of a metadata table finds exactly the patterns a plain reading does:
    /// every literal tried at every position, case ignored, a literal that starts with a letter
    /// or digit only at the start of a word. Checked on the bundled tables, over crafted lines
    /// and random ones (fixed seed) made of the literals' own pieces.
    @Test func triggerScanMatchesAPlainReading() throws {
        let tables = try MetadataTables(dataDirectory: TestSupport.root)
        func plain(_ table: MetadataPatternTable, _ bytes: [UInt8], _ range: Range<Int>, _ scopes: Set<MetadataScope>) -> [Int] {
            table.patterns.indices.filter { p in
                let pattern = table.patterns[p]
                guard !pattern.scopes.isDisjoint(with: scopes) else { return false }
                if pattern.triggers.isEmpty { return true }
                return pattern.triggers.contains { literal in
                    guard let first = literal.first else { return false }
                    return range.contains { k in
                        guard k + literal.count <= range.upperBound else { return false }
                        if MetadataPatternTable.isWordByte(first) && k > range.lowerBound
                            && MetadataPatternTable.isWordByte(bytes[k - 1]) { return false }
                        return literal.indices.allSatisfy { MetadataPatternTable.lower(bytes[k + $0]) == literal[$0] }
                    }
                }
            }
        }
        let crafted = ["TK", "xTK tk", "Note to editors", "see [embed]x[/embed]", "{{ tag }}", "a<b", "Lorem ipsum",
                       "£xm", "CHECK this", "recheck", "", "?", "x", "AP", "© Reuters", "é tk", "TK é", "‘TK’"]
        var random = SplitMix64(seed: 42)
        let pieces = [" ", "t", "k", "x", "T", "K", "X", "[", "]", "{", "<", "&", "?", "é", "note", "check", "lorem", "£", "a", "-"]
        let lines = crafted + (0..<400).map { _ in (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        let all: Set<MetadataScope> = [.line, .edge, .prefix, .inline, .inlineText]
        for table in [tables.strayLines, tables.promos, tables.cmsResidue, tables.placeholders] {
            for line in lines {
                let bytes = Array(("..." + line + "...").utf8)
                // The line alone inside a longer text: neighbouring bytes must not count.
                let range = 3..<(bytes.count - 3)
                for scopes in [all, [.line], [.inline, .inlineText], [.prefix]] as [Set<MetadataScope>] {
                    #expect(table.candidates(bytes, range, scopes: scopes) == plain(table, bytes, range, scopes), "\(line) \(scopes)")
                }
            }
        }
    }
}
