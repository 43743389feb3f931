import Foundation
import Testing
import RedlineCore
@testable import RedlineKit

/// Judging a few files against a repository through links (`--changed-since`): the same verdict
/// for them as judging every file, while passing over files they are not linked to.
@Suite struct PartialJudgementTests {
    /// Twelve small articles: names spelled two ways across files, a footer in four files, a
    /// "Harbour notes:" line with different endings in three, and files with nothing in common.
    static let articles: [String: String] = {
        var files: [String: String] = [:]
        let bodies = [
            "President Viktor Yanukovych met envoys in the capital.\n\nThe talks ran late.\n",
            "Viktor Yanukovych flew home on Sunday.\n\nEdited by the Northern Desk team\n",
            "Former leader Viktor Yanukovich gave an interview.\n\nEdited by the Northern Desk team\n",
            "Shells struck Kharkiv overnight, officials said.\n\nEdited by the Northern Desk team\n",
            "The mayor of Kharkov asked for calm.\n\nHarbour notes: the mayor and the crane\n",
            "Kharkiv stayed quiet on Tuesday.\n\nHarbour notes: ferry times\n",
            "Kharkiv reopened its metro.\n\nHarbour notes: tides and weather\n",
            "A bakery in Lyon won a prize for its bread.\n",
            "The river rose by two metres after the storm.\n\nEdited by the Northern Desk team\n",
            "Volodymyr Zelenskyy spoke to parliament.\n",
            "Later Volodymyr Zelenskiy left for Brussels.\n",
            "Volodymyr Zelenskyy thanked the allies.\n",
        ]
        for (i, body) in bodies.enumerated() { files[String(format: "news/%02d.md", i)] = body }
        return files
    }()

    static func facts() -> [FileFacts] {
        let linter = TestSupport.linter
        return articles.keys.sorted().map { path in
            linter.collectFacts(InputFile(displayPath: path, fileSystemPath: nil), bytes: Array(articles[path]!.utf8))
        }
    }

    @Test func everyFileGetsTheVerdictOfAWholeJudgement() throws {
        let linter = TestSupport.linter
        let all = Self.facts()
        let whole = linter.judge(all)
        #expect(whole["news/02.md"]?.contains { $0.ruleID == "names.repo-inconsistent" } == true, "\(whole.keys.sorted())")
        #expect(whole["news/01.md"]?.contains { $0.ruleID == "metadata.repeated-boilerplate" } == true)
        #expect(whole["news/04.md"]?.contains { $0.ruleID == "metadata.repeated-boilerplate" } == true)
        let unlinked = try #require(linter.unlinkedFacts)
        let fresh = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })
        let pairs = all.indices.map { [$0] } + [[0, 2], [3, 4], [9, 10, 11]]
        for reported in pairs {
            let paths = Set(reported.map { all[$0].path })
            let partial = PartialJudgement(linter: linter, unlinked: unlinked, reported: paths, jobs: 2,
                                           cachedFacts: { _ in nil }, cachedLinks: { _ in nil })
                .judge(fresh: fresh, cached: [], external: [])
            let expected = whole.filter { paths.contains($0.key) }
            #expect(partial.mapValues(Self.lines) == expected.mapValues(Self.lines), "reported \(paths.sorted())")
        }
    }

    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.ruleID) \($0.start.line):\($0.start.column) \($0.match) \($0.message) \($0.fix?.replacement ?? "-")" }
    }

    @Test func filesWithNothingInCommonAreNotNeeded() {
        let linter = TestSupport.linter
        let all = Self.facts()
        let links = all.map(linter.links(of:))
        // The Zelenskiy article needs the other Zelenskyy articles' names, not the bakery's or Kharkiv's.
        let masks = LinkReach.needed(reported: [links[10]], others: links.map { CacheBytes($0.encoded) },
                                     ruleCount: linter.runRuleIDs.count)
        let names = UInt64(1) << UInt64(linter.runRuleIDs.firstIndex(of: "names.repo-inconsistent")!)
        #expect(masks[9] & names != 0 && masks[11] & names != 0)
        #expect(masks[3] & names == 0 && masks[7] == 0)
    }

    @Test func linksFollowItemsThroughOtherFilesAndMarkUnknownFilesNeeded() {
        func links(_ items: [[UInt64]]) -> FactLinks { FactLinks(rules: [FactLinks.Items(items)]) }
        // 1 reaches X (whose second item, [8, 10], is reached only later through Z), Y, Z and V; W shares nothing.
        let others: [CacheBytes?] = [links([[1], [8, 10]]), links([[1, 7]]), links([[7, 8]]), links([[10]]), links([[42]]), nil]
            .map { $0.map { CacheBytes($0.encoded) } }
        let masks = LinkReach.needed(reported: [links([[1]])], others: others, ruleCount: 1)
        #expect(masks == [1, 1, 1, 1, 0, 1])
        // A rule without links needs every file.
        #expect(LinkReach.needed(reported: [FactLinks(rules: [nil])], others: others, ruleCount: 1) == [1, 1, 1, 1, 1, 1])
        // Damaged links count as unknown.
        #expect(LinkReach.needed(reported: [links([[1]])], others: [CacheBytes([1, 2, 3])], ruleCount: 1) == [1])
    }

    @Test func linksRoundTripThroughTheCompactForm() {
        let links = FactLinks(rules: [FactLinks.Items([[1, 2], [], [UInt64.max]]), nil, FactLinks.Items([])])
        let bytes = links.encoded
        #expect(FactLinks(encoded: bytes[...]) == links)
        #expect(FactLinks(encoded: bytes.dropLast()) == nil)
        #expect(FactLinks(encoded: (bytes + [0])[...]) == nil)
        #expect(FactLinks(encoded: [][...]) == nil)
    }
}
