import Foundation
import RedlineCore
import RedlineKit
import Testing

/// Property tests over the whole pipeline: documents built from random bytes, from a generator
/// of Markdown and front-matter fragments (nesting, fences, links, HTML, tables, odd YAML, CRLF,
/// BOM, non-ASCII, unterminated constructs) and from byte-level mutations of those, checked with
/// every rule on. `PipelineInvariants` says what must hold (spans inside the text, `match` equal
/// to the text, fixes that apply and settle). Fixed seeds and counts keep the run short and
/// repeatable; `REDLINE_FUZZ_ITERATIONS` and `REDLINE_FUZZ_SEED` make a longer or other run
/// (the libFuzzer target in `Fuzz/` is the long-running search: `scripts/fuzz.sh`).
@Suite struct FuzzTests {
    static var iterations: Int { ProcessInfo.processInfo.environment["REDLINE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 60 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["REDLINE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261123 }

    private func assertInvariants(_ bytes: [UInt8], _ label: String) {
        let problems = PipelineInvariants.violations(of: bytes, linter: TestSupport.linter)
        #expect(problems.isEmpty, "\(label): \(problems.prefix(5)) — input (base64): \(Data(bytes).base64EncodedString())")
    }

    @Test func structuredDocuments() {
        var rng = SplitMix64(seed: Self.seed)
        for i in 0..<Self.iterations {
            assertInvariants(MarkdownFragments.document(&rng), "structured #\(i)")
        }
    }

    @Test func mutatedDocuments() {
        var rng = SplitMix64(seed: Self.seed &+ 1)
        for i in 0..<Self.iterations {
            var bytes = MarkdownFragments.document(&rng)
            for _ in 0..<rng.int(1...6) { MarkdownFragments.mutate(&bytes, &rng) }
            assertInvariants(bytes, "mutated #\(i)")
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(seed: Self.seed &+ 2)
        let alphabet = Array("abcXYZ019 \n\n\r\t#*_-+>[]()!<>`~|:&;\\/\"'.,?=%{}".utf8)
        for i in 0..<Self.iterations {
            let count = rng.int(0...400)
            let bytes: [UInt8] = (0..<count).map { _ in
                rng.int(0...9) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[rng.int(0...(alphabet.count - 1))]
            }
            assertInvariants(bytes, "random #\(i)")
        }
    }

    /// Inputs the fuzzers found or that broke an invariant once (regressions).
    @Test(arguments: FuzzRegressions.cases) func regression(_ input: FuzzRegressions.Case) {
        assertInvariants(input.bytes, input.name)
    }
}

/// A small fast PRNG with a fixed seed, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A generator of Markdown documents with front matter, made of fragments chosen for trouble.
enum MarkdownFragments {
    static let words = [
        "goverment", "the", "Zelenskyy", "Zelenskiy", "Kyiv", "Kiev", "23 people", "25 people", "Thursday (July 4)",
        "30km (25 miles)", "Smith, 45,", "the 47-year-old", "TK", "Advertisement", "{{ slug }}", "&amp;", "[sic]",
        "Київ", "مرحبا", "👍🏽", "e\u{301}", "\u{200D}", "\u{202E}", "\u{2028}", "ﬁ", "İstanbul", "ǅ", "x\u{FE0F}",
        "15 of the 12 victims", "146 drones and 12 missiles — 168 in total", "120%", "£xxm", "lorem ipsum",
        "enougth", "Read more: here", "can't", "’s", "e-mail", "per cent", "1,000,000", "3.5", "1st", "½",
    ]

    static let inlines = [
        "*", "**", "_", "__", "`", "``", "~~", "[", "]", "(", ")", "![", "](http://a.example/x)", "<http://x.example>",
        "<b>", "</b>", "<!--", "-->", "<!-- redline-disable -->", "<!-- redline-enable -->",
        "<!-- redline-disable-next-line spelling -->", "<!-- redline-accept goverment -->", "\\", "&#163;", "&nope;",
        "a@b.example", "https://e.example/goverment", "[^1]", "[x][ref]", "[[wiki]]", "[caption id=1]", "\t", "  \n",
    ]

    static let blockStarts = [
        "# ", "###### ", "####### ", "> ", "> > > ", "- ", "* ", "1. ", "2) ", "- [ ] ", "- [x] ", "    ", "\t",
        "| a | b |\n|---|:-:|\n| ", "```\n", "~~~ swift\n", "```", "<div>\n", "<!--\n", "[ref]: http://r.example \"t\"\n",
        "***\n", "Title\n===\n", "Sub\n---\n", "<script>\n", "$$\n",
    ]

    static let frontMatters = [
        "---\ntitle: A goverment plan\ndate: 2025-07-04\n---\n",
        "---\ntitle: [unclosed\n---\n",
        "---\ntitle: \"unterminated\n",
        "---\n---\n",
        "---\n",
        "---\ntitle: !!binary aGVsbG8=\ndescription: *undefined\n---\n",
        "---\na: &x [1, 2]\nb: *x\nredline_accept: 5\ndate: 2025-13-45\nsummary: ~\n---\n",
        "---\r\ntitle: CRLF goverment\r\n---\r\n",
        "---\ntitle:\n  - nested\n  - {k: v}\ndate: Thursday\n---\n",
        "---\n\t- tab\n: :\n---\n",
        "+++\ntitle = \"toml\"\n+++\n",
        "---\ntitle: x\n...\n",
        "---\n" + String(repeating: "k: v\n", count: 30) + "---\n",
    ]

    /// A random document of a few blocks, with front matter, BOM and CRLF at random.
    static func document(_ rng: inout SplitMix64) -> [UInt8] {
        var text = ""
        if rng.int(0...9) == 0 { text += "\u{FEFF}" }
        if rng.int(0...2) == 0 { text += rng.pick(frontMatters) }
        for _ in 0..<rng.int(0...8) {
            let depth = rng.int(0...5) == 0 ? rng.int(1...40) : 1
            for _ in 0..<depth { text += rng.pick(blockStarts) }
            for _ in 0..<rng.int(1...12) {
                text += rng.int(0...2) == 0 ? rng.pick(inlines) : rng.pick(words)
                text += rng.pick([" ", " ", " ", "", "\n", ", ", ". "])
            }
            text += rng.pick(["\n\n", "\n", "\r\n\r\n", "", "\r"])
        }
        if rng.int(0...4) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return Array(text.utf8)
    }

    /// One byte-level mutation: delete, duplicate or move a range, insert a byte, flip a bit.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        guard !bytes.isEmpty else { bytes.append(UInt8(truncatingIfNeeded: rng.next())); return }
        let a = rng.int(0...(bytes.count - 1))
        let b = min(bytes.count, a + rng.int(0...16))
        switch rng.int(0...4) {
        case 0: bytes.removeSubrange(a..<b)
        case 1: bytes.insert(contentsOf: Array(bytes[a..<b]), at: rng.int(0...bytes.count))
        case 2: bytes.insert(rng.pick([0x0A, 0x0D, 0x60, 0x2A, 0x5B, 0x3C, 0xC3, 0xE2, 0xF0, 0x80, 0xFF]), at: a)
        case 3: bytes[a] ^= UInt8(1) << UInt8(rng.int(0...7))
        default:
            let chunk = Array(bytes[a..<b])
            bytes.removeSubrange(a..<b)
            bytes.insert(contentsOf: chunk, at: rng.int(0...bytes.count))
        }
    }
}
