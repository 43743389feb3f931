import RedlineCore

/// Judges a few reported files (`--changed-since`, a shard) against every file of a repository
/// while decoding only the facts that can matter: those of files whose items are linked to the
/// reported files' items (see `RunJudging.links`). Every other file is passed to the rules with
/// stand-in facts (`RunJudging.unlinkedFacts`), so the rules still see how many files there are.
/// The reported files' diagnostics are the same as a judgement over every file's facts.
struct PartialJudgement: Sendable {
    let linter: Linter
    /// Per cross-file rule, in the linter's order.
    let unlinked: [(any Codable & Sendable)]
    let reported: Set<String>
    let jobs: Int?
    /// A cached file's facts (decoded, or collected again).
    let cachedFacts: @Sendable (FileResult) -> FileFacts?
    /// A cached file's links in compact form, when the cache has them.
    let cachedLinks: @Sendable (FileResult) -> CacheBytes?

    /// One file other than the reported ones, with its facts when they are already decoded.
    private enum Other: Sendable {
        case decoded(FileFacts)
        case cached(FileResult)

        var path: String {
            switch self {
            case .decoded(let facts): facts.path
            case .cached(let file): file.path
            }
        }
    }

    /// The reported files' diagnostics (and only theirs).
    func judge(fresh: [String: FileFacts], cached: [FileResult], external: [FileFacts]) -> [String: [Diagnostic]] {
        var reportedFacts: [FileFacts] = []
        var others: [Other] = []
        var seen = Set<String>()
        for (path, facts) in fresh {
            seen.insert(path)
            if reported.contains(path) { reportedFacts.append(facts) } else { others.append(.decoded(facts)) }
        }
        let reportedCached = cached.filter { reported.contains($0.path) }
        reportedFacts += ParallelWork.map(reportedCached, jobs: jobs) { cachedFacts($0) }.compactMap { $0 }
        for file in cached {
            seen.insert(file.path)
            if !reported.contains(file.path) { others.append(.cached(file)) }
        }
        for facts in external where seen.insert(facts.path).inserted { others.append(.decoded(facts)) }

        let links: [CacheBytes?] = others.map { other in
            switch other {
            case .decoded(let facts): CacheBytes(linter.links(of: facts).encoded)
            case .cached(let file): cachedLinks(file)
            }
        }
        let masks = LinkReach.needed(reported: reportedFacts.map(linter.links(of:)), others: links, ruleCount: unlinked.count)
        PhaseTrace.mark("links followed")
        let needed = others.indices.filter { masks[$0] != 0 }
        let decoded = ParallelWork.map(needed.map { others[$0] }, jobs: jobs) { other -> FileFacts? in
            switch other {
            case .decoded(let facts): facts
            case .cached(let file): cachedFacts(file)
            }
        }
        PhaseTrace.mark("facts decoded: \(needed.count) of \(others.count) other files")
        var neededFacts: [Int: FileFacts] = [:]
        for (index, facts) in zip(needed, decoded) { neededFacts[index] = facts }
        // Every file in path order: the reported files' facts, the needed files' facts for the
        // rules that need them, and stand-ins for the rest.
        var order: [(path: String, facts: FileFacts?, mask: UInt64)] = reportedFacts.map { ($0.path, $0, UInt64.max) }
        for (index, other) in others.enumerated() { order.append((other.path, neededFacts[index], masks[index])) }
        order.sort { $0.path < $1.path }
        return linter.judge { rule, id in
            order.compactMap { item -> (path: String, facts: any Codable & Sendable)? in
                guard item.mask & (1 << UInt64(rule)) != 0 else { return (item.path, unlinked[rule]) }
                return item.facts?.byRule[id].map { (item.path, $0) }
            }
        }.filter { reported.contains($0.key) }
    }
}
