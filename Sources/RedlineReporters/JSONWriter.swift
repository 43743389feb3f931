/// Minimal ordered JSON writing, so output keys follow the documented contract exactly.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// Appends `s` quoted, as UTF-8 bytes; runs of bytes with nothing to escape are copied whole.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            out.append(0x22)
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                var escape: StaticString?
                var next = i + 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0..<0x20: escape = ""
                case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    // U+2028 and U+2029: JavaScript reads them as line ends.
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    next = i + 3
                default: break
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    if escape.utf8CodeUnitCount == 0 {
                        let hex = Array("0123456789abcdef".utf8)
                        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                    } else {
                        escape.withUTF8Buffer { out.append(contentsOf: $0) }
                    }
                    runStart = next
                }
                i = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
            out.append(0x22)
        }
    }

    /// Appends `s` quoted.
    public static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
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
/// The text is kept as UTF-8 bytes (appending to a `String` piece by piece cost more than the
/// rest of writing a report).
public struct JSONStream {
    private var bytes: [UInt8] = []
    private let pretty: Bool
    /// Per open container: whether anything has been written in it yet.
    private var started: [Bool] = []
    /// Set after `key`: the next value goes on the key's line.
    private var afterKey = false

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
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
        guard !fragment.bytes.isEmpty else { return }
        bytes += fragment.bytes
        if !started.isEmpty { started[started.count - 1] = true }
    }

    @inline(__always) private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func indent(_ levels: Int) {
        for _ in 0..<levels { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard !started.isEmpty else { return }
        if started[started.count - 1] { raw(pretty ? ",\n" : ",") } else if pretty { bytes.append(0x0A) }
        started[started.count - 1] = true
        if pretty { indent(started.count) }
    }

    private mutating func end(_ closer: UInt8) {
        let wrote = started.removeLast()
        if !wrote {
            // An empty container: "[]" / "{}" on one line (its opener is already written).
            bytes.append(closer)
            return
        }
        if pretty {
            bytes.append(0x0A)
            indent(started.count)
        }
        bytes.append(closer)
    }

    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); started.append(false) }
    public mutating func endObject() { end(UInt8(ascii: "}")) }
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); started.append(false) }
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        beginValue()
        JSONWriter.quote(name, into: &bytes)
        raw(pretty ? ": " : ":")
        afterKey = true
    }

    public mutating func string(_ s: String) { beginValue(); JSONWriter.quote(s, into: &bytes) }

    public mutating func int(_ i: Int) {
        beginValue()
        if i >= 0 && i < 10 { bytes.append(0x30 + UInt8(i)); return }
        bytes.append(contentsOf: String(i).utf8)
    }

    public mutating func field(_ name: String, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: String, _ i: Int) { key(name); int(i) }
}
