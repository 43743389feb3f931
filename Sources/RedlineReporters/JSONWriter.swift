/// Minimal ordered JSON writing, so output keys follow the documented contract exactly.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
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
        return out + "\""
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
        switch self {
        case .string(let s): return JSONWriter.quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { $0.render() }.joined(separator: ",") + "]" }
            let pad = String(repeating: "  ", count: indent + 1)
            return "[\n" + items.map { pad + $0.render(pretty: true, indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            if !pretty { return "{" + pairs.map { JSONWriter.quote($0.0) + ":" + $0.1.render() }.joined(separator: ",") + "}" }
            let pad = String(repeating: "  ", count: indent + 1)
            return "{\n" + pairs.map { pad + JSONWriter.quote($0.0) + ": " + $0.1.render(pretty: true, indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }
}
