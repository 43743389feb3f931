/// Minimal ordered JSON writing, so output keys follow the documented contract exactly.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// Appends `s` quoted; runs of bytes with nothing to escape are copied whole.
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let byte = utf8[i]
            var escape: String?
            var next = utf8.index(after: i)
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped: JavaScript reads them as line ends.
                var j = next
                if j != utf8.endIndex && utf8[j] == 0x80 {
                    j = utf8.index(after: j)
                    if j != utf8.endIndex && (utf8[j] == 0xA8 || utf8[j] == 0xA9) {
                        escape = utf8[j] == 0xA8 ? "\\u2028" : "\\u2029"
                        next = utf8.index(after: j)
                    }
                }
            default: break
            }
            if let escape {
                // Slices by UTF-8 index, not by Character ("\r\n" is one Character).
                out += String(decoding: utf8[runStart..<i], as: UTF8.self)
                out += escape
                runStart = next
            }
            i = next
        }
        if runStart == utf8.startIndex {
            out += s
        } else {
            out += String(decoding: utf8[runStart...], as: UTF8.self)
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

    /// A stream for a run of values inside containers already open elsewhere, `nesting` deep,
    /// after other values of the innermost one when `afterSibling`: what it writes is exactly
    /// what the enclosing stream would have written there (see `append(fragment:)`).
    public init(pretty: Bool, nesting: Int, afterSibling: Bool, capacity: Int = 0) {
        self.init(pretty: pretty, capacity: capacity)
        started = Array(repeating: true, count: max(0, nesting - 1)) + (nesting > 0 ? [afterSibling] : [])
    }

    /// Appends what a fragment stream (made with `init(pretty:nesting:afterSibling:)` at this
    /// stream's depth) wrote.
    public mutating func append(fragment: JSONStream) {
        guard !fragment.output.isEmpty else { return }
        output += fragment.output
        if !started.isEmpty { started[started.count - 1] = true }
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
