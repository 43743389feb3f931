import Foundation
import RedlineCore

/// The files of one run that share a configuration: read, looked up in the cache, checked when
/// missing, then judged together by the cross-file rules.
///
/// The linter (dictionaries, rules) is built only when something must be checked or judged, so
/// re-checking an unchanged repository with a warm cache loads neither.
final class GroupRun: @unchecked Sendable {
    private let session: CheckSession
    private let config: Configuration
    private let request: RunRequest
    private let externalFacts: [FactsFile]
    private let cache: ResultCache?
    private let built = OneTimeSetUp<Result<Linter, Error>>()

    init(session: CheckSession, config: Configuration, request: RunRequest, externalFacts: [FactsFile]) throws {
        self.session = session
        self.config = config
        self.request = request
        self.externalFacts = externalFacts
        let ids = try session.ruleIDs(for: config)
        if let directory = request.cacheDirectory {
            let options = session.options(for: config)
            let fingerprint = ConfigFingerprint.compute(options: options, dataDirectory: session.dataDirectory, ruleIDs: ids)
            PhaseTrace.mark("configuration fingerprinted")
            cache = ResultCache(directory: directory, fingerprint: fingerprint)
        } else {
            cache = nil
            _ = try linter()
        }
    }

    /// The linter, built on first use (from any thread; off the per-file clock: `OneTimeSetUp`).
    private func linter() throws -> Linter {
        try built.value {
            let made = Result { try session.linter(for: config) }
            PhaseTrace.mark("linter built")
            try? made.get().prepareHandles(files: request.inputs.count + request.context.count,
                                           jobs: session.commandLine.jobs)
            return made
        }.get()
    }

    private enum Outcome: Sendable {
        case fresh(CheckedFile)
        case cached(FileResult)
        /// A context file read for its facts only.
        case factsOnly(FileFacts, contentHash: UInt64)
        case failed(InputError)
        case skipped(InputError)
        /// A file git lists that the work tree no longer has (deleted, or a submodule's folder).
        case gone
        case broken
    }

    func run(reported: [InputFile], context: [InputFile]) throws -> RunResult {
        let stdinBytes = reported.contains { $0.fileSystemPath == nil }
            ? Array(FileHandle.standardInput.readDataToEndOfFile()) : []
        // With facts from other shards, the rest of the repository is known from them.
        let context = externalFacts.isEmpty ? context : []
        let all = reported + context
        let timeout = session.commandLine.fileTimeout
        let timeoutSeverity: Severity? = {
            if case .severity(let s)? = session.options(for: config).ruleSettings[EngineTimeout.ruleID] { return s }
            return nil
        }()
        PhaseTrace.mark("cache opened")
        let outcomes = ParallelWork.map(Array(all.enumerated()), jobs: session.commandLine.jobs, timeout: timeout, work: { item -> Outcome in
            defer { self.request.progress?() }
            return self.process(item.element, stdinBytes: stdinBytes, reported: item.offset < reported.count)
        }, onTimeout: { item in
            self.request.progress?()
            let result = EngineTimeout.result(for: item.element, seconds: timeout ?? 0, severity: timeoutSeverity)
            return .fresh(CheckedFile(result: result, facts: FileFacts(path: item.element.displayPath)))
        })
        if case .failure(let error)? = built.ifBuilt { throw error }
        PhaseTrace.mark("files checked or found in the cache")

        var result = RunResult(files: [], errors: [], skipped: [])
        var fresh: [String: FileFacts] = [:]
        var hashes: [(path: String, contentHash: UInt64)] = []
        var cachedFiles: [FileResult] = []
        for (index, outcome) in outcomes.enumerated() {
            let isReported = index < reported.count
            switch outcome {
            case .fresh(let file):
                if isReported { result.files.append(file.result) }
                fresh[file.result.path] = file.facts
                hashes.append((file.result.path, file.result.contentHash))
            case .cached(let file):
                if isReported { result.files.append(file) }
                cachedFiles.append(file)
                hashes.append((file.path, file.contentHash))
            case .factsOnly(let facts, let hash):
                fresh[facts.path] = facts
                hashes.append((facts.path, hash))
            case .failed(let e): if isReported { result.errors.append(e) }
            case .skipped(let e): if isReported { result.skipped.append(e) }
            case .gone, .broken: break
            }
        }
        let extra = try crossFileDiagnostics(fresh: fresh, cached: cachedFiles, hashes: hashes,
                                             reported: Set(result.files.map(\.path)), partial: all.count > reported.count || !externalFacts.isEmpty)
        PhaseTrace.mark("cross-file rules judged")
        result.files = Linter.merging(extra, into: result.files)
        cache?.save()
        PhaseTrace.mark("cache saved")
        if request.wantsFacts {
            let reportedPaths = Set(result.files.map(\.path))
            result.facts = try gatherFacts(try linter(), fresh: fresh, cached: cachedFiles, external: false)
                .filter { reportedPaths.contains($0.path) }
        }
        // Every file's facts and outcome, freed on another thread: at the end of a run that is
        // milliseconds of one core, with the other cores idle.
        BackgroundRelease.of((consume outcomes, consume fresh, consume cachedFiles))
        return result
    }

    private func process(_ input: InputFile, stdinBytes: [UInt8], reported: Bool) -> Outcome {
        // The stamp is taken before reading: a file changed meanwhile gets a new stamp, so is read next time.
        let stamp = cache != nil ? input.fileSystemPath.flatMap(FileStamp.of) : nil
        if let cache, let stamp, let hash = cache.unchangedHash(path: input.displayPath, stat: stamp),
           let hit = cachedOutcome(cache, input, hash: hash, reported: reported, stamp: stamp) {
            return hit
        }
        let bytes: [UInt8]
        switch InputReader.read(input, stdinBytes: stdinBytes) {
        case .failure(let error):
            if !input.isExplicit, let path = input.fileSystemPath, !FileCollector.isFile(path) { return .gone }
            switch error.outcome {
            case .failed(let e): return .failed(e)
            case .skipped(let e): return .skipped(e)
            case .checked(let file): return .fresh(file)
            }
        case .success(let read): bytes = read
        }
        let hash = contentHash(bytes)
        if let cache, input.fileSystemPath != nil,
           let hit = cachedOutcome(cache, input, hash: hash, reported: reported, stamp: stamp) {
            return hit
        }
        guard let linter = try? linter() else { return .broken }
        // Without a cache to fill, a file that is not reported is read for its facts only.
        if cache == nil && !reported { return .factsOnly(linter.collectFacts(input, bytes: bytes), contentHash: hash) }
        let checked = linter.checkFile(input, bytes: bytes)
        if let cache, input.fileSystemPath != nil { cache.store(checked, links: linter.links(of: checked.facts), stat: stamp) }
        return .fresh(checked)
    }

    /// A file's result from the cache: its findings, or (for a file only read for its facts)
    /// just the knowledge that its facts are there.
    private func cachedOutcome(_ cache: ResultCache, _ input: InputFile, hash: UInt64, reported: Bool,
                               stamp: FileStamp?) -> Outcome? {
        if !reported, cache.hasFacts(path: input.displayPath, contentHash: hash) {
            return .cached(FileResult(path: input.displayPath, diagnostics: [], fileSystemPath: input.fileSystemPath,
                                      contentHash: hash))
        }
        return cache.result(path: input.displayPath, contentHash: hash, fileSystemPath: input.fileSystemPath, stat: stamp)
            .map { .cached($0) }
    }

    /// One file's facts from the cache, or collected again when missing there.
    private func cachedFacts(_ linter: Linter, _ file: FileResult) -> FileFacts? {
        if let known = cache?.facts(path: file.path, contentHash: file.contentHash, types: linter.factsTypes) { return known }
        guard let path = file.fileSystemPath, let data = FileManager.default.contents(atPath: path) else { return nil }
        return linter.checkFile(InputFile(displayPath: file.path, fileSystemPath: path), bytes: [UInt8](data)).facts
    }

    /// Every file's facts: fresh ones, those of cached files, and (with `external`) those of
    /// facts files for files not in the run.
    private func gatherFacts(_ linter: Linter, fresh: [String: FileFacts], cached: [FileResult],
                             external: Bool) throws -> [FileFacts] {
        var facts = Array(fresh.values)
        var seen = Set(fresh.keys)
        if !cached.isEmpty {
            let loaded = ParallelWork.map(cached, jobs: session.commandLine.jobs) { self.cachedFacts(linter, $0) }
            for (file, item) in zip(cached, loaded) {
                seen.insert(file.path)
                if let item { facts.append(item) }
            }
        }
        if external {
            for file in externalFacts {
                for item in try file.facts(types: linter.factsTypes) where seen.insert(item.path).inserted { facts.append(item) }
            }
        }
        return facts.sorted { $0.path < $1.path }
    }

    /// The cross-file rules' diagnostics: from the cache when every file and facts file is as
    /// in a run already judged, else judged anew over fresh, cached and external facts. A
    /// `partial` run (one that reports only some of the files it knows) judges the reported
    /// files against only the other files their facts are linked to (`PartialJudgement`).
    private func crossFileDiagnostics(fresh: [String: FileFacts], cached: [FileResult],
                                      hashes: [(path: String, contentHash: UInt64)],
                                      reported: Set<String>, partial: Bool) throws -> [String: [Diagnostic]] {
        var key: UInt64 = 0
        if let cache {
            var extra = FNV64()
            for file in externalFacts { extra.add(file.contentHash) }
            // A partial verdict holds only for the files it reported.
            if partial { for path in reported.sorted() { extra.add(path) } }
            key = ResultCache.runKey(hashes, extra: extra.value)
            if let known = cache.runDiagnostics(key: key) { return known }
        }
        let linter = try linter()
        guard !linter.runRuleIDs.isEmpty else { return [:] }
        let judged: [String: [Diagnostic]]
        if partial, let unlinked = linter.unlinkedFacts, unlinked.count <= 64 {
            let external = try externalFacts.flatMap { try $0.facts(types: linter.factsTypes) }
            judged = PartialJudgement(linter: linter, unlinked: unlinked, reported: reported, jobs: session.commandLine.jobs,
                                      cachedFacts: { self.cachedFacts(linter, $0) },
                                      cachedLinks: { self.cache?.links(path: $0.path, contentHash: $0.contentHash) })
                .judge(fresh: fresh, cached: cached, external: external)
        } else {
            judged = linter.judge(try gatherFacts(linter, fresh: fresh, cached: cached, external: true))
        }
        cache?.storeRunDiagnostics(judged, key: key)
        return judged
    }
}
