import RedlineCore

/// `--format sarif`: SARIF 2.1.0, with every rule in `tool.driver.rules`, fixes as SARIF
/// `fixes`, related locations, and columns in Unicode code points (`columnKind`).
public struct SARIFReporter: Reporter {
    public var rules: [RuleInfo]
    public var version: String

    public init(rules: [RuleInfo], version: String) {
        self.rules = rules
        self.version = version
    }

    public func render(_ report: Report) -> String {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSONValue] = rules.map { info in
            .object([
                ("id", .string(info.id)),
                ("name", .string(Self.ruleName(info.id))),
                ("shortDescription", .object([("text", .string(Self.firstSentence(info.summary)))])),
                ("fullDescription", .object([("text", .string(info.summary))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(info.defaultSeverity))),
                                                  ("enabled", .bool(info.enabledByDefault))])),
                ("properties", .object([("category", .string(info.category.rawValue))])),
            ])
        }
        let results: [JSONValue] = report.diagnostics.map { d in
            var pairs: [(String, JSONValue)] = [("ruleId", .string(d.ruleID))]
            if let i = index[d.ruleID] { pairs.append(("ruleIndex", .int(i))) }
            pairs += [
                ("level", .string(Self.level(d.severity))),
                ("message", .object([("text", .string(d.message))])),
                ("locations", .array([Self.location(d.path, d.start, d.end, snippet: d.match)])),
            ]
            if let fix = d.fix {
                pairs.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(fix.replacement.isEmpty ? "Delete" : "Replace with “\(fix.replacement)”"))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", .object([("uri", .string(Self.uri(d.path)))])),
                        ("replacements", .array([.object([
                            ("deletedRegion", Self.region(fix.start, fix.end)),
                            ("insertedContent", .object([("text", .string(fix.replacement))])),
                        ])])),
                    ])])),
                ])])))
            }
            if !d.related.isEmpty {
                pairs.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    guard case .object(var loc) = Self.location(r.path, r.start, r.end, snippet: nil) else { return .null }
                    loc.insert(("id", .int(i + 1)), at: 0)
                    loc.append(("message", .object([("text", .string(r.message))])))
                    return .object(loc)
                })))
            }
            if !d.suggestions.isEmpty {
                pairs.append(("properties", .object([("suggestions", .array(d.suggestions.map(JSONValue.string)))])))
            }
            return .object(pairs)
        }
        let artifacts: [JSONValue] = report.files.map { .object([("location", .object([("uri", .string(Self.uri($0.path)))]))]) }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("redline")),
                ("version", .string(version)),
                ("semanticVersion", .string(version)),
                ("rules", .array(driverRules)),
            ]))])),
            ("artifacts", .array(artifacts)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).render(pretty: true) + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func region(_ start: SourceLocation, _ end: SourceLocation) -> JSONValue {
        .object([("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                 ("endLine", .int(end.line)), ("endColumn", .int(end.column))])
    }

    static func location(_ path: String, _ start: SourceLocation, _ end: SourceLocation, snippet: String?) -> JSONValue {
        var region: [(String, JSONValue)] = [("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                                             ("endLine", .int(end.line)), ("endColumn", .int(end.column))]
        if let snippet { region.append(("snippet", .object([("text", .string(snippet))]))) }
        return .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(path)))])),
            ("region", .object(region)),
        ]))])
    }

    /// A relative URI reference for a path (spaces and other reserved characters escaped).
    static func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) { out.append(c) } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    /// "spelling.misspelled-name" → "SpellingMisspelledName".
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func firstSentence(_ s: String) -> String {
        if let r = s.range(of: ". ") { return String(s[..<r.lowerBound]) + "." }
        return s
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
