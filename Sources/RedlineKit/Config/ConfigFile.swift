import Foundation
import RedlineCore
import RedlineRuleFiles
import Yams

/// A problem in a configuration file, at a line and column, with what was expected.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// One `.redline.yml` as written: every key is optional; paths are as written (relative to the
/// file's folder). Decoded strictly: an unknown key or a value of the wrong type is an error
/// that names its line and column.
public struct ConfigFile: Sendable, Hashable {
    public var path: String
    public var extends: [String] = []
    public var lang: [String]?
    public var words: [String] = []
    public var dictionaries: [String] = []
    public var rulePaths: [String] = []
    /// Rule id or category → off | on | error | warning | info.
    public var rules: [String: RuleSetting] = [:]
    /// Where each `rules:` key stands (for warnings about unknown ids).
    public var ruleKeyLocations: [String: SourceLocation] = [:]
    /// House style: `names: ap`, …
    public var house: [String: String] = [:]
    public var include: [String]?
    public var exclude: [String]?
    /// Regular expressions whose matches are never reported (plain text has no comments).
    public var ignore: [String] = []
    public var failOn: String?
    public var dateField: String?
    /// `metadata: {allow: […]}`: an outlet's real standard lines that are not template residue.
    public var metadataAllow: [String] = []

    public static let keys = ["extends", "lang", "words", "dictionaries", "rule_paths", "rules", "house", "include",
                              "exclude", "ignore", "fail_on", "date_field", "metadata"]

    /// Reads and checks one file.
    public static func load(_ path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, line: 1, column: 1, message: "cannot read the configuration file")
        }
        var file = ConfigFile(path: path)
        // The rule files' strict reader: UTF-8 errors, bad YAML, tabs, duplicate keys, anchors
        // and deep nesting all come back with their line and column.
        let root: Node?
        do {
            root = try YAMLSource.compose([UInt8](data), path: path, kind: "configuration file")
        } catch {
            throw ConfigError(path: error.path, line: error.line, column: error.column, message: error.message)
        }
        guard let root else { return file }  // an empty file configures nothing
        let reader = NodeReader(path: path)
        guard case .mapping(let mapping) = root else {
            throw reader.error(root, "expected a mapping of settings (key: value) at the top level")
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw reader.error(keyNode, "expected a setting name") }
            switch key {
            case "extends": file.extends = try reader.strings(value, key)
            case "lang": file.lang = try reader.strings(value, key)
            case "words": file.words = try reader.strings(value, key)
            case "dictionaries": file.dictionaries = try reader.strings(value, key)
            case "rule_paths": file.rulePaths = try reader.strings(value, key)
            case "include": file.include = try reader.strings(value, key)
            case "exclude": file.exclude = try reader.strings(value, key)
            case "ignore":
                file.ignore = try reader.strings(value, key)
                for (i, pattern) in file.ignore.enumerated() where (try? NSRegularExpression(pattern: pattern)) == nil {
                    let node = value.sequence.map { Array($0)[i] } ?? value
                    throw reader.error(node, "ignore: '\(pattern)' is not a valid regular expression")
                }
            case "fail_on":
                let v = try reader.string(value, key)
                guard ["error", "warning", "info", "never"].contains(v) else {
                    throw reader.error(value, "fail_on: expected error, warning, info or never, got '\(v)'")
                }
                file.failOn = v
            case "date_field": file.dateField = try reader.string(value, key)
            case "metadata":
                guard case .mapping(let m) = value else { throw reader.error(value, "metadata: expected a mapping such as {allow: [lines]}") }
                for (k, v) in m {
                    guard k.scalar?.string == "allow" else {
                        throw reader.error(k, "metadata: unknown setting '\(k.scalar?.string ?? "?")'; expected allow")
                    }
                    file.metadataAllow = try reader.strings(v, "metadata.allow")
                }
            case "house":
                guard case .mapping(let m) = value else { throw reader.error(value, "house: expected a mapping such as {names: ap}") }
                for (k, v) in m {
                    guard let name = k.scalar?.string else { throw reader.error(k, "house: expected a setting name") }
                    file.house[name] = try reader.string(v, "house.\(name)")
                }
            case "rules":
                guard case .mapping(let m) = value else {
                    throw reader.error(value, "rules: expected a mapping of rule ids or categories to off, on, error, warning or info")
                }
                for (k, v) in m {
                    guard let id = k.scalar?.string else { throw reader.error(k, "rules: expected a rule id or category") }
                    let word = try reader.string(v, "rules.\(id)")
                    let setting: RuleSetting
                    switch word {
                    case "off", "false": setting = .off
                    case "on", "true": setting = .on
                    case "error": setting = .severity(.error)
                    case "warning": setting = .severity(.warning)
                    case "info": setting = .severity(.info)
                    default: throw reader.error(v, "rules.\(id): expected off, on, error, warning or info, got '\(word)'")
                    }
                    file.rules[id] = setting
                    if let mark = k.mark { file.ruleKeyLocations[id] = SourceLocation(line: mark.line, column: mark.column) }
                }
            default:
                let near = keys.min { editDistanceASCII($0, key) < editDistanceASCII($1, key) }
                let hint = near.map { editDistanceASCII($0, key) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
                throw reader.error(keyNode, "unknown setting '\(key)'\(hint); expected one of: \(keys.joined(separator: ", "))")
            }
        }
        return file
    }
}

/// Typed reads from a Yams node, with errors at the node's position.
struct NodeReader {
    let path: String

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "\(key): expected a single value") }
        return s.string
    }

    /// A single string or a list of strings.
    func strings(_ node: Node, _ key: String) throws -> [String] {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? [] : [s.string]
        case .sequence(let seq):
            return try seq.map { item in
                guard case .scalar(let s) = item else { throw error(item, "\(key): expected a list of values") }
                return s.string
            }
        default: throw error(node, "\(key): expected a value or a list of values")
        }
    }
}

/// Levenshtein distance for short ASCII setting names ("did you mean").
func editDistanceASCII(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8), y = Array(b.utf8)
    var row = Array(0...y.count)
    for i in 1...max(1, x.count) where !x.isEmpty {
        var prev = row[0]
        row[0] = i
        for j in 1...max(1, y.count) where !y.isEmpty {
            let cur = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
            prev = cur
        }
    }
    return row[y.count]
}
