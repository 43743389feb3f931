/// Escaping for XML and HTML attribute values and text.
enum XMLText {
    /// Escapes markup characters; with `keepLineBreaks` (HTML text shown with pre-wrap), line
    /// breaks and tabs stay as they are instead of becoming character references.
    static func escape(_ s: String, keepLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where !keepLineBreaks: out += "&apos;"
            case "\n" where !keepLineBreaks: out += "&#10;"
            case "\r" where !keepLineBreaks: out += "&#13;"
            case "\t" where !keepLineBreaks: out += "&#9;"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue  // not allowed in XML 1.0
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
