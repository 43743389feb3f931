/// Minimal ordered JSON writing, so output keys follow the documented contract exactly.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// Appends `s` quoted; strings with nothing to escape (most) are copied whole.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// A JSON value built in memory and printed with keys in insertion order.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

    /// Compact JSON, or indented by two spaces per level.
    public func render(pretty: Bool = false, indent: Int = 0) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: indent)
        return out
    }

    /// Appends the JSON text to `out` (one buffer for the whole document).
    public func write(into out: inout String, pretty: Bool = false, indent: Int = 0) {
        switch self {
        case .string(let s): JSONWriter.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += pretty ? "[\n" : "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += pretty ? ",\n" : "," }
                if pretty { Self.pad(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n"; Self.pad(&out, indent) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += pretty ? "{\n" : "{"
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out += pretty ? ",\n" : "," }
                if pretty { Self.pad(&out, indent + 1) }
                JSONWriter.quote(pair.0, into: &out)
                out += pretty ? ": " : ":"
                pair.1.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n"; Self.pad(&out, indent) }
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ levels: Int) {
        for _ in 0..<levels { out += "  " }
    }
}

/// JSON written as it is produced, with the same layout as `JSONValue.render` (keys in the
/// order written; pretty: two spaces per level): large reports are not built as a tree first.
public struct JSONStream {
    public private(set) var output = ""
    private let pretty: Bool
    /// Per open container: whether anything has been written in it yet.
    private var started: [Bool] = []
    /// Set after `key`: the next value goes on the key's line.
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        output.reserveCapacity(capacity)
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard !started.isEmpty else { return }
        if started[started.count - 1] { output += pretty ? ",\n" : "," } else if pretty { output += "\n" }
        started[started.count - 1] = true
        if pretty { for _ in 0..<started.count { output += "  " } }
    }

    private mutating func end(_ closer: String, empty: String) {
        let wrote = started.removeLast()
        if !wrote {
            // An empty container: "[]" / "{}" on one line (its opener is already written).
            output.removeLast()
            output += empty
            return
        }
        if pretty {
            output += "\n"
            for _ in 0..<started.count { output += "  " }
        }
        output += closer
    }

    public mutating func beginObject() { beginValue(); output += "{"; started.append(false) }
    public mutating func endObject() { end("}", empty: "{}") }
    public mutating func beginArray() { beginValue(); output += "["; started.append(false) }
    public mutating func endArray() { end("]", empty: "[]") }

    public mutating func key(_ name: String) {
        beginValue()
        JSONWriter.quote(name, into: &output)
        output += pretty ? ": " : ":"
        afterKey = true
    }

    public mutating func string(_ s: String) { beginValue(); JSONWriter.quote(s, into: &output) }
    public mutating func int(_ i: Int) { beginValue(); output += String(i) }

    public mutating func field(_ name: String, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: String, _ i: Int) { key(name); int(i) }
}
