import Foundation

/// The cost of a misspelling: a weighted edit distance between what was typed and a candidate
/// word, where likely mistakes are cheap — swapped letters, doubled or undoubled letters,
/// vowels written for one another, letters that sound alike, neighbouring keys, accents, and
/// the letter groups of the dictionary's `REP` table.
struct ErrorModel: Sendable {
    private let weights: SuggestionWeights
    private let size: Int
    /// Substitution cost of typed letter `a` for intended letter `b`, at `a * size + b`.
    private let substitution: [Float]
    private let isVowel: [Bool]
    private let isApostrophe: [Bool]
    private let replacements: [(typed: [UInt16], meant: [UInt16])]

    init(alphabet: LetterAlphabet, affixes: AffixFile, weights: SuggestionWeights) {
        self.weights = weights
        let size = alphabet.count
        self.size = size
        let keyboard = KeyboardLayout(rows: affixes.keyboardRows)
        let letters = (0..<size).map { alphabet.scalar(UInt16($0)) }
        let bases = letters.map(Self.baseLetter)
        let vowels: Set<UInt32> = Set("aeiouy".unicodeScalars.map(\.value))
        isVowel = bases.map { vowels.contains($0) }
        isApostrophe = letters.map { $0 == 0x27 || $0 == 0x2019 }
        let alike: [(String, String)] = [("c", "k"), ("c", "s"), ("s", "z"), ("k", "q"), ("g", "j"), ("i", "y"),
                                         ("f", "v"), ("m", "n"), ("d", "t"), ("c", "q"), ("x", "z")]
        var alikeSet = Set<UInt64>()
        for (a, b) in alike {
            let x = UInt64(a.unicodeScalars.first!.value), y = UInt64(b.unicodeScalars.first!.value)
            alikeSet.insert(x << 32 | y)
            alikeSet.insert(y << 32 | x)
        }
        var table = [Float](repeating: weights.substitution, count: size * size)
        for a in 0..<size {
            for b in 0..<size {
                var cost = weights.substitution
                if a == b { cost = 0 }
                else if bases[a] == bases[b] { cost = weights.accentSubstitution }
                else {
                    if isVowel[a] && isVowel[b] { cost = min(cost, weights.vowelSubstitution) }
                    if alikeSet.contains(UInt64(bases[a]) << 32 | UInt64(bases[b])) { cost = min(cost, weights.phoneticSubstitution) }
                    if keyboard.areNeighbours(bases[a], bases[b]) { cost = min(cost, weights.keyboardSubstitution) }
                }
                table[a * size + b] = cost
            }
        }
        substitution = table
        var replacements: [(typed: [UInt16], meant: [UInt16])] = []
        for (from, to) in affixes.replacements where !to.contains("_") && !from.contains("_") {
            let typed = from.unicodeScalars.map { alphabet.code(LetterAlphabet.lowercase($0.value)) }
            let meant = to.unicodeScalars.map { alphabet.code(LetterAlphabet.lowercase($0.value)) }
            if typed.contains(LetterAlphabet.unknown) || meant.contains(LetterAlphabet.unknown) { continue }
            replacements.append((typed, meant))
        }
        self.replacements = replacements
    }

    /// The letter without its accent (é → e), by canonical decomposition.
    static func baseLetter(_ value: UInt32) -> UInt32 {
        guard value >= 0xC0, let scalar = Unicode.Scalar(value),
              let first = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first else { return value }
        return first.value
    }

    /// A misspelling prepared for costing against many candidates.
    struct Typed {
        let codes: [UInt16]
        /// Cost of each typed letter being one too many.
        let insertion: [Float]
        /// `REP` groups (indexes into `replacements`) that end at each typed position.
        let groupsEndingAt: [[Int]]
    }

    /// Prepares the typed word `q` (letter codes).
    func prepare(_ q: [UInt16]) -> Typed {
        let m = q.count
        var insertion = [Float](repeating: 0, count: m)
        for i in 0..<m {
            let c = q[i]
            var cost = weights.insertion
            if (i > 0 && q[i - 1] == c) || (i + 1 < m && q[i + 1] == c) { cost = weights.doubling }
            else if isApostrophe[code(c)] { cost = weights.apostrophe }
            else if isVowel[code(c)] { cost = weights.vowelInsertion }
            insertion[i] = i == 0 ? cost + weights.firstLetter : (i == m - 1 ? cost + weights.lastLetter : cost)
        }
        var groups: [[Int]] = Array(repeating: [], count: m + 1)
        for (r, rule) in replacements.enumerated() where rule.typed.count <= m {
            var start = 0
            while start + rule.typed.count <= m {
                if q[start..<(start + rule.typed.count)].elementsEqual(rule.typed) { groups[start + rule.typed.count].append(r) }
                start += 1
            }
        }
        return Typed(codes: q, insertion: insertion, groupsEndingAt: groups)
    }

    private func code(_ c: UInt16) -> Int { c == LetterAlphabet.unknown || Int(c) >= size ? 0 : Int(c) }

    /// The cost of having typed `typed` for `meant`; `scratch` is reused between calls.
    func cost(typed: Typed, meant w: [UInt16], scratch: inout [Float]) -> Float {
        let q = typed.codes
        let m = q.count, n = w.count
        let width = n + 1
        let needed = (m + 1) * width + n
        if scratch.count < needed { scratch = [Float](repeating: 0, count: needed) }
        let weights = self.weights
        return scratch.withUnsafeMutableBufferPointer { d in
            // Omission costs of the meant letters, after the table.
            let omissionBase = (m + 1) * width
            for j in 0..<n {
                let c = w[j]
                var cost = weights.omission
                if (j > 0 && w[j - 1] == c) || (j + 1 < n && w[j + 1] == c) { cost = weights.doubling }
                else if isApostrophe[code(c)] { cost = weights.apostrophe }
                else if isVowel[code(c)] { cost = weights.vowelOmission }
                d[omissionBase + j] = j == 0 ? cost + weights.firstLetter : (j == n - 1 ? cost + weights.finalOmission : cost)
            }
            d[0] = 0
            for j in 0..<n { d[j + 1] = d[j] + d[omissionBase + j] }
            guard m > 0 else { return d[n] }
            for i in 1...m {
                let row = i * width, prev = row - width
                let insert = typed.insertion[i - 1]
                d[row] = d[prev] + insert
                guard n > 0 else { continue }
                let qc = q[i - 1]
                let groups = typed.groupsEndingAt[i]
                for j in 1...n {
                    let wc = w[j - 1]
                    var best: Float
                    if qc == wc { best = d[prev + j - 1] }
                    else {
                        var sub = qc == LetterAlphabet.unknown || wc == LetterAlphabet.unknown || Int(wc) >= size
                            ? weights.substitution : substitution[Int(qc) * size + Int(wc)]
                        if i == 1 && j == 1 { sub += weights.firstLetter } else if i == m && j == n { sub += weights.lastLetter }
                        best = d[prev + j - 1] + sub
                    }
                    let ins = d[prev + j] + insert
                    if ins < best { best = ins }
                    let om = d[row + j - 1] + d[omissionBase + j - 1]
                    if om < best { best = om }
                    if i > 1 && j > 1 && qc == w[j - 2] && q[i - 2] == wc && qc != wc {
                        let swap = isVowel[code(qc)] && isVowel[code(wc)] ? weights.vowelTransposition : weights.transposition
                        let t = d[prev - width + j - 2] + swap + (i == 2 ? weights.firstTransposition : 0)
                        if t < best { best = t }
                    }
                    for r in groups {
                        let meant = replacements[r].meant, typedCount = replacements[r].typed.count
                        guard meant.count <= j, w[(j - meant.count)..<j].elementsEqual(meant) else { continue }
                        let g = d[(i - typedCount) * width + j - meant.count] + weights.replacement
                        if g < best { best = g }
                    }
                    d[row + j] = best
                }
            }
            return d[m * width + n]
        }
    }
}
