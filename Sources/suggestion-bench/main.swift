// Measures Redline's spelling suggestions on a list of `wrong<TAB>right` (or `wrong->right, right`) pairs: how often the
// first suggestion (and any of the first five) is right, how often a confident first is wrong,
// time per word and what building the index costs. Run by scripts/bench-suggestions.sh.
import Foundation
import RedlineSpelling

struct Options {
    var pairs = ""
    var languages: [String] = []
    var dataDirectory = FileManager.default.currentDirectoryPath
    var frequency: String?
    var houseWords = false
    var hunspellOnly = false
    var verbose = false
    var weights = SuggestionWeights()
    var fallbackCost: Float = 1.8
    var limit = 8
    /// `dev` or `held`: one half of the list (split by misspelling, fixed seed); nil for all.
    var half: String?
    /// A folder of stored indexes (`SuggestionIndexCache`): the index is read from it (and stored
    /// there first when missing); nil builds it.
    var indexCache: String?
}

let weightNames: [String: WritableKeyPath<SuggestionWeights, Float>] = [
    "frequency": \.frequency, "unlistedBelowFloor": \.unlistedBelowFloor, "extraWordBelowFloor": \.extraWordBelowFloor,
    "lastLetter": \.lastLetter, "finalOmission": \.finalOmission, "soundsAlike": \.soundsAlike,
    "substitution": \.substitution, "insertion": \.insertion, "omission": \.omission,
    "vowelSubstitution": \.vowelSubstitution, "phoneticSubstitution": \.phoneticSubstitution,
    "keyboardSubstitution": \.keyboardSubstitution, "accentSubstitution": \.accentSubstitution,
    "doubling": \.doubling, "vowelInsertion": \.vowelInsertion, "vowelOmission": \.vowelOmission, "apostrophe": \.apostrophe,
    "transposition": \.transposition, "vowelTransposition": \.vowelTransposition, "replacement": \.replacement, "firstLetter": \.firstLetter, "firstTransposition": \.firstTransposition,
    "split": \.split, "irregularForm": \.irregularForm, "widerSearchCost": \.widerSearchCost, "caseMismatch": \.caseMismatch, "confidenceMargin": \.confidenceMargin, "confidenceCostGap": \.confidenceCostGap, "confidenceGapMargin": \.confidenceGapMargin, "confidenceSwapMargin": \.confidenceSwapMargin, "confidenceMaxCost": \.confidenceMaxCost,
]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    func value() -> String {
        guard let v = arguments.next() else { fail("\(argument) needs a value") }
        return v
    }
    switch argument {
    case "--lang": options.languages.append(value())
    case "--data": options.dataDirectory = value()
    case "--frequency": options.frequency = value()
    case "--house-words": options.houseWords = true
    case "--hunspell": options.hunspellOnly = true
    case "--verbose": options.verbose = true
    case "--index-cache": options.indexCache = value()
    case "--half":
        let v = value()
        guard v == "dev" || v == "held" else { fail("--half is dev or held") }
        options.half = v
    case "--limit":
        guard let v = Int(value()) else { fail("bad --limit") }
        options.limit = v
    case "--fallback-cost":
        guard let v = Float(value()) else { fail("bad --fallback-cost") }
        options.fallbackCost = v
    case "--weight":
        for item in value().split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let path = weightNames[String(parts[0])], let number = Float(parts[1]) else {
                fail("bad --weight \(item) (names: \(weightNames.keys.sorted().joined(separator: ", ")))")
            }
            options.weights[keyPath: path] = number
        }
    default:
        if argument.hasPrefix("-") { fail("unknown option \(argument)") }
        options.pairs = argument
    }
}
guard !options.pairs.isEmpty else { fail("usage: suggestion-bench [options] PAIRS.tab") }
guard let text = try? String(contentsOfFile: options.pairs, encoding: .utf8) else { fail("\(options.pairs): cannot read") }
// `wrong<TAB>right` (Aspell list: a misspelling with several answers has a line each) or
// `wrong->right` (Wikipedia list: several answers separated by commas, any of them counts).
let allPairs: [(wrong: String, rights: [String])] = text.split(whereSeparator: \.isNewline).compactMap { line in
    if let arrow = line.range(of: "->") {
        let rights = line[arrow.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return rights.isEmpty ? nil : (String(line[..<arrow.lowerBound]), rights)
    }
    let f = line.split(separator: "\t")
    return f.count >= 2 ? (String(f[0]), [String(f[1])]) : nil
}

/// Which half a misspelling falls in: FNV-1a of the lowercased misspelling with a fixed seed,
/// so every answer of one misspelling is in the same half and the split never changes.
func isDevelopmentHalf(_ wrong: String) -> Bool {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ 20_240_611
    for b in wrong.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return (h >> 29) & 1 == 0
}
let pairs = options.half.map { half in allPairs.filter { isDevelopmentHalf($0.wrong) == (half == "dev") } } ?? allPairs

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

#if os(Linux)
@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
#endif

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
/// CPU time of this thread, in nanoseconds (timings that a busy machine does not inflate).
func cpuNow() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

if options.languages.isEmpty { options.languages = ["en_US"] }
let dictionaries: [DictionaryFiles]
do { dictionaries = try options.languages.map { try DictionaryLocator.locate($0, dataDirectory: options.dataDirectory) } } catch { fail("\(error)") }
var extraWords: [String] = []
if options.houseWords {
    let folder = options.dataDirectory + "/Dictionaries/house"
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where name.hasSuffix(".txt") {
        extraWords += (try? WordList.load(folder + "/" + name)) ?? []
    }
}
let speller = SpellChecker(dictionaries: dictionaries, extraWords: extraWords)
let suggester = Suggester(speller: speller, frequencyListPath: options.frequency, weights: options.weights,
                          limit: options.limit, hunspellFallbackCost: options.fallbackCost,
                          indexCache: options.indexCache.flatMap {
                              SuggestionIndexCache.standard(version: "suggestion-bench", environment: ["REDLINE_INDEX_CACHE": $0])
                          })
let rssBefore = residentMegabytes()
let buildCPUStart = cpuNow()
let statistics = options.hunspellOnly ? nil : suggester.prepare()
let buildCPU = Double(cpuNow() - buildCPUStart) / 1e6
let rssAfter = residentMegabytes()
// What the index keeps once the memory freed after building is handed back.
#if os(Linux)
_ = mallocTrim(0)
#endif
let rssRetained = residentMegabytes()

var firstAttainable = 0, top5Attainable = 0
var first = 0, top5 = 0, confident = 0, confidentWrong = 0, confidentWrongAmbiguous = 0, attainable = 0
// The answers the list gives each misspelling (some have several: at most one can come first).
var answers: [String: Set<String>] = [:]
for (wrong, rights) in pairs { answers[wrong, default: []].formUnion(rights.map { $0.lowercased() }) }
// Why the right word is not within the first five: not a word the dictionary accepts, not among
// the candidates at all, or ranked sixth or lower (found with a deeper list).
var outsideDictionary = 0, notCandidate = 0, rankedLow = 0
let deepSuggester = options.verbose && !options.hunspellOnly
    ? Suggester(speller: speller, frequencyListPath: options.frequency, weights: options.weights, limit: 200,
                hunspellFallbackCost: options.fallbackCost) : nil
var times: [Double] = []
var cpuTimes: [Double] = []
var seen = Set<String>()
for (wrong, rights) in pairs {
    let targets = Set(rights.map { $0.lowercased() })
    let isAttainable = rights.contains { right in
        right.split(separator: " ").allSatisfy { speller.isCorrect(String($0)) || speller.isCorrect(capitalised(String($0))) }
    }
    if isAttainable { attainable += 1 }
    let start = now(), cpuStart = cpuNow()
    let words: [String]
    var isConfident = false
    if options.hunspellOnly {
        words = speller.hunspellSuggestions(wrong)
    } else {
        let s = suggester.suggest(wrong)
        words = s.words
        isConfident = s.isConfident
    }
    let elapsed = Double(now() - start) / 1e6, cpuElapsed = Double(cpuNow() - cpuStart) / 1e6
    if seen.insert(wrong).inserted { times.append(elapsed); cpuTimes.append(cpuElapsed) }
    let lowered = words.map { $0.lowercased() }
    let isFirst = lowered.first.map(targets.contains) ?? false
    let inTop5 = lowered.prefix(5).contains(where: targets.contains)
    if isFirst { first += 1; if isAttainable { firstAttainable += 1 } }
    if inTop5 { top5 += 1; if isAttainable { top5Attainable += 1 } }
    if isConfident {
        confident += 1
        if !isFirst {
            confidentWrong += 1
            if let top = lowered.first, answers[wrong]?.contains(top) ?? false { confidentWrongAmbiguous += 1 }
        }
    }
    var why = ""
    if !inTop5, let deepSuggester {
        let deep = deepSuggester.suggest(wrong).words.map { $0.lowercased() }
        if !isAttainable { outsideDictionary += 1; why = "\tOUTSIDE-DICTIONARY" }
        else if let r = deep.firstIndex(where: targets.contains) { rankedLow += 1; why = "\tRANKED-\(r + 1)" }
        else { notCandidate += 1; why = "\tNOT-CANDIDATE" }
    }
    if options.verbose && !isFirst {
        let position = lowered.firstIndex(where: targets.contains).map { "rank\($0 + 1)" } ?? "----"
        print("MISS\t\(wrong)\t\(rights.joined(separator: ","))\t\(position)\t\(words.prefix(5).joined(separator: ", "))\(isConfident ? "\tCONFIDENT" : "")\(why)")
    }
}

func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

times.sort()
cpuTimes.sort()
func percentile(_ times: [Double], _ p: Double) -> Double { times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))] }
func percent(_ n: Int, _ d: Int) -> String { String(format: "%.1f%%", d == 0 ? 0 : 100 * Double(n) / Double(d)) }
let n = pairs.count
print("pairs: \(n) (\(options.pairs)\(options.half.map { ", half \($0)" } ?? "")), dictionary: \(dictionaries.map(\.name).joined(separator: " + "))\(options.houseWords ? " + house word lists" : "")\(options.hunspellOnly ? ", Hunspell's own suggestions" : "")")
print("right answer accepted by the dictionary: \(attainable) (\(percent(attainable, n))); misspellings with more than one answer: "
    + "\(answers.values.filter { $0.count > 1 }.count) (\(answers.values.filter { $0.count > 1 }.map(\.count).reduce(0, +)) pairs)")
print("first suggestion right: \(first) (\(percent(first, n)))")
print("right within first five: \(top5) (\(percent(top5, n)))")
print("of the pairs whose answer the dictionary accepts: first right \(percent(firstAttainable, attainable)), within first five \(percent(top5Attainable, attainable))")
if deepSuggester != nil {
    print("not within the first five: \(n - top5): right word outside the dictionary \(outsideDictionary), "
        + "not a candidate \(notCandidate), ranked sixth or lower \(rankedLow)")
}
if !options.hunspellOnly {
    print("confident: \(confident) (\(percent(confident, n)) of pairs); confident but wrong: \(confidentWrong) (\(percent(confidentWrong, confident)) of confident)")
    print("  of which the list gives the same misspelling the suggested word as another answer: \(confidentWrongAmbiguous); "
        + "confident but wrong without those: \(percent(confidentWrong - confidentWrongAmbiguous, confident - confidentWrongAmbiguous))")
}
print(String(format: "time per word (ms): median %.3f, p90 %.3f, p99 %.3f, max %.1f, total %.2f s",
             percentile(times, 0.5), percentile(times, 0.9), percentile(times, 0.99), times.last ?? 0, times.reduce(0, +) / 1000))
print(String(format: "CPU time per word (ms): median %.3f, p90 %.3f, p99 %.3f",
             percentile(cpuTimes, 0.5), percentile(cpuTimes, 0.9), percentile(cpuTimes, 0.99)))
if let statistics {
    print(String(format: "index: \(statistics.loadedFromCache ? "read from the index cache" : "built") in %.0f ms (of which sound-alike index %.0f ms; CPU %.0f ms), %d word forms, %d trie nodes, ~%.1f MB held; "
                 + "RSS %.1f MB before, +%.1f MB just after building, +%.1f MB once freed memory is returned",
                 (statistics.buildSeconds + statistics.phoneticBuildSeconds) * 1000, statistics.phoneticBuildSeconds * 1000, buildCPU, statistics.wordForms, statistics.nodes,
                 Double(statistics.memoryBytes) / 1_048_576, rssBefore, rssAfter - rssBefore, rssRetained - rssBefore))
}
