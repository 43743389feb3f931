import Foundation
import RedlineCore
import RedlineText

/// The names tables: groups of spellings of one name, with the preferred spelling per house
/// style. Read from `Rules/names/*.tsv` and from every `*.tsv` names table in the configured
/// rule folders (`rule_paths`), in that order.
///
/// A table is tab-separated, `#` starts a comment line, and its first other line names the
/// columns: `kind` and `forms` (required), `source` (ignored), and one column per house style
/// (`ap`, `reuters`, `bbc`, or any name a newsroom picks) holding the preferred form, or `-`
/// for none. `forms` lists the spellings separated by `|`. A group of a later table that shares
/// a spelling of the same kind with an earlier group is merged into it, its preferences winning.
///
/// Kinds: `person`, `place`, `org`, `word` name one thing; `given` and `surname` are names many
/// people share, so their spellings are matched only with more evidence (see `NameEvidence`).
public final class NamesTable: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, place, org, word, given, surname

        /// Names of one thing (one person, one place): a table match is strong evidence.
        public var isSpecific: Bool { self != .given && self != .surname }
    }

    public struct Group: Sendable {
        public var kind: Kind
        /// Spellings as written in the table, the first being the usual one.
        public var forms: [String]
        /// House style → preferred spelling.
        public var preferred: [String: String]
        /// The table file and line the group comes from (the first, when merged).
        public var origin: String
    }

    public let groups: [Group]
    /// Form key (`NameText.formKey` of a spelling) → groups that list it.
    private let byForm: [UInt64: [Int32]]
    /// Skeleton → groups of specific kinds with a spelling of at least six letters of that
    /// skeleton, so that unlisted renderings ("Zelenskyi") are still recognised.
    private let bySkeleton: [UInt64: [Int32]]
    /// The house styles any table names.
    public let styles: Set<String>

    public static let builtinFolder = "Rules/names"

    /// Reads the built-in tables under `dataDirectory` and the names tables in `rulePaths`.
    public convenience init(dataDirectory: String, rulePaths: [String]) throws {
        var files = Self.tableFiles(in: dataDirectory + "/" + Self.builtinFolder, recursive: false)
        for path in rulePaths { files += Self.tableFiles(in: path, recursive: true).filter(Self.isNamesTable) }
        var tables: [(String, String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RuleError("\(file): cannot read the names table")
            }
            tables.append((file, String(decoding: data, as: UTF8.self)))
        }
        try self.init(tables: tables)
    }

    /// Builds the table from the text of table files, in order (path, text).
    public init(tables: [(path: String, text: String)]) throws {
        var groups: [Group] = []
        var index: [String: Int] = [:] // "kind|lower-case form" → group
        var styles = Set<String>()
        for (path, text) in tables {
            // Groups are merged with those of earlier tables only: within one table each line
            // is its own group (two lines may share a spelling: "Ray" is a form of two names).
            var added: [(String, Int)] = []
            defer { for (k, v) in added where index[k] == nil { index[k] = v } }
            var columns: [String]? = nil
            for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.trimmed)
                guard let header = columns else {
                    guard cells.contains("kind"), cells.contains("forms") else {
                        throw RuleError("\(path):\(n + 1): a names table starts with a header line naming its columns (kind, forms, and house styles such as ap)")
                    }
                    columns = cells
                    for c in cells where !["kind", "forms", "source"].contains(c) && !c.isEmpty { styles.insert(c) }
                    continue
                }
                guard cells.count <= header.count else {
                    throw RuleError("\(path):\(n + 1): \(cells.count) columns, the header names \(header.count)")
                }
                var kind: Kind? = nil
                var forms: [String] = []
                var preferred: [String: String] = [:]
                for (c, cell) in cells.enumerated() {
                    switch header[c] {
                    case "kind":
                        guard let k = Kind(rawValue: cell) else {
                            throw RuleError("\(path):\(n + 1): unknown kind '\(cell)' (one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
                        }
                        kind = k
                    case "forms":
                        forms = cell.split(separator: "|").map(Self.trimmed).filter { !$0.isEmpty }
                    case "source", "":
                        break
                    default:
                        if !cell.isEmpty && cell != "-" { preferred[header[c]] = cell }
                    }
                }
                guard let kind else { throw RuleError("\(path):\(n + 1): no kind") }
                for p in preferred.values where !forms.contains(p) { forms.append(p) }
                var seen = Set<String>()
                forms = forms.filter { seen.insert($0.lowercased()).inserted }
                guard forms.count >= 2 || !preferred.isEmpty else { continue }
                let origin = "\(path):\(n + 1)"
                // Merge into an earlier group of the same kind that shares a spelling.
                if let existing = forms.lazy.compactMap({ index["\(kind.rawValue)|\($0.lowercased())"] }).first {
                    var g = groups[existing]
                    for f in forms where !g.forms.contains(where: { $0.lowercased() == f.lowercased() }) { g.forms.append(f) }
                    for (style, form) in preferred { g.preferred[style] = form }
                    groups[existing] = g
                } else {
                    for f in forms { added.append(("\(kind.rawValue)|\(f.lowercased())", groups.count)) }
                    groups.append(Group(kind: kind, forms: forms, preferred: preferred, origin: origin))
                }
            }
        }
        var byForm: [UInt64: [Int32]] = [:]
        var bySkeleton: [UInt64: [Int32]] = [:]
        for (i, g) in groups.enumerated() {
            for f in g.forms {
                let key = NameText.formKey(f)
                if byForm[key]?.contains(Int32(i)) != true { byForm[key, default: []].append(Int32(i)) }
                if g.kind.isSpecific && NameText.letterCount(f) >= 6 {
                    let s = NameSkeleton.key(NameText.core(f))
                    if bySkeleton[s]?.contains(Int32(i)) != true { bySkeleton[s, default: []].append(Int32(i)) }
                }
            }
        }
        self.groups = groups
        self.byForm = byForm
        self.bySkeleton = bySkeleton
        self.styles = styles
    }

    /// Groups listing a spelling with this form key.
    @inline(__always)
    public func groups(forKey key: UInt64) -> [Int32] { byForm[key] ?? [] }

    /// Groups listing the spelling, or (for names of one thing) another rendering of it.
    public func groups(forKey key: UInt64, skeleton: UInt64) -> [Int32] {
        if let exact = byForm[key] { return exact }
        return bySkeleton[skeleton] ?? []
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// Whether one group lists both spellings ("Hezbollah", "Hizbollah's").
    public func listsTogether(_ a: String, _ b: String) -> Bool {
        let ga = groups(forKey: NameText.formKey(a))
        guard !ga.isEmpty else { return false }
        return groups(forKey: NameText.formKey(b)).contains { ga.contains($0) }
    }

    /// The text without surrounding spaces (cheap when there are none, as in generated tables).
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        guard let first = s.first, let last = s.last, first == " " || last == " " || first == "\t" || last == "\t" else { return String(s) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Files

    static func tableFiles(in folder: String, recursive: Bool) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDir), !isDir.boolValue {
            return folder.hasSuffix(".tsv") ? [folder] : []
        }
        var found: [String] = []
        if recursive {
            guard let walker = fm.enumerator(atPath: folder) else { return [] }
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".tsv") { found.append(folder + "/" + relative) }
            }
        } else {
            found = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tsv") }.map { folder + "/" + $0 }
        }
        return found.sorted()
    }

    /// Whether a `.tsv` in a rule folder is a names table (its header has `kind` and `forms`).
    static func isNamesTable(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 16_384), as: UTF8.self)
        for line in head.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return cells.contains("kind") && cells.contains("forms")
        }
        return false
    }

    /// The table a run uses, built once and shared by the names rules. Rule folders come from
    /// the environment's `rules.paths` option (one path per line).
    static func shared(_ environment: RuleEnvironment) throws -> NamesTable {
        try environment.shared(NamesTable.self) {
            let paths = (environment.options[Self.rulePathsOption] ?? "").split(separator: "\n").map(String.init)
            return try NamesTable(dataDirectory: environment.dataDirectory, rulePaths: paths)
        }
    }

    /// The environment option that carries the configured rule folders, one per line.
    public static let rulePathsOption = "rules.paths"
}
