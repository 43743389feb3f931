import Foundation
import RedlineCore
import RedlineSpelling
import RedlineText

/// What is known of one spelling of a name, in one article or across a repository.
struct FormProfile {
    /// As first written, without a possessive ending.
    var text: String
    var key: UInt64
    var skeleton: UInt64
    var letters: Int
    var count: Int
    var midSentence: Int
    /// Skeletons of the name words seen just before (given names) and after (surnames).
    var prev: Set<UInt64> = []
    var next: Set<UInt64> = []
    /// Titles seen before it ("President", "Mr").
    var titles: Set<UInt64> = []
    /// Mentions with a name word before, and with one after.
    var withPrev = 0
    var withNext = 0
    /// Names-table groups that list it.
    var groups: [Int32] = []

    mutating func add(_ o: NameOccurrence) {
        if o.prev != 0 { prev.insert(o.prev); withPrev += 1 }
        if o.next != 0 { next.insert(o.next); withNext += 1 }
        if o.title != 0 { titles.insert(o.title) }
    }

    /// Used only as a given name (always followed by a surname, never preceded by a name).
    var isGivenNameOnly: Bool { withNext > 0 && withNext == count && withPrev == 0 }
    /// Used as a surname (after a given name) and never before another name.
    var isSurnameOnly: Bool { withPrev > 0 && withNext == 0 }
}

/// Decides whether two spellings are renderings of one name: the names rules' shared judgement.
///
/// Candidates are spellings with the same `NameSkeleton`, or listed in one names-table group.
/// Evidence against: the two are used with different given names or surnames ("Mohamed Salah",
/// "Mohammed bin Salman"), or one only as a given name and the other only as a surname (Gerard
/// Houllier, Steven Gerrard). Evidence for: a table group naming one thing; the same given name,
/// surname (or, for longer names, title) beside both; or, in one article, two long spellings no
/// base dictionary knows. Short names (under five letters) and ordinary words ("Sun", "Park")
/// need a table match or a shared neighbour; a word that is capitalised only at the start of a
/// sentence is not taken for a name at all. Across files, names many people share (given names,
/// common surnames) need a shared neighbour, as different people keep their own spellings.
final class NameEvidence: Sendable {
    enum Scope { case article, repository }

    let table: NamesTable
    /// The names scans of the last few documents, shared by every names rule of the environment.
    let scans: RecentDocuments<DocumentNames>
    private let speller: SpellChecker?
    /// Asked for once per spelling, the base dictionaries' names are looked up in the
    /// environment only the first time.
    private let baseNames: BaseNamesOnce

    init(environment: RuleEnvironment) throws {
        table = try NamesTable.shared(environment)
        scans = environment.shared(RecentDocuments<DocumentNames>.self) { RecentDocuments() }
        let speller = environment.service(SpellChecker.self)
        self.speller = speller
        let files = speller?.dictionaries ?? []
        baseNames = BaseNamesOnce { environment.shared(BaseDictionaryNames.self) { BaseDictionaryNames(dictionaries: files) } }
    }

    /// An ordinary word: its lower-case form is in the dictionaries ("Sun", "Park", "Laden").
    func isOrdinary(_ text: String) -> Bool {
        guard let speller else { return false }
        let core = NameText.core(text)
        let lower = core.lowercased()
        return lower != core && speller.isCorrect(lower)
    }

    /// A spelling the base (Hunspell) dictionaries list: an established English word or name.
    func isBaseName(_ profile: FormProfile) -> Bool {
        baseNames.value.contains(profile.key)
    }

    /// Whether a spelling (by form key) is in the base dictionaries.
    func isBaseWord(_ key: UInt64) -> Bool {
        baseNames.value.contains(key)
    }

    /// Whether a names-table group of one thing (a person, place, organisation) lists the form.
    func isListedSpecific(_ groups: [Int32]) -> Bool {
        groups.contains { table.groups[Int($0)].kind.isSpecific }
    }

    /// Whether `a` and `b` are spellings of one name, judged in `scope`.
    func linked(_ a: FormProfile, _ b: FormProfile, ordinaryA: Bool, ordinaryB: Bool, scope: Scope) -> Bool {
        guard a.key != b.key else { return false }
        // A capitalised ordinary word only at the start of sentences is not a name, unless a
        // name follows it ("Maria Poppins").
        if ordinaryA && a.midSentence == 0 && a.withNext == 0 || ordinaryB && b.midSentence == 0 && b.withNext == 0 { return false }
        var kind: NamesTable.Kind? = nil
        for g in a.groups where b.groups.contains(g) {
            let k = table.groups[Int(g)].kind
            if kind == nil || (k.isSpecific && !kind!.isSpecific) { kind = k }
        }
        let sameSkeleton = a.skeleton == b.skeleton
        guard kind != nil || sameSkeleton else { return false }

        let sharedName = !a.prev.isDisjoint(with: b.prev) || !a.next.isDisjoint(with: b.next)
        let differentGiven = !a.prev.isEmpty && !b.prev.isEmpty && a.prev.isDisjoint(with: b.prev)
        let differentSurname = !a.next.isEmpty && !b.next.isEmpty && a.next.isDisjoint(with: b.next)
        let differentRoles = (a.isGivenNameOnly && b.isSurnameOnly) || (a.isSurnameOnly && b.isGivenNameOnly)
        let conflict = differentGiven || differentSurname || differentRoles
        let short = min(a.letters, b.letters) < 5
        let ordinary = ordinaryA || ordinaryB

        if let kind, kind.isSpecific {
            // One person, place or organisation: the table is the evidence.
            if kind == .person && (differentGiven || differentRoles) { return false }
            return true
        }
        if conflict && !sharedName { return false }
        if scope == .repository {
            // Across files, names many people share are not compared (Andrei Kirilenko, Andrey
            // Arshavin), nor spellings English already has (Mathew, Matthew): only long spellings
            // of one skeleton that no dictionary knows, with the same name beside both
            // (Aishwarya Rai, Aishwariya Rai; not Henri Camara and a Kamara in a line-up).
            guard kind == nil, sharedName, !short, !ordinary, min(a.letters, b.letters) >= 6 else { return false }
            return !isBaseName(a) && !isBaseName(b)
        }
        let sharedTitle = !a.titles.isDisjoint(with: b.titles)
        if kind != nil {
            // A given name or surname many people share: the same neighbour or title ("Sir Paul",
            // "Sir Pavel"), or two close renderings (Mohammed, Muhammad; Kok, Kwok; not Natasha
            // for Anastasia), with no different neighbours (checked above).
            if sharedName || sharedTitle { return true }
            return sameSkeleton || Self.close(a.text, b.text)
        }
        // The same skeleton, no table.
        if sharedName { return min(a.letters, b.letters) >= 3 }
        if short || ordinary { return false }
        return sharedTitle || (!isBaseName(a) && !isBaseName(b))
    }

    /// Skeletons within a third of their length of each other (Mohammed, Muhammad; not Natasha, Anastasia).
    static func close(_ a: String, _ b: String) -> Bool {
        let x = NameSkeleton.of(NameText.core(a)), y = NameSkeleton.of(NameText.core(b))
        let limit = max(1, (min(x.count, y.count) + 1) / 3)
        return editDistance(x, y, limit: limit) <= limit
    }

    /// Groups spellings into clusters of one name (union of linked pairs); each cluster lists
    /// indexes into `profiles`, in order, and has at least two members.
    func clusters(_ profiles: [FormProfile], scope: Scope) -> [[Int]] {
        // Candidate pairs share a skeleton or a table group.
        var buckets: [UInt64: [Int]] = [:]
        for (i, p) in profiles.enumerated() {
            buckets[p.skeleton, default: []].append(i)
            for g in p.groups { buckets[UInt64(g) | (1 << 63), default: []].append(i) }
        }
        var parent = Array(profiles.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var ordinary: [Int: Bool] = [:]
        func isOrdinary(_ i: Int) -> Bool {
            if let o = ordinary[i] { return o }
            let o = self.isOrdinary(profiles[i].text)
            ordinary[i] = o
            return o
        }
        for (_, members) in buckets where members.count >= 2 {
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    let i = members[x], j = members[y]
                    if find(i) == find(j) { continue }
                    if linked(profiles[i], profiles[j], ordinaryA: isOrdinary(i), ordinaryB: isOrdinary(j), scope: scope) {
                        parent[find(i)] = find(j)
                    }
                }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for i in profiles.indices {
            byRoot[find(i), default: []].append(i)
        }
        return byRoot.values.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The house style's preferred spelling for a cluster, if a table group that lists one of
    /// its spellings has one.
    func preferred(_ cluster: [FormProfile], style: String?) -> String? {
        guard let style, style != "none" else { return nil }
        for p in cluster {
            for g in p.groups {
                if let form = table.groups[Int(g)].preferred[style] { return form }
            }
        }
        return nil
    }
}

/// The base dictionaries' names of one `NameEvidence`, made (or found in the environment) on
/// first use and kept.
private final class BaseNamesOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var names: BaseDictionaryNames?
    private let make: @Sendable () -> BaseDictionaryNames

    init(_ make: @escaping @Sendable () -> BaseDictionaryNames) {
        self.make = make
    }

    var value: BaseDictionaryNames {
        lock.lock()
        defer { lock.unlock() }
        if let names { return names }
        let made = make()
        names = made
        return made
    }
}

/// The entries of the base Hunspell dictionaries, by form key: the words and names English
/// already spells one way ("Phillips", "Bryan", "however"). Read from the `.dic` files on first use.
final class BaseDictionaryNames: Sendable {
    private let keys: Set<UInt64>

    init(dictionaries: [DictionaryFiles]) {
        var keys = Set<UInt64>(minimumCapacity: 200_000)
        for d in dictionaries {
            guard let data = FileManager.default.contents(atPath: d.dictionaryPath) else { continue }
            [UInt8](data).withUnsafeBufferPointer { bytes in
                var i = 0
                while i < bytes.count {
                    var e = i
                    while e < bytes.count && bytes[e] != 0x0A { e += 1 }
                    if e > i, NameText.isASCIILetter(bytes[i]) || bytes[i] >= 0x80 {
                        var w = i
                        while w < e && bytes[w] != 0x2F && bytes[w] != 0x09 && bytes[w] != 0x0D { w += 1 }
                        keys.insert(NameText.formKey(bytes[i..<w]))
                    }
                    i = e + 1
                }
            }
        }
        self.keys = keys
    }

    func contains(_ key: UInt64) -> Bool { keys.contains(key) }
}
