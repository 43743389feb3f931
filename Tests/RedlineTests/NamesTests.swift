import Foundation
import RedlineCore
import RedlineRules
import RedlineText
import Testing
@testable import RedlineKit

/// The names rules: one spelling per person and place, in an article (names.inconsistent), across
/// files (names.repo-inconsistent), and as the house style has it (names.variant); `redline names`.
@Suite struct NamesTests {
    static func linter(house: String? = nil, rulePaths: [String] = []) throws -> Linter {
        var options = LintOptions()
        if let house { options.values["house.names"] = house }
        options.rulePaths = rulePaths
        return try Linter(options: options, dataDirectory: TestSupport.root)
    }

    static let plain = try! linter()

    func names(_ text: String, linter: Linter = NamesTests.plain, path: String = "story.txt") -> [Diagnostic] {
        linter.check(text: text, path: path).filter { $0.ruleID.hasPrefix("names.") }
    }

    /// Writes files to a new temporary folder; returns it.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-names-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func run(_ linter: Linter, _ dir: URL) -> RunResult {
        let (inputs, _) = FileCollector().collect([dir.path])
        return linter.run(inputs)
    }

    // MARK: - The skeleton

    @Test func skeletonKeepsItsFoldsAndAddsTransliterationOnes() {
        let same: [[String]] = [
            ["Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyi"],
            ["Kharkiv", "Harkiv"],
            ["al-Qaeda", "Qaeda"],
            ["Kyiv’s", "Kyiv"],
            ["Yelena", "Elena"],
            ["Abramovich", "Abramovitch"],
            ["Mikhail", "Michail", "Mihail"],
            ["Aleksandr", "Alexandr"],
            ["Alekseyev", "Alexeev"],
            ["Kostas", "Costas"],
            ["Erdoğan", "Erdogan"],
            ["Odessa", "Odesa"],
        ]
        for group in same {
            let keys = Set(group.map(NameSkeleton.of))
            #expect(keys.count == 1, "\(group) should share a skeleton: \(keys)")
            #expect(Set(group.map { NameSkeleton.key($0) }).count == 1, "\(group): byte keys differ")
        }
        for (a, b) in [("Zelenskyy", "Zelenksyy"), ("Austria", "Australia"), ("Kyiv", "Kiev"), ("Chan", "Khan"), ("Marx", "Marks")] {
            #expect(NameSkeleton.of(a) != NameSkeleton.of(b), "\(a) and \(b) should differ")
        }
        #expect(NameSkeleton.key(Array("Zelenskyy".utf8)[...]) == NameSkeleton.key("Zelenskiy"))
    }

    @Test func skeletonRewritesChainAndSkipWhatIsAbsent() {
        // dzh → j, then j → y, then y → i: each rewrite sees the letters the earlier ones wrote.
        #expect(NameSkeleton.of("Dzhokhar") == "iohar")
        #expect(NameSkeleton.of("Jackson") == "iakson")
        #expect(NameSkeleton.of("Wojciech") == "voicieh")
        #expect(NameSkeleton.of("Alexeyev") == "aleksev")
        #expect(NameSkeleton.of("Schwarzenegger") == "shvarzeneger")
        #expect(NameSkeleton.of("Tchaikovsky") == "chaikovski")
        // Nothing to rewrite, or only part of a pattern ("ch" at the start, "x" at the end).
        #expect(NameSkeleton.of("Lima") == "lima")
        #expect(NameSkeleton.of("Chernov") == "chernov")
        #expect(NameSkeleton.of("Marx") == "marx")
        #expect(NameSkeleton.of("ibn-Saud") == "saud")
        #expect(NameSkeleton.key("Dzhokhar") == NameSkeleton.key("Jokhar"))
        // One scratch array for many names (as the names scan keys them) gives each its own key.
        var scratch: [UInt32] = []
        for name in ["Alexandr", "Lima", "al-Qaeda", "Zelenskyy", "Ørsted", "Ng"] {
            let bytes = Array(name.utf8)
            let shared = bytes.withUnsafeBufferPointer { NameSkeleton.key($0[...], scratch: &scratch) }
            #expect(shared == NameSkeleton.key(name), "\(name)")
        }
    }

    @Test func aNameLedByALowerCaseParticleIsStillAName() throws {
        let found = names("Fighters of al-Qaeda attacked the base. Later al-Qaida denied it, and al-Qaeda said more.\n")
        #expect(found.map(\.ruleID) == ["names.inconsistent"])
        let d = try #require(found.first)
        #expect(d.match == "al-Qaida")
        #expect(d.suggestions == ["al-Qaeda"])
    }

    // MARK: - In one article

    @Test func minorityFormIsFlaggedWithTheMajorityAsFix() throws {
        let text = "President Volodymyr Zelenskyy spoke in Kyiv. Later Zelenskiy met the mayor. Zelenskyy’s aides left.\n"
        let found = names(text)
        #expect(found.map(\.ruleID) == ["names.inconsistent"])
        let d = try #require(found.first)
        #expect(d.match == "Zelenskiy")
        #expect(d.fix?.replacement == "Zelenskyy")
        #expect(d.message.contains("“Zelenskyy” twice"))
        #expect(d.severity == .warning && d.category == .transliteration)
    }

    @Test func possessivesAreTheSameFormAndTheFixKeepsThem() throws {
        let text = "Shells hit Kharkiv at night. Kharkov’s mayor said Kharkiv would rebuild.\n"
        let found = names(text)
        let d = try #require(found.first)
        #expect(found.count == 1 && d.match == "Kharkov" && d.fix?.replacement == "Kharkiv")
        let fixed = String(decoding: FixApplier.apply(found, to: Array(text.utf8)), as: UTF8.self)
        #expect(fixed == "Shells hit Kharkiv at night. Kharkiv’s mayor said Kharkiv would rebuild.\n")
    }

    @Test func onATieTheLaterSpellingIsFlagged() {
        let found = names("Viktor Yanukovych lost. Supporters of Viktor Yanukovich marched.\n")
        #expect(found.map(\.match) == ["Yanukovich"])
        #expect(found.first?.fix?.replacement == "Yanukovych")
    }

    @Test func particlesAreKeptByTheFix() {
        let found = names("Fighters of al-Qaeda attacked. An al-Qaida cell and al-Qaeda leaders met.\n")
        #expect(found.map(\.match) == ["al-Qaida"])
        #expect(found.first?.fix?.replacement == "al-Qaeda")
    }

    @Test func noFalseAlarmsBetweenDifferentPeopleOrWords() {
        let quiet = [
            "Mohamed Salah scored twice as Crown Prince Mohammed bin Salman watched from the stand.",
            "Austria beat Australia in the final, and Australia's coach praised Austria.",
            "Steven Gerrard scored and Gerard Houllier praised Gerrard.",
            "Phillips, the electronics maker, hired Jon Philips.",
            "The Sun reported it. Soon the Sun editor resigned.",
            "Brian Smith and Bryan Adams sang. Brian left.",
            "Alicia Keys, Anastasia and Natasha Bedingfield sang.",
            "I'm told Lim Dong-won will attend.",
            "Kim Clijsters beat Kim Gevaert.",
        ]
        for text in quiet {
            #expect(names(text).isEmpty, "\(text): \(names(text).map(\.match))")
        }
    }

    @Test func misspellingsAreLeftToTheSpellingRules() {
        let found = Self.plain.check(text: "President Zelenskyy spoke. Later Zelenksyy met the mayor. Zelenskyy left.", path: "s.txt")
        #expect(found.filter { $0.ruleID.hasPrefix("names.") }.isEmpty)
        #expect(found.filter { $0.ruleID == "spelling.misspelled-name" }.map(\.match) == ["Zelenksyy"])
        // …and table variants are not misspellings.
        let variants = Self.plain.check(text: "Hezbollah fighters crossed. Later Hizbollah denied it; Hezbollah said so.", path: "s.txt")
        #expect(variants.filter { $0.ruleID == "spelling.misspelled-name" }.isEmpty)
        #expect(variants.filter { $0.ruleID == "names.inconsistent" }.map(\.match) == ["Hizbollah"])
    }

    @Test func shortNamesNeedMoreEvidence() {
        // Not in the table: a short name needs the same given name beside both spellings.
        #expect(names("Kuzo spoke first. Later Kuzzo arrived.").isEmpty)
        #expect(names("Mr Kuzo spoke first. Later Mr Kuzzo arrived.").isEmpty)
        #expect(names("Olek Kuzo spoke first. Later Olek Kuzzo arrived.").map(\.match) == ["Kuzzo"])
        // In the table (Kok, Kwok): close renderings, unless the names beside them differ.
        #expect(names("Mr Kok said the report was late. Mr Kwok said it would come.").map(\.match) == ["Kwok"])
        #expect(names("Wim Kok spoke first. Later Tony Kwok arrived.").isEmpty)
    }

    // MARK: - House style

    @Test func houseStyleFixesToThePreferredForm() throws {
        let text = "President Zelenskiy spoke in Kharkov. Zelensky and Zelenskyi met Hizbollah envoys.\n"
        for (house, form) in [("ap", "Zelenskyy"), ("reuters", "Zelenskiy"), ("bbc", "Zelensky")] {
            let found = names(text, linter: try Self.linter(house: house))
            let zelensky = found.filter { $0.match.hasPrefix("Zelensk") }
            #expect(found.allSatisfy { $0.ruleID == "names.variant" }, "\(house): \(found.map(\.ruleID))")
            #expect(zelensky.allSatisfy { $0.fix?.replacement == form }, "\(house)")
            #expect(zelensky.count == (house == "ap" ? 3 : 2), "\(house): \(zelensky.map(\.match))")
            #expect(found.contains { $0.match == "Kharkov" && $0.fix?.replacement == "Kharkiv" })
            #expect(found.contains { $0.match == "Hizbollah" && $0.fix?.replacement == "Hezbollah" })
        }
        #expect(names(text, linter: try Self.linter(house: "none")).allSatisfy { $0.ruleID == "names.inconsistent" })
    }

    @Test func houseTablesFromRuleFolders() throws {
        let rules = try Self.folder(["names/desk.tsv": "# our desk\nkind\tforms\tdesk\nperson\tKolomoisky|Kolomoyskyi\tKolomoyskyi\nplace\tOdesa|Odessa\tOdessa\n"])
        defer { try? FileManager.default.removeItem(at: rules) }
        let linter = try Self.linter(house: "desk", rulePaths: [rules.path])
        let found = names("Ihor Kolomoisky owned the bank. Odesa was quiet.", linter: linter)
        #expect(found.map(\.match) == ["Kolomoisky", "Odesa"])
        #expect(found.map { $0.fix?.replacement } == ["Kolomoyskyi", "Odessa"])
        // A bad table names its file and line.
        let bad = try Self.folder(["names/bad.tsv": "kind\tforms\tdesk\nperson\tA|B\tA\textra\n"])
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(throws: RuleError.self) { _ = try Self.linter(rulePaths: [bad.path]) }
    }

    // MARK: - Across files

    @Test func repositoryMinorityIsReportedInItsOwnFileWithRelatedLocations() throws {
        let dir = try Self.folder([
            "a.txt": "President Volodymyr Zelenskyy spoke.\n",
            "b.txt": "Volodymyr Zelenskyy met envoys in Kyiv.\n",
            "c.txt": "Later, Volodymyr Zelenskiy flew to Brussels.\nZelenskiy spoke again.\n",
            "d.txt": "Volodymyr Zelenskyy and Volodymyr Zelenskiy.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = Self.run(Self.plain, dir)
        let repo = result.diagnostics.filter { $0.ruleID == "names.repo-inconsistent" }
        #expect(repo.map(\.path).allSatisfy { $0.hasSuffix("c.txt") }, "\(repo.map(\.path))")
        #expect(repo.map(\.match) == ["Zelenskiy", "Zelenskiy"])
        #expect(repo.map(\.start.line) == [1, 2])
        let first = try #require(repo.first)
        #expect(first.message.contains("“Zelenskyy” in 3 files, “Zelenskiy” in 2 files"), "\(first.message)")
        #expect(first.suggestions == ["Zelenskyy"])
        #expect(first.fix == nil)
        #expect(!first.related.isEmpty && first.related.allSatisfy { !$0.path.hasSuffix("c.txt") })
        #expect(first.sourceLine == "Later, Volodymyr Zelenskiy flew to Brussels.")
        // The file that mixes both is left to names.inconsistent.
        #expect(result.diagnostics.contains { $0.ruleID == "names.inconsistent" && $0.path.hasSuffix("d.txt") })
    }

    @Test func eachFileAloneIsQuietAndDifferentPeopleAcrossFilesToo() throws {
        let dir = try Self.folder([
            "a.txt": "Andrei Kirilenko scored.\n",
            "b.txt": "Andrey Arshavin scored.\n",
            "c.txt": "Matthew Tait played. Austria won.\n",
            "d.txt": "Mathew Tait played. Australia won.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.run(Self.plain, dir).diagnostics.filter { $0.ruleID.hasPrefix("names.") }.isEmpty)
    }

    @Test func disableCommentsSilenceTheCrossFileRule() throws {
        let dir = try Self.folder([
            "a.md": "Drones struck Kyiv.\n",
            "b.md": "Kyiv was quiet.\n",
            "c.md": "<!-- redline-disable-next-line names.repo-inconsistent -->\nThe mayor of Kiev spoke.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.run(Self.plain, dir).diagnostics.filter { $0.ruleID == "names.repo-inconsistent" }.isEmpty)
    }

    @Test func factsAreCodable() throws {
        let rule = try RepoInconsistentNameRule(environment: RuleEnvironment(dataDirectory: TestSupport.root))
        let doc = DocumentBuilder.build(SourceFile(path: "a.txt", text: "Volodymyr Zelenskyy spoke in Kyiv.\n"), format: .plainText)
        let facts = rule.collect(doc, options: CheckOptions())
        let data = try JSONEncoder().encode(facts)
        let back = try JSONDecoder().decode(RepoInconsistentNameRule.Facts.self, from: data)
        #expect(back.forms.map(\.text) == facts.forms.map(\.text))
        #expect(data.count < 2_000)
    }

    // MARK: - redline names

    @Test func namesCommandListsClustersAndWritesATable() throws {
        let dir = try Self.folder([
            "a.txt": "Viktor Yanukovych lost the vote in Kyiv.\n",
            "b.txt": "Viktor Yanukovych spoke.\n",
            "c.txt": "Supporters of Viktor Yanukovich marched in Kiev.\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (code, out, err) = try TestSupport.run(["names", dir.path])
        #expect(code == 0, "\(err)")
        #expect(out.contains("Yanukovych / Yanukovich  (3 files)"), "\(out)")
        #expect(out.contains("Kyiv / Kiev  (2 files)"), "\(out)")
        #expect(out.contains("house styles: ap Yanukovych, bbc Yanukovych, reuters Yanukovich"))

        let (jsonCode, json, _) = try TestSupport.run(["names", "--format", "json", dir.path])
        #expect(jsonCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let clusters = try #require(object["names"] as? [[String: Any]])
        #expect(clusters.compactMap { $0["chosen"] as? String }.sorted() == ["Kyiv", "Yanukovych"])

        let table = dir.appendingPathComponent("rules/names/house.tsv")
        try FileManager.default.createDirectory(at: table.deletingLastPathComponent(), withIntermediateDirectories: true)
        let (writeCode, _, writeErr) = try TestSupport.run(["names", "--write", table.path, "--style", "desk", dir.path])
        #expect(writeCode == 0, "\(writeErr)")
        let written = try String(contentsOf: table, encoding: .utf8)
        #expect(written.contains("kind\tforms\tdesk\n"))
        #expect(written.contains("person\tYanukovych|Yanukovich\tYanukovych\n"), "\(written)")
        // The written table sets up a house style in one step.
        let linter = try Self.linter(house: "desk", rulePaths: [table.deletingLastPathComponent().deletingLastPathComponent().path])
        #expect(names("Viktor Yanukovich resigned.", linter: linter).map { $0.fix?.replacement } == ["Yanukovych"])
    }
}
