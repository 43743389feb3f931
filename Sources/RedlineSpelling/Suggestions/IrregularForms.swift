import Foundation

/// Over-regularised English forms and the irregular forms meant by them: `teached` → `taught`,
/// `childs` → `children`, `gooder` → `better`. Read from a table of irregular verbs, nouns and
/// adjectives (`irregular/<language>.tsv` beside the dictionaries); the regular-looking forms are
/// made here by the ordinary spelling rules (teach → teached, rise → rised, quit → quitted).
struct IrregularForms: Sendable {
    /// The irregular forms meant, by over-regularised form (lowercase).
    private(set) var corrections: [String: [String]] = [:]

    init() {}

    /// Parses the table; lines are `verb|noun|adjective<TAB>base<TAB>forms…`, `#` lines are comments.
    init(table: String) {
        for line in table.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map { String($0).trimmingCharacters(in: .whitespaces).lowercased() }
            guard fields.count >= 3 else { continue }
            let base = fields[1]
            let columns = fields.dropFirst(2).map { $0.split(separator: "/").map(String.init) }
            switch fields[0] {
            case "verb": add(Self.pastTense(of: base), meaning: columns.flatMap { $0 })
            case "noun": add(Self.plural(of: base), meaning: columns.flatMap { $0 })
            case "adjective" where columns.count == 2:
                add(Self.suffixed(base, "er"), meaning: columns[0])
                add(Self.suffixed(base, "est"), meaning: columns[1])
            default: continue
            }
        }
    }

    /// Loads the table at `path`; nil when it cannot be read.
    static func load(path: String) -> IrregularForms? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return IrregularForms(table: text)
    }

    /// The table beside a dictionary: `irregular/<language>.tsv` in the dictionary's folder.
    static func locate(besides dictionary: DictionaryFiles) -> String? {
        DataFileLocator.locate(folder: "irregular", besides: dictionary)
    }

    /// The irregular forms `word` (lowercase) stands for, if it is an over-regularised form.
    func meant(by word: String) -> [String] { corrections[word] ?? [] }

    private mutating func add(_ wrongs: [String], meaning forms: [String]) {
        for wrong in wrongs where !forms.contains(wrong) {
            for form in forms where !(corrections[wrong]?.contains(form) ?? false) { corrections[wrong, default: []].append(form) }
        }
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// `teach` → teached; `rise` → rised; `quit` → quitted, quited; `fly` → flyed, flied.
    static func pastTense(of base: String) -> [String] { suffixed(base, "ed") }

    /// `child` → childs; `fungus` → funguses, fungus; `knife` → knifes; `tooth` → tooths.
    static func plural(of base: String) -> [String] {
        var forms = [base + "s"]
        if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("ch") || base.hasSuffix("sh") { forms = [base + "es"] }
        return forms
    }

    /// The base with a suffix that begins with a vowel, by the regular rules: a final `e` is
    /// dropped, a final consonant after one vowel is (also) doubled, a final `y` after a
    /// consonant becomes `i` (also kept).
    static func suffixed(_ base: String, _ suffix: String) -> [String] {
        let letters = Array(base)
        guard let last = letters.last else { return [] }
        if last == "e" { return [base + suffix.dropFirst()] }
        var forms = [base + suffix]
        if last == "y", letters.count >= 2, !vowels.contains(letters[letters.count - 2]) {
            forms.append(String(letters.dropLast()) + "i" + suffix)
        }
        // One vowel before the final consonant (the u of qu is not a vowel: quit → quitted).
        let n = letters.count
        let singleVowel = n >= 2 && vowels.contains(letters[n - 2])
            && (n < 3 || !vowels.contains(letters[n - 3]) || (n >= 4 && letters[n - 3] == "u" && letters[n - 4] == "q"))
        if singleVowel, !vowels.contains(last), last != "w", last != "x", last != "y" {
            forms.append(base + String(last) + suffix)
        }
        return forms
    }
}
