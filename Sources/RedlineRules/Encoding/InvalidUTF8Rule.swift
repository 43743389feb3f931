import RedlineCore

/// `encoding.invalid-utf8`: the file is not valid UTF-8 (often Latin-1 or Windows-1252).
///
/// Reported once, at the first bad byte. The file is still checked, decoded leniently, but no
/// fix is ever written to it.
public struct InvalidUTF8Rule: DocumentRule {
    public static let info = RuleInfo(
        id: "encoding.invalid-utf8",
        category: .encoding,
        defaultSeverity: .error,
        summary: "The file is not valid UTF-8. It is checked as if it were Windows-1252 (Latin-1), "
            + "and Redline never rewrites it; convert it to UTF-8."
    )

    public init(environment: RuleEnvironment) throws {}

    public func check(_ document: Document, options: CheckOptions) -> [Finding] {
        guard let bad = document.source.encodingError else { return [] }
        // The span covers the decoded character that stood for the bad byte.
        var end = bad.offset + 1
        let bytes = document.source.bytes
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        if bad.encoding.hasPrefix("UTF-16") {
            return [Finding(Self.info, span: Span(bad.offset, end),
                            message: "the file is \(bad.encoding) (it starts with a byte-order mark), not UTF-8; "
                                + "checked as decoded and not rewritten; save it as UTF-8")]
        }
        let hex = String(bad.byte, radix: 16, uppercase: true)
        return [Finding(Self.info, span: Span(bad.offset, end),
                        message: "not valid UTF-8: byte 0x\(hex) at byte offset \(bad.originalOffset); "
                            + "read as Windows-1252 and not rewritten")]
    }
}
