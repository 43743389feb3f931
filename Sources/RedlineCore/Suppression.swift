/// Applies `<!-- redline-disable … -->` comments to a document's findings: the engine to
/// per-document findings, and cross-file rules to what they collect (the engine cannot, as they
/// report after the documents are gone).
public struct Suppression: Sendable {
    private struct Range: Sendable { var fromLine: Int; var toLine: Int; var rules: [String] }
    private var ranges: [Range] = []

    public init(_ document: Document) {
        var open: [(line: Int, rules: [String])] = []
        for d in document.directives {
            switch d.action {
            case .disable:
                open.append((d.line, d.rules))
            case .enable:
                // Close the ranges the enable names (all, when it names none).
                var kept: [(line: Int, rules: [String])] = []
                for o in open {
                    if d.rules.isEmpty || o.rules == d.rules || (o.rules.isEmpty == false && Set(o.rules).isSubset(of: d.rules)) {
                        ranges.append(Range(fromLine: o.line, toLine: d.line, rules: o.rules))
                    } else {
                        kept.append(o)
                    }
                }
                open = kept
            case .disableNextLine:
                // The next line that is not blank.
                var next = d.line + 1
                let source = document.source
                while next < source.lineStarts.count, source.lineContentSpan(next).isEmpty { next += 1 }
                ranges.append(Range(fromLine: next, toLine: next, rules: d.rules))
            case .acceptWords:
                continue
            }
        }
        for o in open { ranges.append(Range(fromLine: o.line, toLine: Int.max, rules: o.rules)) }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    /// Whether a finding on 0-based `line` from `ruleID` (in `category`) is switched off.
    public func suppresses(ruleID: String, category: RuleCategory, line: Int) -> Bool {
        ranges.contains { r in
            line >= r.fromLine && line <= r.toLine && (r.rules.isEmpty || r.rules.contains { Self.matches($0, ruleID, category) })
        }
    }

    /// `spelling`, `spelling.misspelled` and `spelling.*` all name `spelling.misspelled`.
    static func matches(_ name: String, _ ruleID: String, _ category: RuleCategory) -> Bool {
        if name == ruleID || name == category.rawValue { return true }
        if name.hasSuffix(".*") { return ruleID.hasPrefix(String(name.dropLast(1))) }
        return ruleID.hasPrefix(name + ".")
    }
}
