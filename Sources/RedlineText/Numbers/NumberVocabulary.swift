import Foundation
import RedlineCore

/// How a word before a number widens it: "at least 23", "about 500", "up to 40".
public enum Qualifier: String, Sendable, Hashable {
    case exact
    case atLeast = "at-least"
    case moreThan = "more-than"
    case atMost = "at-most"
    case fewerThan = "fewer-than"
    case about
    case nearly

    /// The values "`self` N" allows, given the values N itself allows.
    public func apply(to n: NumberInterval) -> NumberInterval {
        switch self {
        case .exact: return n
        case .atLeast: return NumberInterval(n.lower, .infinity)
        case .moreThan: return NumberInterval(n.lower + Self.above(n.lower), .infinity)
        case .atMost: return NumberInterval(0, n.upper)
        case .fewerThan: return NumberInterval(0, Self.below(n.upper))
        case .about: return NumberInterval(n.lower - Self.slack(n.lower), n.upper + Self.slack(n.upper))
        case .nearly: return NumberInterval(n.lower - Self.slack(n.lower), n.upper)
        }
    }

    /// How far "about N" reaches: 15% of N, at least 1.
    static func slack(_ v: Double) -> Double { max(1, 0.15 * abs(v)) }
    /// Just above N: "more than 500" excludes 500 itself.
    static func above(_ v: Double) -> Double { v.rounded() == v ? 1 : 0.0001 }
    static func below(_ v: Double) -> Double { v.rounded() == v ? v - 1 : v - 0.0001 }
}

/// A unit of measure from `Rules/numbers/units.tsv`.
public struct MeasureUnit: Sendable, Hashable {
    public var name: String
    public var dimension: String
    /// Size in the dimension's base unit; two values where the unit has two common sizes.
    public var size: NumberInterval
}

/// Where a subset marker stands relative to a number (`Rules/numbers/subset-markers.tsv`).
public enum SubsetPosition: String, Sendable { case before, after, clause }

/// The vocabulary the number rules read from `Rules/numbers/`: events, counted things,
/// qualifiers, change and subset markers, units. Newsrooms extend these files.
public struct NumberVocabulary: Sendable {
    public var events = PhraseTable<String>()
    public var things = PhraseTable<String>()
    public var qualifiers = PhraseTable<Qualifier>()
    public var changeMarkers = PhraseTable<Bool>()
    public var subsetBefore = PhraseTable<Bool>()
    public var subsetAfter = PhraseTable<Bool>()
    public var subsetClause = PhraseTable<Bool>()
    public var units = PhraseTable<MeasureUnit>()
    /// Nouns a share of which cannot pass 100% (`share-wholes.txt`).
    public var shareWholes: Set<String> = []
    /// Every word of the number lexicon or that starts or ends a phrase of the tables: its
    /// classes and the tables' bits.
    public private(set) var wordIndex = WordClass.packed

    public init() {}

    /// Reads every table from `<dataDirectory>/Rules/numbers/`.
    public static func load(dataDirectory: String) throws -> NumberVocabulary {
        let dir = dataDirectory + "/Rules/numbers/"
        var v = NumberVocabulary()
        try readLines(dir + "events.tsv", columns: 2) { cols, _ in
            for phrase in cols[1].split(separator: ",") { v.events.add(phrase.trimmingCharacters(in: .whitespaces), cols[0]) }
        }
        try readLines(dir + "things.tsv", columns: 2) { cols, _ in
            for phrase in cols[1].split(separator: ",") { v.things.add(phrase.trimmingCharacters(in: .whitespaces), cols[0]) }
        }
        try readLines(dir + "qualifiers.tsv", columns: 2) { cols, where_ in
            guard let q = Qualifier(rawValue: cols[1]) else { throw RuleError("\(where_): unknown qualifier kind '\(cols[1])'") }
            v.qualifiers.add(cols[0], q)
        }
        try readLines(dir + "change-markers.txt", columns: 1) { cols, _ in v.changeMarkers.add(cols[0], true) }
        try readLines(dir + "subset-markers.tsv", columns: 2) { cols, where_ in
            switch SubsetPosition(rawValue: cols[0]) {
            case .before?: v.subsetBefore.add(cols[1], true)
            case .after?: v.subsetAfter.add(cols[1], true)
            case .clause?: v.subsetClause.add(cols[1], true)
            case nil: throw RuleError("\(where_): expected before, after or clause, not '\(cols[0])'")
            }
        }
        try readLines(dir + "share-wholes.txt", columns: 1) { cols, _ in v.shareWholes.insert(cols[0]) }
        try readLines(dir + "units.tsv", columns: 3) { cols, where_ in
            let sizes = cols[2].split(separator: "-").compactMap { Double($0) }
            guard sizes.count == 1 || sizes.count == 2, sizes.allSatisfy({ $0 > 0 }) else {
                throw RuleError("\(where_): '\(cols[2])' is not a size (a number, or low-high)")
            }
            v.units.add(cols[0], MeasureUnit(name: cols[0], dimension: cols[1],
                                             size: NumberInterval(sizes[0], sizes.count == 2 ? sizes[1] : sizes[0])))
        }
        v.indexPhrases()
        return v
    }

    /// Gives each table a bit and indexes the first and last words of its phrases, so that a
    /// document's tokens are matched against the tables by one packed lookup each.
    private mutating func indexPhrases() {
        var words = WordClass.lexicon.mapValues { WordInfo(classes: $0, bits: PhraseBits(first: 0, last: 0)) }
        let empty = WordInfo(classes: [], bits: PhraseBits(first: 0, last: 0))
        func index<V>(_ table: inout PhraseTable<V>, _ n: Int) {
            table.bit = 1 << UInt32(n)
            for w in table.firstWords { words[w, default: empty].bits.first |= table.bit }
            for w in table.lastWords { words[w, default: empty].bits.last |= table.bit }
            // A word too long to pack could never be found by its bit: look such a table up always.
            if table.firstWords.contains(where: { $0.utf8.count > 16 }) || table.lastWords.contains(where: { $0.utf8.count > 16 }) {
                table.bit = 0
            }
        }
        index(&events, 0)
        index(&things, 1)
        index(&qualifiers, 2)
        index(&changeMarkers, 3)
        index(&subsetBefore, 4)
        index(&subsetAfter, 5)
        index(&subsetClause, 6)
        index(&units, 7)
        wordIndex = PackedWordTable(words)
    }

    /// Calls `body` with the tab-separated columns of each line that is not blank or a `#` comment.
    private static func readLines(_ path: String, columns: Int, _ body: ([String], String) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError("\(path): cannot read the number vocabulary")
        }
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard cols.count == columns, !cols.contains(where: \.isEmpty) else {
                throw RuleError("\(path):\(n + 1): expected \(columns) tab-separated column\(columns == 1 ? "" : "s")")
            }
            try body(cols, "\(path):\(n + 1)")
        }
    }
}
