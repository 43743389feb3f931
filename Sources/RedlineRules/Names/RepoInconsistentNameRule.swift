import RedlineCore

/// `names.repo-inconsistent`: across the files of one run, a name spelled one way in some files
/// and another way in others ("Zelenskiy here; this repo writes “Zelenskyy” in 14 files,
/// “Zelenskiy” in 1"). Each mention of a spelling that fewer files use is reported in its own
/// file, with mentions of the majority spelling elsewhere as related locations. A file that mixes
/// spellings itself is left to `names.inconsistent`; a name with a house-style spelling is left
/// to `names.variant`.
///
/// Across files the evidence must be stronger than inside one article: different people keep
/// their own spellings (Andrei Kirilenko, Andrey Arshavin), so names many people share need the
/// same given name or surname beside both spellings (see `NameEvidence`).
public struct RepoInconsistentNameRule: RunRule {
    public static let info = RuleInfo(
        id: "names.repo-inconsistent",
        category: .transliteration,
        defaultSeverity: .warning,
        summary: "A name spelled one way in some files of a run and another way in others (Zelenskyy in "
            + "most, Zelenskiy in one). Each mention of the spelling fewer files use is reported, with the "
            + "counts, and where the majority spelling is used as related locations. `redline names` lists "
            + "every such name of a repository.",
        flags: [
            RuleExample("President Volodymyr Zelenskyy spoke in Kyiv.\n\(fileBreak)\nVolodymyr Zelenskyy met envoys.\n\(fileBreak)\nLater Volodymyr «Zelenskiy» left for Brussels."),
            RuleExample("Shells struck Kharkiv.\n\(fileBreak)\nThe mayor of «Kharkov» spoke.\n\(fileBreak)\nKharkiv was quiet."),
        ],
        passes: [
            RuleExample("President Volodymyr Zelenskyy spoke in Kyiv.\n\(fileBreak)\nVolodymyr Zelenskyy met envoys."),
            RuleExample("Andrei Kirilenko scored.\n\(fileBreak)\nAndrey Arshavin scored.\n\(fileBreak)\nAndrei Kirilenko rested."),
            RuleExample("Austria won.\n\(fileBreak)\nAustralia won."),
        ]
    )

    /// Separates the files of a multi-file example (see `RuleExampleTests`).
    public static let fileBreak = "=== next file ==="

    static let siteWidth = 7

    /// What the rule keeps of one document: each spelling of a name, its neighbours, and where
    /// it is mentioned (lines and columns, so the judgement needs no source).
    public struct Facts: Sendable, Codable {
        public var forms: [Form]
        /// The source lines mentions are on (for reports), referred to by `Form.sites`.
        public var lines: [String]

        public struct Form: Sendable, Codable {
            public var text: String
            public var key: UInt64
            public var skeleton: UInt64
            public var letters: Int32
            public var count: Int32
            public var midSentence: Int32
            public var withPrev: Int32
            public var withNext: Int32
            public var prev: [UInt64]
            public var next: [UInt64]
            public var titles: [UInt64]
            /// Per mention, `siteWidth` numbers: line, column, end line, end column, index into
            /// `lines` (-1 when a disable comment switches the mention off), start and end offset.
            public var sites: [Int32]
        }
    }

    private let evidence: NameEvidence

    public init(environment: RuleEnvironment) throws {
        evidence = try NameEvidence(environment: environment)
    }

    public func collect(_ document: Document, options: CheckOptions) -> Facts {
        let names = DocumentNames.of(document, evidence: evidence)
        let scan = names.scan
        guard !scan.forms.isEmpty else { return Facts(forms: [], lines: []) }
        // Only spellings that can be compared across files are kept: those a names-table group
        // of one person or place lists, and long ones no dictionary knows (see `NameEvidence`).
        var kept = [Int32](repeating: -1, count: scan.forms.count)
        var forms: [Facts.Form] = []
        for (i, f) in scan.forms.enumerated()
        where evidence.isListedSpecific(names.groups[i]) || (f.letters >= 6 && !evidence.isBaseWord(f.key)) {
            kept[i] = Int32(forms.count)
            forms.append(Facts.Form(text: scan.text(form: i, in: document), key: f.key, skeleton: f.skeleton, letters: Int32(f.letters),
                                    count: Int32(f.count), midSentence: Int32(f.midSentence), withPrev: 0, withNext: 0, prev: [],
                                    next: [], titles: [], sites: []))
        }
        guard !forms.isEmpty else { return Facts(forms: [], lines: []) }
        let suppression = Suppression(document)
        var resolver = LocationResolver(document.source)
        var lines: [String] = []
        var lineIndex: [Int: Int32] = [:]
        for o in scan.occurrences {
            let k = Int(kept[Int(o.form)])
            guard k >= 0 else { continue }
            let start = resolver.location(of: o.span.start), end = resolver.location(of: o.span.end)
            var line: Int32 = -1
            if !suppression.suppresses(ruleID: Self.info.id, category: Self.info.category, line: start.line - 1) {
                if let known = lineIndex[start.line] {
                    line = known
                } else {
                    line = Int32(lines.count)
                    lineIndex[start.line] = line
                    lines.append(document.text(document.source.lineContentSpan(start.line - 1)))
                }
            }
            // In place: a copy of the form would copy its arrays at each change.
            Self.add(o, site: [Int32(start.line), Int32(start.column), Int32(end.line), Int32(end.column), line,
                               Int32(o.span.start), Int32(o.span.end)], to: &forms[k])
        }
        return Facts(forms: forms, lines: lines)
    }

    /// Adds a mention to its form's facts: its neighbours (up to eight of each) and its site.
    private static func add(_ o: NameOccurrence, site: [Int32], to f: inout Facts.Form) {
        if o.prev != 0 {
            f.withPrev += 1
            if f.prev.count < 8 && !f.prev.contains(o.prev) { f.prev.append(o.prev) }
        }
        if o.next != 0 {
            f.withNext += 1
            if f.next.count < 8 && !f.next.contains(o.next) { f.next.append(o.next) }
        }
        if o.title != 0 && f.titles.count < 8 && !f.titles.contains(o.title) { f.titles.append(o.title) }
        f.sites += site
    }

    public func judge(_ facts: [(path: String, facts: Facts)], options: CheckOptions) -> [Diagnostic] {
        let style = options.values["house.names"]
        var diagnostics: [Diagnostic] = []
        for cluster in clusters(facts) where cluster.preferred(style: style) == nil && cluster.forms.count >= 2 {
            let winner = cluster.forms[0]
            let tally = cluster.forms.map { "“\($0.text)” in \($0.files.count) file\($0.files.count == 1 ? "" : "s")" }
                .joined(separator: ", ")
            // Where the majority spelling is used: its first mention in a few files.
            var related: [RelatedLocation] = []
            for use in winner.uses.prefix(3) {
                let s = facts[use.file].facts.forms[use.form].sites
                related.append(RelatedLocation(path: facts[use.file].path, start: SourceLocation(line: Int(s[0]), column: Int(s[1])),
                                               end: SourceLocation(line: Int(s[2]), column: Int(s[3])),
                                               message: "“\(winner.text)” here"))
            }
            for form in cluster.forms.dropFirst() {
                for use in form.uses where !cluster.mixedFiles.contains(use.file) {
                    let fact = facts[use.file].facts
                    let f = fact.forms[use.form]
                    var k = 0
                    while k + Self.siteWidth <= f.sites.count {
                        defer { k += Self.siteWidth }
                        let lineIndex = Int(f.sites[k + 4])
                        guard lineIndex >= 0 else { continue }
                        let line = fact.lines[lineIndex]
                        let start = SourceLocation(line: Int(f.sites[k]), column: Int(f.sites[k + 1]))
                        let end = SourceLocation(line: Int(f.sites[k + 2]), column: Int(f.sites[k + 3]))
                        let match = Self.slice(line, from: start.column, to: start.line == end.line ? end.column : nil)
                        let particleLength = match.count - NameText.core(match).count
                        let suggestion = String(match.prefix(max(0, particleLength))) + NameText.core(winner.text)
                        let finding = Finding(Self.info, span: Span(0, 0),
                                              message: "“\(match)” here; this repository writes \(tally)",
                                              suggestions: [suggestion], related: related)
                        var d = Diagnostic(finding: finding, in: SourceFile(path: facts[use.file].path, text: line))
                        d.start = start
                        d.end = end
                        d.match = match
                        d.sourceLine = line
                        d.span = Span(Int(f.sites[k + 5]), Int(f.sites[k + 6]))
                        diagnostics.append(d)
                    }
                }
            }
        }
        return diagnostics
    }

    /// Each spelling is compared with those sharing its skeleton or a names-table group (see
    /// `clusters`), so those are its links; its verdict depends only on the spellings so
    /// reached and on the files that use them.
    public func links(_ facts: Facts) -> [[UInt64]]? {
        facts.forms.map { f in
            [f.skeleton] + evidence.table.groups(forKey: f.key, skeleton: f.skeleton).map(Self.groupBucket)
        }
    }

    public var unlinkedFacts: Facts? { Facts(forms: [], lines: []) }

    /// The bucket of a names-table group, apart from skeletons.
    static func groupBucket(_ group: Int32) -> UInt64 { UInt64(UInt32(bitPattern: group)) | (1 << 63) }

    /// The characters of a line from a 1-based column to another (or the line's end).
    static func slice(_ line: String, from: Int, to: Int?) -> String {
        let scalars = Array(line.unicodeScalars)
        let s = min(max(0, from - 1), scalars.count)
        let e = min(max(s, (to ?? scalars.count + 1) - 1), scalars.count)
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[s..<e])
        return out
    }

    // MARK: - Clusters

    /// One name spelled more than one way across the files of a run.
    public struct Cluster: Sendable {
        public struct Form: Sendable {
            public var text: String
            /// Mentions in all files.
            public var count: Int
            /// (index into the facts, index of the form in that file's facts), one per file.
            public var uses: [(file: Int, form: Int)]
            public var files: [Int] { uses.map(\.file) }
        }
        /// Most files first (then most mentions): the first is the repository's choice.
        public var forms: [Form]
        /// Files that use more than one of the spellings.
        public var mixedFiles: Set<Int>
        /// House style → preferred spelling, from the names table.
        public var preferredByStyle: [String: String]
        /// What the names table says the name is (a person's, when it does not list it).
        public var kind: NamesTable.Kind

        public func preferred(style: String?) -> String? {
            guard let style, style != "none" else { return nil }
            return preferredByStyle[style]
        }
    }

    /// Every name of the run that is spelled more than one way, most files first.
    public func clusters(_ facts: [(path: String, facts: Facts)]) -> [Cluster] {
        // One profile per spelling, over all files.
        var index: [UInt64: Int] = [:]
        var profiles: [FormProfile] = []
        var uses: [[(file: Int, form: Int)]] = []
        for (file, item) in facts.enumerated() {
            for (k, f) in item.facts.forms.enumerated() {
                let i: Int
                if let known = index[f.key] {
                    i = known
                } else {
                    i = profiles.count
                    index[f.key] = i
                    profiles.append(FormProfile(text: f.text, key: f.key, skeleton: f.skeleton, letters: Int(f.letters), count: 0,
                                                midSentence: 0))
                    uses.append([])
                }
                profiles[i].count += Int(f.count)
                profiles[i].midSentence += Int(f.midSentence)
                profiles[i].withPrev += Int(f.withPrev)
                profiles[i].withNext += Int(f.withNext)
                if profiles[i].prev.count < 32 { profiles[i].prev.formUnion(f.prev) }
                if profiles[i].next.count < 32 { profiles[i].next.formUnion(f.next) }
                if profiles[i].titles.count < 32 { profiles[i].titles.formUnion(f.titles) }
                uses[i].append((file, k))
            }
        }
        // Only spellings that share a skeleton or a table group with another are compared.
        var buckets: [UInt64: Int] = [:]
        for i in profiles.indices {
            profiles[i].groups = evidence.table.groups(forKey: profiles[i].key, skeleton: profiles[i].skeleton)
            buckets[profiles[i].skeleton, default: 0] += 1
            for g in profiles[i].groups { buckets[Self.groupBucket(g), default: 0] += 1 }
        }
        let candidates = profiles.indices.filter { i in
            buckets[profiles[i].skeleton]! > 1 || profiles[i].groups.contains { buckets[Self.groupBucket($0)]! > 1 }
        }
        let candidateProfiles = candidates.map { profiles[$0] }
        var result: [Cluster] = []
        for members in evidence.clusters(candidateProfiles, scope: .repository) {
            var forms = members.map { m -> Cluster.Form in
                let i = candidates[m]
                return Cluster.Form(text: profiles[i].text, count: profiles[i].count, uses: uses[i])
            }
            forms.sort { a, b in
                if a.uses.count != b.uses.count { return a.uses.count > b.uses.count }
                if a.count != b.count { return a.count > b.count }
                return a.uses[0].file < b.uses[0].file
            }
            var seen: [Int: Int] = [:]
            for f in forms { for u in f.uses { seen[u.file, default: 0] += 1 } }
            var preferred: [String: String] = [:]
            var kind: NamesTable.Kind? = nil
            for m in members {
                for g in profiles[candidates[m]].groups {
                    let group = evidence.table.groups[Int(g)]
                    for (style, form) in group.preferred where preferred[style] == nil { preferred[style] = form }
                    if kind == nil || (group.kind.isSpecific && !kind!.isSpecific) { kind = group.kind }
                }
            }
            result.append(Cluster(forms: forms, mixedFiles: Set(seen.filter { $0.value > 1 }.keys), preferredByStyle: preferred,
                                  kind: kind ?? .person))
        }
        return result.sorted { a, b in
            let fa = Set(a.forms.flatMap(\.files)).count, fb = Set(b.forms.flatMap(\.files)).count
            return fa != fb ? fa > fb : a.forms[0].text < b.forms[0].text
        }
    }
}

/// Resolves increasing byte offsets of one source to lines and columns in one pass (the same
/// answers as `SourceFile.location(of:)`).
struct LocationResolver {
    let source: SourceFile
    private var line = 0
    private var offset = 0
    private var column = 1

    init(_ source: SourceFile) {
        self.source = source
        offset = min(source.bomLength, source.bytes.count)
    }

    mutating func location(of target: Int) -> SourceLocation {
        let starts = source.lineStarts
        if target < offset || (line + 1 < starts.count && target >= starts[line + 1]) {
            line = source.lineIndex(of: target)
            offset = line == 0 ? min(source.bomLength, target) : starts[line]
            column = 1
        }
        let bytes = source.bytes
        while offset < target && offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }
}
