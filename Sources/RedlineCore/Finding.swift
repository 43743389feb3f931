/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The family a rule belongs to (the JSON contract's `category`). `engine` is Redline's own
/// trouble with a file (it ran past the time limit), not a problem of the text.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case spelling, transliteration, numeric, metadata, style, encoding, engine
}

/// One edit: replace the bytes of `span` with `replacement`.
public struct Fix: Sendable, Hashable {
    public var span: Span
    public var replacement: String
    public init(span: Span, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// A place elsewhere that a finding refers to (the other mention of a count, another file).
public struct RelatedLocation: Sendable, Hashable, Codable {
    public var path: String
    public var start: SourceLocation
    public var end: SourceLocation
    public var message: String
    public init(path: String, start: SourceLocation, end: SourceLocation, message: String) {
        self.path = path
        self.start = start
        self.end = end
        self.message = message
    }
}

/// What a rule reports: a problem at a span of one document.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var category: RuleCategory
    public var severity: Severity
    public var span: Span
    public var message: String
    /// Best first.
    public var suggestions: [String]
    /// Present only when the change is safe to apply without a human choosing.
    public var fix: Fix?
    public var related: [RelatedLocation]

    public init(ruleID: String, category: RuleCategory, severity: Severity, span: Span, message: String,
                suggestions: [String] = [], fix: Fix? = nil, related: [RelatedLocation] = []) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.span = span
        self.message = message
        self.suggestions = suggestions
        self.fix = fix
        self.related = related
    }

    /// A finding of `rule` with its default category and severity.
    public init(_ info: RuleInfo, span: Span, message: String, suggestions: [String] = [], fix: Fix? = nil,
                related: [RelatedLocation] = []) {
        self.init(ruleID: info.id, category: info.category, severity: info.defaultSeverity, span: span,
                  message: message, suggestions: suggestions, fix: fix, related: related)
    }
}

/// A finding resolved against its file: lines, columns and matched text, ready for a reporter.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var path: String
    public var ruleID: String
    public var category: RuleCategory
    public var severity: Severity
    public var span: Span
    public var start: SourceLocation
    public var end: SourceLocation
    /// The exact source text of `span`.
    public var match: String
    public var message: String
    public var suggestions: [String]
    public var fix: ResolvedFix?
    public var related: [RelatedLocation]
    /// The source line (without line end) on which the finding starts, for people-facing output.
    public var sourceLine: String

    /// A fix with its positions.
    public struct ResolvedFix: Sendable, Hashable, Codable {
        public var span: Span
        public var start: SourceLocation
        public var end: SourceLocation
        public var replacement: String
        public init(span: Span, start: SourceLocation, end: SourceLocation, replacement: String) {
            self.span = span
            self.start = start
            self.end = end
            self.replacement = replacement
        }
    }

    /// A diagnostic from its parts (the cache reads them back this way).
    public init(path: String, ruleID: String, category: RuleCategory, severity: Severity, span: Span,
                start: SourceLocation, end: SourceLocation, match: String, message: String, suggestions: [String],
                fix: ResolvedFix?, related: [RelatedLocation], sourceLine: String) {
        self.path = path
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.span = span
        self.start = start
        self.end = end
        self.match = match
        self.message = message
        self.suggestions = suggestions
        self.fix = fix
        self.related = related
        self.sourceLine = sourceLine
    }

    public init(finding: Finding, in source: SourceFile) {
        path = source.path
        ruleID = finding.ruleID
        category = finding.category
        severity = finding.severity
        span = finding.span
        start = source.location(of: finding.span.start)
        end = source.location(of: finding.span.end)
        match = source.text(finding.span)
        message = finding.message
        suggestions = finding.suggestions
        if let fix = finding.fix, source.isRewritable {
            self.fix = ResolvedFix(span: fix.span, start: source.location(of: fix.span.start),
                                   end: source.location(of: fix.span.end), replacement: fix.replacement)
        } else {
            self.fix = nil
        }
        related = finding.related
        sourceLine = source.text(source.lineContentSpan(start.line - 1))
    }

    /// Report order: path, then line, column, rule.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.ruleID < b.ruleID
    }
}
