import Foundation
import RedlineCore
import Yams

/// A 1-based line and column in a rule file (columns count Unicode scalar values, as libyaml does).
struct FilePosition: Hashable, Sendable {
    var line: Int
    var column: Int
    static let start = FilePosition(line: 1, column: 1)
}

/// A value read from a rule file, with the position of the node it came from.
struct Located<Value> {
    var value: Value
    var position: FilePosition
}

/// Turns a rule file's bytes into a YAML node tree; every problem becomes a `RuleFileError`.
///
/// Yams' `Decodable` errors carry no positions, so the kinds are decoded by walking the
/// composed `Node` tree (whose nodes carry marks) with `MappingReader`.
public enum YAMLSource {
    /// Larger files are refused (a rule file is a few hundred lines at most).
    static let maxBytes = 1 << 20
    /// Deeper nesting is refused before the (recursive) composer sees it.
    static let maxNesting = 64
    /// At most this many nodes are walked (aliases could make a small text stand for a huge tree).
    static let maxNodes = 200_000

    static func parse(_ data: [UInt8], path: String) throws -> Node {
        guard let root = try compose(data, path: path, kind: "rule file") else {
            throw RuleFileError(path: path, line: 1, column: 1,
                                message: "empty rule file; expected a mapping with at least `kind:` and `description:`")
        }
        return root
    }

    /// Strict YAML for Redline's own files (rule files, `.redline.yml`): UTF-8 only (the bad
    /// byte's position otherwise), bounded size and nesting, no anchors or aliases, no duplicate
    /// keys, every error at its line and column. Nil for an empty document. `kind` names the
    /// file in messages.
    public static func compose(_ data: [UInt8], path: String, kind: String) throws(RuleFileError) -> Node? {
        func fail(_ position: FilePosition, _ message: String) -> RuleFileError {
            RuleFileError(path: path, line: position.line, column: position.column, message: message)
        }
        guard data.count <= maxBytes else {
            throw fail(.start, "\(kind) is larger than \(maxBytes / 1024) KB")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw fail(position(ofByte: bad, in: bytes),
                       "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the \(kind) as UTF-8")
        }
        if let deep = tooDeep(bytes) {
            throw fail(deep, "nested more than \(maxNesting) levels deep; expected a flat mapping of settings")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw describe(error, text: text, bytes: bytes, path: path)
        } catch {
            throw fail(.start, "not valid YAML: \(error)")
        }
        guard let root else { return nil }
        // Nodes hold their anchors weakly: look for them while the parser keeps them alive.
        do {
            try withExtendedLifetime(parser) {
                var budget = maxNodes
                try rejectAnchors(root, path: path, kind: kind, budget: &budget)
            }
        } catch let error as RuleFileError {
            throw error
        } catch {
            throw fail(.start, "\(error)")
        }
        return root
    }

    /// Position of a byte offset (columns in Unicode scalars).
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> FilePosition {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return FilePosition(line: line, column: column)
    }

    /// Where the nesting (indentation or flow brackets) first exceeds the limit, if it does.
    private static func tooDeep(_ bytes: [UInt8]) -> FilePosition? {
        var flow = 0
        var line = 1
        var i = 0
        while i < bytes.count {
            var indent = 0
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == UInt8(ascii: "-")) { indent += 1; i += 1 }
            if indent / 2 > maxNesting { return FilePosition(line: line, column: 1) }
            var column = indent + 1
            while i < bytes.count && bytes[i] != 0x0A {
                let b = bytes[i]
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    flow += 1
                    if flow > maxNesting { return FilePosition(line: line, column: column) }
                } else if (b == UInt8(ascii: "]") || b == UInt8(ascii: "}")) && flow > 0 {
                    flow -= 1
                }
                if b & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            i += 1
            line += 1
        }
        return nil
    }

    private static func rejectAnchors(_ node: Node, path: String, kind: String, budget: inout Int) throws {
        budget -= 1
        if node.anchor != nil || budget < 0 {
            throw RuleFileError.at(node, path: path, budget < 0
                ? "\(kind) is too large a YAML tree"
                : "anchors and aliases (`&name`, `*name`) are not supported in a \(kind); write the value out")
        }
        switch node {
        case .scalar: return
        case .alias: throw RuleFileError.at(node, path: path, "aliases (`*name`) are not supported in a \(kind); write the value out")
        case .sequence(let s): for item in s { try rejectAnchors(item, path: path, kind: kind, budget: &budget) }
        case .mapping(let m):
            for (k, v) in m {
                try rejectAnchors(k, path: path, kind: kind, budget: &budget)
                try rejectAnchors(v, path: path, kind: kind, budget: &budget)
            }
        }
    }

    private static func describe(_ error: YamlError, text: String, bytes: [UInt8], path: String) -> RuleFileError {
        func make(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> RuleFileError {
            var message = "not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            if isTab(at: mark, bytes) || problem.contains("tab") {
                message += "; YAML does not allow tabs for indentation, use spaces"
            }
            return RuleFileError(path: path, line: max(mark.line, 1), column: max(mark.column, 1), message: message)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return RuleFileError(path: path, line: max(context.mark.line, 1), column: max(context.mark.column, 1),
                                 message: "key \(keys) appears more than once in a mapping; expected each key once")
        case let .reader(problem, offset, _, _):
            var position = FilePosition.start
            if let offset, offset <= text.count {
                let index = text.index(text.startIndex, offsetBy: offset)
                position = Self.position(ofByte: text.utf8.distance(from: text.startIndex, to: index), in: bytes)
            }
            return RuleFileError(path: path, line: position.line, column: position.column, message: "not valid YAML: \(problem)")
        default:
            return RuleFileError(path: path, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }

    private static func isTab(at mark: Mark, _ bytes: [UInt8]) -> Bool {
        var line = 1, i = 0
        while i < bytes.count && line < mark.line { if bytes[i] == 0x0A { line += 1 }; i += 1 }
        var column = 1
        while i < bytes.count && column < mark.column && bytes[i] != 0x0A {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // The scanner reports the tab itself or the token right after the indentation.
        var j = i
        while j > 0 && bytes[j - 1] != 0x0A { j -= 1 }
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { if bytes[j] == 0x09 { return true }; j += 1 }
        return i < bytes.count && bytes[i] == 0x09
    }
}

extension RuleFileError {
    /// An error at a node's position.
    static func at(_ node: Node, path: String, _ message: String) -> RuleFileError {
        let p = node.position
        return RuleFileError(path: path, line: p.line, column: p.column, message: message)
    }
}

extension Node {
    var position: FilePosition {
        guard let mark else { return .start }
        return FilePosition(line: max(mark.line, 1), column: max(mark.column, 1))
    }

    /// The resolved tag (`Tag.name` is not public).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }

    /// What a node is, for "expected …, found …" messages.
    var kindDescription: String {
        switch self {
        case .scalar(let s):
            switch tagName {
            case .null: return "nothing (null)"
            case .bool: return "a true/false value"
            case .int, .float: return "a number"
            default:
                let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
                return "text “\(text)”"
            }
        case .mapping: return "a mapping (key: value)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The keys of one YAML mapping, read strictly: unknown keys, wrong types and missing keys are
/// errors at the offending node.
struct MappingReader {
    let path: String
    let position: FilePosition
    private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []

    /// `what` names the mapping in messages ("a rule", "an example").
    init(_ node: Node, path: String, what: String) throws {
        self.path = path
        position = node.position
        guard case .mapping(let mapping) = node else {
            throw RuleFileError.at(node, path: path, "expected \(what) (a mapping of keys to values), found \(node.kindDescription)")
        }
        for (k, v) in mapping {
            guard case .scalar(let key) = k, k.tagName != .null else {
                throw RuleFileError.at(k, path: path, "expected a key (a name such as `kind`), found \(k.kindDescription)")
            }
            entries.append((key.string, k, v))
        }
    }

    func node(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    func error(_ message: String) -> RuleFileError {
        RuleFileError(path: path, line: position.line, column: position.column, message: message)
    }

    func error(at node: Node, _ message: String) -> RuleFileError { RuleFileError.at(node, path: path, message) }

    /// Throws at the first key (in file order) that is not in `allowed`.
    func rejectUnknownKeys(allowed: [String], in context: String) throws {
        for entry in entries where !allowed.contains(entry.key) {
            var message = "unknown key `\(entry.key)` in \(context)"
            if let near = Self.nearest(entry.key, in: allowed) { message += " (did you mean `\(near)`?)" }
            message += "; expected one of: " + allowed.joined(separator: ", ")
            throw error(at: entry.keyNode, message)
        }
    }

    /// A key within two edits of `key`, if there is one.
    static func nearest(_ key: String, in candidates: [String]) -> String? {
        let best = candidates.map { ($0, editDistance(key.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, min(2, key.count / 3)) else { return nil }
        return best.0
    }

    /// Edits (insertions, deletions, substitutions, swaps of neighbours) from `a` to `b`.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    // MARK: Typed values

    /// A text value (any scalar but null: `yes` and `5` are read as the text they are).
    func text(_ node: Node, what: String) throws -> Located<String> {
        guard case .scalar(let s) = node, node.tagName != .null else {
            throw error(at: node, "expected \(what) (text), found \(node.kindDescription)")
        }
        return Located(value: s.string, position: node.position)
    }

    func string(_ key: String, what: String) throws -> Located<String>? {
        guard let node = node(key) else { return nil }
        let value = try text(node, what: "`\(key)`: \(what)")
        if value.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw error(at: node, "`\(key)` is empty; expected \(what)")
        }
        return value
    }

    func requiredString(_ key: String, what: String) throws -> Located<String> {
        guard let value = try string(key, what: what) else {
            throw error("missing required key `\(key)` (\(what))")
        }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let node = node(key) else { return nil }
        guard node.tagName == .bool, let value = node.bool else {
            throw error(at: node, "expected `\(key)` to be true or false, found \(node.kindDescription)")
        }
        return value
    }

    func int(_ node: Node, key: String, minimum: Int) throws -> Int {
        guard node.tagName == .int, let value = node.int, value >= minimum else {
            throw error(at: node, "expected `\(key)` to be a whole number of at least \(minimum), found \(node.kindDescription)")
        }
        return value
    }

    /// One of a fixed set of words.
    func choice(_ key: String, _ choices: [String]) throws -> Located<String>? {
        guard let node = node(key) else { return nil }
        let listed = choices.map { "`\($0)`" }.joined(separator: ", ")
        let value = try text(node, what: "`\(key)`: one of \(listed)")
        guard choices.contains(value.value) else {
            var message = "`\(key)` cannot be “\(value.value)”"
            if let near = Self.nearest(value.value, in: choices) { message += " (did you mean `\(near)`?)" }
            throw error(at: node, message + "; expected one of \(listed)")
        }
        return value
    }

    /// The items of a list (a sequence node).
    func list(_ node: Node, key: String, what: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(at: node, "expected `\(key)` to be a list of \(what) (`- item` lines or `[a, b]`), found \(node.kindDescription)")
        }
        return Array(sequence)
    }

    /// A list of non-empty texts.
    func strings(_ key: String, what: String) throws -> [Located<String>]? {
        guard let node = node(key) else { return nil }
        return try list(node, key: key, what: what).map { item in
            let value = try text(item, what: "an item of `\(key)`: \(what)")
            if value.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw error(at: item, "empty item in `\(key)`; expected \(what)")
            }
            return value
        }
    }
}
