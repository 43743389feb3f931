import RedlineCore

/// A person's age as stated: "Smith, 45,", "Jane Smith (45)", "47-year-old Smith",
/// "Smith, the 47-year-old …", or "the 47-year-old" standing for someone named just before.
public struct AgeMention: Sendable, Hashable {
    /// The person's surname, lower case.
    public var person: String
    /// The given name when stated with the surname ("john" of "John Smith"), lower case.
    public var given: String?
    public var age: Int
    /// Tokens of the age: first, and just past the last.
    public var start: Int
    public var end: Int
    /// Named with the age ("Smith, 45"); false when "the 47-year-old" stands for the last person named.
    public var explicit: Bool

    /// Whether two mentions can be the same person: one surname, and no two different given names.
    public func samePerson(_ other: AgeMention) -> Bool {
        person == other.person && (given == nil || other.given == nil || given == other.given)
    }
}

/// Finds ages and whom they belong to.
public enum AgeScanner {
    static let notNames: Set<String> = [
        "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "the", "a", "in", "on", "at", "by", "and", "but", "however",
        "meanwhile", "also", "yesterday", "today", "last", "next", "this", "that", "it", "he", "she", "they", "we", "i",
        "after", "before", "since", "so", "yet", "still", "now", "then", "for", "of", "with", "from", "to", "as",
    ]

    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "sir", "lord", "lady"]

    /// A name ending at token `i`: its surname, lower case, and the first token of the name.
    static func name(endingAt i: Int, _ text: NumberText) -> (surname: String, given: String?, start: Int)? {
        guard text.isWord(i), text.tokens[i].flags.contains(.capitalized), !text.has(i, .notName),
              DatePhrases.month(text, i) == nil, DatePhrases.weekday(text, i) == nil,
              !text.lower[i].hasSuffix("'s") else { return nil }
        var s = i
        while s > 0 && text.isWord(s - 1) && text.tokens[s - 1].flags.contains(.capitalized) && text.sameSentence(s - 1, i)
                && !text.has(s - 1, .notName) { s -= 1 }
        let given = s < i && !titles.contains(text.lower[i - 1]) ? text.lower[i - 1] : nil
        return (text.lower[i], given, s)
    }

    /// "45-year-old", "six-year-old", "45 year old", "45 years old": the age and the token after the phrase.
    static func yearOld(_ text: NumberText, at i: Int) -> (age: Int, end: Int)? {
        if text.isNumber(i), let d = NumberParser.digits(text.lower[i]), d.suffix.isEmpty, d.decimals == 0, !d.grouped {
            // "45-year-old"
            if text.isPunctuation(i + 1, "-"), text.adjacent(i, i + 1), text[i + 2] == "year-old" || text[i + 2] == "years-old" {
                return (Int(d.value), i + 3)
            }
            if text[i + 1] == "year-old" { return (Int(d.value), i + 2) }
            if (text[i + 1] == "year" || text[i + 1] == "years") && text[i + 2] == "old" { return (Int(d.value), i + 3) }
            return nil
        }
        if text.has(i, .yearOld) {
            let w = text[i]
            let prefix = String(w.dropLast("-year-old".count))
            if let v = NumberParser.wordValue(prefix) { return (Int(v), i + 1) }
        }
        return nil
    }

    /// An age after a name: "Smith, 45," / "Smith, 45." / "Smith (45)" / "Smith, aged 45".
    static func apposition(_ text: NumberText, after nameEnd: Int) -> (age: Int, start: Int, end: Int)? {
        var k = nameEnd + 1
        let bracket = text.isPunctuation(k, "(")
        guard bracket || text.isPunctuation(k, ",") else { return nil }
        k += 1
        if !bracket && text[k] == "aged" { k += 1 }
        guard text.isNumber(k), text.sameSentence(nameEnd, k), let d = NumberParser.digits(text.lower[k]), d.suffix.isEmpty,
              d.decimals == 0, !d.grouped, d.value >= 1, d.value <= 110 else { return nil }
        let after = k + 1
        if bracket { return text.isPunctuation(after, ")") ? (Int(d.value), k, after) : nil }
        guard text.isPunctuation(after, ",") || text.isPunctuation(after, ".") || text.isPunctuation(after, ";")
                || (text[after] == "and" && !text.isNumber(after + 1)) else { return nil }
        // Not a list of numbers ("Arsenal, 45, 43").
        if text.isNumber(after + 1) { return nil }
        return (Int(d.value), k, after)
    }

    public static func ages(_ text: NumberText) -> [AgeMention] {
        var out: [AgeMention] = []
        /// Surname → token of its last occurrence.
        var lastSeen: [String: Int] = [:]
        /// Surname → the age stated with it.
        var known: [String: Int] = [:]
        var i = 0
        while i < text.count {
            // A bare or attached "NN-year-old" (a number, or a word such as "six-year-old").
            if text.isNumber(i) || text.has(i, .yearOld), let yo = yearOld(text, at: i) {
                let previous = i > 0 ? text[i - 1] : ""
                // "47-year-old Smith", "47-year-old striker John Smith"
                var k = yo.end
                var steps = 0
                while steps < 2 && text.isWord(k) && !text.tokens[k].flags.contains(.capitalized) && !text.has(k, .stop) {
                    k += 1
                    steps += 1
                }
                var person: (surname: String, given: String?, start: Int)? = nil
                if text.isWord(k), text.tokens[k].flags.contains(.capitalized), text.sameSentence(i, k) {
                    var e = k
                    while text.isWord(e + 1) && text.tokens[e + 1].flags.contains(.capitalized) && text.sameSentence(k, e + 1) { e += 1 }
                    person = name(endingAt: e, text)
                }
                // "Smith, the 47-year-old …"
                if person == nil, previous == "the" || previous == "a", text.isPunctuation(i - 2, ",") {
                    person = name(endingAt: i - 3, text)
                }
                if let person {
                    out.append(AgeMention(person: person.surname, given: person.given, age: yo.age, start: i, end: yo.end, explicit: true))
                    known[person.surname] = yo.age
                    lastSeen[person.surname] = i
                } else if previous == "the", standsForSubject(text, the: i - 1),
                          let p = referent(text, age: yo.age, before: i - 1, lastSeen: lastSeen, known: known) {
                    out.append(AgeMention(person: p, given: nil, age: yo.age, start: i, end: yo.end, explicit: false))
                }
                i = yo.end
                continue
            }
            if text.isWord(i) && text.tokens[i].flags.contains(.capitalized) {
                if text.isPunctuation(i + 1, ",") || text.isPunctuation(i + 1, "("), let a = apposition(text, after: i), let n = name(endingAt: i, text) {
                    // A lone word at the sentence start is a name only with its age ("Smith, 45, said").
                    out.append(AgeMention(person: n.surname, given: n.given, age: a.age, start: a.start, end: a.end, explicit: true))
                    known[n.surname] = a.age
                    lastSeen[n.surname] = i
                    i = a.end
                    continue
                }
                if !known.isEmpty && known[text.lower[i]] != nil { lastSeen[text.lower[i]] = i }
            }
            i += 1
        }
        return out
    }

    /// "The 47-year-old said …" opening a sentence or clause, or "…," said the 47-year-old: the way news
    /// refers back to someone. Elsewhere ("praised the 28-year-old volunteer") it is often someone new.
    static func standsForSubject(_ text: NumberText, the: Int) -> Bool {
        if text.tokens[the].flags.contains(.sentenceStart) || text.isPunctuation(the - 1, ",") { return true }
        return ["said", "says", "added", "explained", "admitted", "insisted"].contains(text[the - 1])
    }

    /// Whom "the 47-year-old" stands for: a person with a stated age named in this sentence or
    /// the one before — the one of that age when there is one, else the one named last.
    static func referent(_ text: NumberText, age: Int, before the: Int, lastSeen: [String: Int], known: [String: Int]) -> String? {
        let here = text.sentence[the]
        var last: (String, Int)? = nil
        for (p, stated) in known {
            guard let at = lastSeen[p], at < the, text.sentence[at] == here || text.sentence[at] == here - 1 else { continue }
            if stated == age { return p }
            if last == nil || at > last!.1 { last = (p, at) }
        }
        return last?.0
    }
}
