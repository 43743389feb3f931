import RedlineCore

/// Fixes that undo one another: one rule turns “Kiev” into “Kyiv” while another (names
/// consistency, counting mentions under a disable comment) turns “Kyiv” into “Kiev”. Applied
/// together they swap the spellings, and every `redline fix` would swap them again. Of two
/// opposite directions, the one more findings propose keeps its fixes (the findings count before
/// suppression, since suppressed mentions still count for the rules that compare them); on a
/// tie neither does. The findings stay, without a fix.
enum FixConflicts {
    static func resolve(_ findings: [Finding], in source: SourceFile) -> [Finding] {
        guard findings.count > 1 else { return findings }
        struct Direction: Hashable { var from: String, to: String }
        var votes: [Direction: Int] = [:]
        var directions: [Direction?] = []
        directions.reserveCapacity(findings.count)
        for f in findings {
            guard let fix = f.fix, !fix.span.isEmpty, !fix.replacement.isEmpty, fix.span.end <= source.bytes.count else {
                directions.append(nil); continue
            }
            let d = Direction(from: source.text(fix.span), to: fix.replacement)
            votes[d, default: 0] += 1
            directions.append(d)
        }
        var out = findings
        for (i, d) in directions.enumerated() {
            guard let d, let against = votes[Direction(from: d.to, to: d.from)], against >= votes[d]! else { continue }
            out[i].fix = nil
        }
        return out
    }
}
