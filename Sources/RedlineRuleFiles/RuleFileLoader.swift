import Foundation
import RedlineCore
import Yams

/// Loads declarative rule files: YAML files that each define one rule of one kind
/// (`existence`, `substitution`, `consistency`, `pattern`), so that a newsroom adds rules
/// without writing Swift.
///
/// Every file has `kind:` and `description:`, and may have `category:` (one of the rule
/// categories; default `style`), `severity:` (`error`, `warning`, `info`; default `warning`),
/// `enabled:` (default true) and examples: `flag:` (texts with the expected spans marked « »;
/// an item may be `{text: …, fixed: …}` for a rule that fixes) and `pass:` (texts it must not
/// flag). The other keys belong to the kind. Decoding is strict: an unknown key, a value of the
/// wrong type, a missing key or a bad regular expression is a `RuleFileError` at the line and
/// column of the offending node.
public enum RuleFileLoader {
    /// The kinds, by their `kind:` name.
    nonisolated(unsafe) static let kinds: [any RuleFileKind.Type] = [
        ExistenceRuleFile.self, SubstitutionRuleFile.self, ConsistencyRuleFile.self, PatternRuleFile.self,
    ]
    static let commonKeys = ["kind", "description", "category", "severity", "enabled", "flag", "pass"]
    /// Files with these extensions are rule files; everything else in a folder is left alone.
    public static let fileExtensions: Set<String> = ["yml", "yaml"]

    /// Every `*.yml`/`*.yaml` rule file below `folder` (recursively, sorted, hidden files and
    /// folders skipped), as rule definitions. The id comes from the path relative to `folder`:
    /// `house/kiev.yml` → `house.kiev`. A path to a single file loads that file (id: its name).
    public static func load(folder: String) throws -> [RuleDefinition] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw RuleFileError(path: folder, line: 1, column: 1, message: "no such folder (or file) of rule files")
        }
        if !isDirectory.boolValue {
            let name = (folder as NSString).lastPathComponent
            return [try load(file: folder, id: try ruleID(forRelativePath: name, path: folder))]
        }
        var seen: [String: String] = [:]
        var definitions: [RuleDefinition] = []
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        for relative in ruleFiles(in: base) {
            let path = base + "/" + relative
            let id = try ruleID(forRelativePath: relative, path: path)
            if let other = seen[id] {
                throw RuleFileError(path: path, line: 1, column: 1,
                                    message: "rule id `\(id)` is already taken by \(other); rename one of the two files")
            }
            seen[id] = path
            definitions.append(try load(file: path, id: id))
        }
        return definitions
    }

    /// One rule file, with the id it is registered under.
    public static func load(file: String, id: String) throws -> RuleDefinition {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RuleFileError(path: file, line: 1, column: 1, message: "cannot read the rule file")
        }
        return try load(bytes: [UInt8](data), path: file, id: id)
    }

    /// A rule file's content (`path` is for messages).
    static func load(bytes: [UInt8], path: String, id: String) throws -> RuleDefinition {
        let root = try YAMLSource.parse(bytes, path: path)
        let reader = try MappingReader(root, path: path, what: "a rule")
        let kindNames = kinds.map { $0.name }
        guard reader.has("kind") else {
            var everyKey = commonKeys
            for kind in kinds { everyKey += kind.keys.filter { !everyKey.contains($0) } }
            try reader.rejectUnknownKeys(allowed: everyKey, in: "a rule file")
            throw reader.error("missing required key `kind` (one of: \(kindNames.joined(separator: ", ")))")
        }
        let kindName = try reader.choice("kind", kindNames)!.value
        let kind = kinds.first { $0.name == kindName }!
        try reader.rejectUnknownKeys(allowed: commonKeys + kind.keys, in: "a rule of kind \(kind.name)")

        let description = try reader.requiredString("description", what: "a sentence or two on what the rule flags and why")
        let category = try reader.choice("category", RuleCategory.allCases.map(\.rawValue))
            .flatMap { RuleCategory(rawValue: $0.value) } ?? .style
        let severity = try reader.choice("severity", Severity.allCases.map(\.rawValue))
            .flatMap { Severity(rawValue: $0.value) } ?? .warning
        let enabled = try reader.bool("enabled") ?? true
        let summary = description.value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")

        let rule = try kind.init(reader, summary: summary)
        let flags = try flagExamples(reader, fixes: kind.fixes)
        let passes = try passExamples(reader)
        let info = RuleInfo(id: id, category: category, defaultSeverity: severity, summary: summary,
                            enabledByDefault: enabled, flags: flags, passes: passes)
        let checker = rule.checker(info)
        return RuleDefinition(info: info, make: { _ in checker })
    }

    // MARK: Files and ids

    /// The rule files below `folder`, as sorted relative paths.
    static func ruleFiles(in folder: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            guard fileExtensions.contains((relative as NSString).pathExtension.lowercased()) else { continue }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(relative)
        }
        return files.sorted()
    }

    /// `house/kiev.yml` → `house.kiev`; names must be safe in ids (letters, digits, `-`, `_`).
    static func ruleID(forRelativePath relative: String, path: String) throws -> String {
        let withoutExtension = (relative as NSString).deletingPathExtension
        let parts = withoutExtension.split(separator: "/").map(String.init)
        for part in parts {
            let ok = !part.isEmpty && part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
            guard ok else {
                throw RuleFileError(path: path, line: 1, column: 1,
                                    message: "“\(part)” cannot be part of a rule id (the id comes from the file's path); "
                                        + "use only letters, digits, `-` and `_` in rule file and folder names")
            }
        }
        return parts.joined(separator: ".")
    }

    // MARK: Examples

    private static func flagExamples(_ reader: MappingReader, fixes: Bool) throws -> [RuleExample] {
        guard let node = reader.node("flag") else { return [] }
        let what = "example texts with the spans the rule must flag marked « »"
        return try reader.list(node, key: "flag", what: what).map { item in
            var fixed: String? = nil
            let text: Located<String>
            if case .mapping = item {
                let example = try MappingReader(item, path: reader.path, what: "an example")
                try example.rejectUnknownKeys(allowed: ["text", "fixed"], in: "a flag example")
                text = try example.requiredString("text", what: "the example text, with the flagged spans marked « »")
                if let fixedNode = example.node("fixed") {
                    guard fixes else {
                        throw reader.error(at: fixedNode, "`fixed:` is only for rules that fix (kind substitution); "
                            + "this kind only reports")
                    }
                    fixed = try example.text(fixedNode, what: "the text after the rule's fixes").value
                }
            } else {
                text = try reader.text(item, what: "an example text with the flagged spans marked « » (or {text: …, fixed: …})")
            }
            try checkMarks(text, reader: reader, node: item, flag: true)
            return RuleExample(text.value, fixed: fixed)
        }
    }

    private static func passExamples(_ reader: MappingReader) throws -> [RuleExample] {
        guard let node = reader.node("pass") else { return [] }
        return try reader.list(node, key: "pass", what: "example texts the rule must not flag").map { item in
            let text = try reader.text(item, what: "an example text the rule must not flag")
            try checkMarks(text, reader: reader, node: item, flag: false)
            return RuleExample(text.value)
        }
    }

    /// « » must pair up, not nest and not be empty; a flag example marks at least one span, a
    /// pass example none.
    private static func checkMarks(_ text: Located<String>, reader: MappingReader, node: Node, flag: Bool) throws {
        var open = false, spans = 0, length = 0
        for scalar in text.value.unicodeScalars {
            switch scalar {
            case "«":
                guard flag else { throw reader.error(at: node, "a pass example marks nothing; remove « »") }
                guard !open else { throw reader.error(at: node, "« inside «…»; marks do not nest") }
                open = true
                length = 0
            case "»":
                guard open else { throw reader.error(at: node, "» without an opening «") }
                guard length > 0 else { throw reader.error(at: node, "empty «» mark; mark the text the rule flags") }
                open = false
                spans += 1
            default:
                length += 1
            }
        }
        if open { throw reader.error(at: node, "« is never closed with »") }
        if flag && spans == 0 {
            throw reader.error(at: node, "a flag example must mark what the rule flags with « », e.g. “in «Kiev» today”")
        }
    }
}

/// What a kind of rule file provides to the loader: its keys, its decoding, its checker.
protocol RuleFileKind {
    /// The `kind:` value.
    static var name: String { get }
    /// The keys of this kind (besides the common ones).
    static var keys: [String] { get }
    /// Whether its findings carry fixes (then `flag:` examples may give `fixed:`).
    static var fixes: Bool { get }
    /// Decodes the kind's keys strictly; `summary` is the rule's description, on one line.
    init(_ reader: MappingReader, summary: String) throws
    /// The checker `RuleDefinition.make` returns: `DocumentChecking` and/or `RunJudging`.
    func checker(_ info: RuleInfo) -> any Sendable
}

// MARK: - Values shared by the kinds

extension MappingReader {
    /// A list of words or phrases (each must start with a letter or digit).
    func phrases(_ key: String, what: String) throws -> [Located<String>]? {
        guard let items = try strings(key, what: what) else { return nil }
        for item in items {
            if let problem = PhraseMatcher.problem(with: item.value) {
                throw RuleFileError(path: path, line: item.position.line, column: item.position.column,
                                    message: "“\(item.value)” in `\(key)` \(problem)")
            }
        }
        return items
    }

    /// A regular expression, compiled.
    func regex(_ node: Node, key: String, ignoreCase: Bool, anchorsMatchLines: Bool) throws -> CompiledRegex {
        let text = try text(node, what: "`\(key)`: a regular expression (ICU syntax)")
        do throws(RuleError) {
            return try CompiledRegex(text.value, ignoreCase: ignoreCase, anchorsMatchLines: anchorsMatchLines)
        } catch {
            throw self.error(at: node, "\(error.description); expected a valid regular expression (ICU syntax)")
        }
    }

    /// `ignorecase:` (default true).
    func ignoreCase(default value: Bool) throws -> Bool { try bool("ignorecase") ?? value }

    /// `message:`, or the default.
    func message(default value: String) throws -> String {
        try string("message", what: "the finding's message (%s: the matched text)")?.value ?? value
    }
}

/// `%s` (the matched text), `%r` (the replacement or the preferred form) and `%%` in messages.
enum MessageTemplate {
    static func render(_ template: String, match: String, replacement: String = "") -> String {
        let match = match.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var out = ""
        var percent = false
        for c in template {
            if percent {
                switch c {
                case "s": out += match
                case "r": out += replacement
                case "%": out.append("%")
                default: out.append("%"); out.append(c)
                }
                percent = false
            } else if c == "%" {
                percent = true
            } else {
                out.append(c)
            }
        }
        if percent { out.append("%") }
        return out
    }
}

/// Gives a replacement the case of the text it replaces: `Kiev` → `Kyiv`, `KIEV` → `KYIV`,
/// `kiev` → `kyiv` (for the swap `Kiev: Kyiv`).
enum CaseAdapter {
    static func adapt(_ replacement: String, toMatch match: String, key: String) -> String {
        if match == key { return replacement }
        let letters = match.filter(\.isLetter)
        if letters.count >= 2 && letters.allSatisfy(\.isUppercase) && !key.filter(\.isLetter).allSatisfy(\.isUppercase) {
            return replacement.uppercased()
        }
        if letters.allSatisfy({ !$0.isUppercase }) {
            // All lower case: lower-case the replacement unless the rule wrote the key in lower case too.
            return key.contains(where: \.isUppercase) ? replacement.lowercased() : replacement
        }
        if let first = letters.first, first.isUppercase, let firstOfReplacement = replacement.first {
            return firstOfReplacement.uppercased() + replacement.dropFirst()
        }
        return replacement
    }
}
