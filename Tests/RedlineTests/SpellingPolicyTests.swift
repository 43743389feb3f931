import Foundation
import RedlineCore
@testable import RedlineKit
import Testing

/// The spelling policy end to end: names are not typos, typos in names are, layers of words.
@Suite struct SpellingPolicyTests {
    private func findings(_ text: String, path: String = "story.md") -> [Diagnostic] {
        TestSupport.linter.check(text: text, path: path).filter { $0.category == .spelling }
    }

    @Test func correctlySpelledNamesAreQuiet() {
        let text = """
            Mayor Vitali Klitschko said the Holosiivskyi district was hit. Ukrzaliznytsia, the state
            railway, reported damage near Pokrovsk. Tymur Tkachenko and Ushakov spoke in Dnipro;
            President Volodymyr Zelenskyy thanked them.
            """
        let reported = findings(text).filter { $0.ruleID != "spelling.unknown-name" }
        #expect(reported.isEmpty, "names reported: \(reported.map(\.match))")
    }

    @Test func misspelledNamesAreWarningsWithTheNameFirst() throws {
        let text = "President Zelenskyy arrived. Zelenskyy spoke. Later Zelenksyy left, and Antonio Guterrez wrote."
        let names = findings(text).filter { $0.ruleID == "spelling.misspelled-name" }
        #expect(names.map(\.match) == ["Zelenksyy", "Guterrez"])
        #expect(names.map { $0.suggestions.first } == ["Zelenskyy", "Guterres"])
        #expect(names.allSatisfy { $0.severity == .warning })
    }

    @Test func transliterationsAreNotMisspellings() {
        let text = "Zelenskyy spoke on Friday. Zelenskiy had said so before."
        #expect(findings(text).filter { $0.ruleID == "spelling.misspelled-name" }.isEmpty)
    }

    @Test func sentenceInitialTyposAreCaughtButNamesAreNot() {
        let found = findings("Teh mayor spoke. Ushakov replied.")
        #expect(found.filter { $0.ruleID == "spelling.misspelled" }.map(\.match) == ["Teh"])
        #expect(found.first?.suggestions.first == "The")
    }

    @Test func sicAndInlineAcceptedWords() {
        #expect(findings("He wrote “goverment” [sic] on the sign.").isEmpty)
        let md = "<!-- redline-accept blorptastic -->\n\nThe blorptastic went on.\n"
        #expect(findings(md).isEmpty)
        let fm = "---\ntitle: A test\nredline_accept: [blorptastic]\n---\n\nThe blorptastic went on.\n"
        #expect(findings(fm).isEmpty)
        #expect(findings("The blorptastic went on.").map(\.match) == ["blorptastic"])
    }

    @Test func coinagesAndShortTokensAreNotReported() {
        #expect(findings("The drugmaker delisted its shares; 16-year-olds use wi-fi and e-mail.").isEmpty)
        #expect(findings("The goverment said so.").map(\.match) == ["goverment"])
    }

    @Test func defaultAcceptsBothDialectsButStrictLanguagesDoNot() throws {
        #expect(try TestSupport.run(["check", "--stdin-filename", "a.txt", "-"], stdin: "The colour of the centre.\n").0 == 0)
        let (code, out, _) = try TestSupport.run(["check", "--lang", "en_US", "--stdin-filename", "a.txt", "-"], stdin: "The colour of the centre.\n")
        #expect(code == 1)
        #expect(out.contains("“colour” is not in the dictionary"))
        let (gbCode, _, _) = try TestSupport.run(["check", "--lang", "en_GB", "--stdin-filename", "a.txt", "-"], stdin: "The colour of the centre.\n")
        #expect(gbCode == 0)
    }

    @Test func mixedDialectsAreReported() {
        let found = TestSupport.linter.check(text: "The centre and the theatre have a new color scheme.", path: "a.txt")
            .filter { $0.ruleID == "style.mixed-dialect" }
        #expect(found.map(\.match) == ["color"])
        #expect(found.first?.suggestions == ["colour"])
    }

    @Test func wordsAddKeepsTheListSortedAndUnique() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redline-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = RepositoryWords.defaultLocation(from: dir.path)
        #expect(path == dir.appendingPathComponent(".redline/words.txt").path)
        #expect(try RepositoryWords.add(["Zorblat", "Quixit"], to: path) == ["Quixit", "Zorblat"])
        #expect(try RepositoryWords.add(["Quixit", "Aardwolfski"], to: path) == ["Aardwolfski"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("Aardwolfski\nQuixit\nZorblat\n"))
        #expect(RepositoryWords.locate(from: dir.path) == path)

        // The repository's list is a layer: a word in it is accepted in a check run from there.
        let story = dir.appendingPathComponent("story.txt").path
        try "Mr Zorblat and the blorptastic.\n".write(toFile: story, atomically: true, encoding: .utf8)
        let (_, out, _) = try TestSupport.run(["check", "--format", "json", story], workingDirectory: dir.path)
        #expect(!out.contains("\"match\": \"Zorblat\""))
        #expect(out.contains("\"match\": \"blorptastic\""))
    }

    @Test func suggestCommandPrintsJSON() throws {
        let (code, out, _) = try TestSupport.run(["suggest", "--format", "json", "goverment", "house"])
        #expect(code == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["correct"] as? Bool == false)
        #expect((items[0]["suggestions"] as? [String])?.first == "government")
        #expect(items[1]["correct"] as? Bool == true)
    }
}
