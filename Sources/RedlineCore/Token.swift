/// What a token is. Only `.word` tokens are spell-checked.
public enum TokenKind: UInt8, Sendable, Codable {
    /// Letters, with inner apostrophes, hyphens, periods of abbreviations ("U.S.", "Kyiv’s", "well-known").
    case word
    /// A number with whatever is glued to it: "23", "1,500", "£1.5bn", "20km", "4th", "14:30", "2025-07-04", "50%".
    case number
    /// A web address: "https://…", "www.…", or a bare domain such as "bbc.co.uk".
    case url
    case email
    /// "@handle"
    case handle
    /// "#hashtag"
    case hashtag
    /// "report.pdf", "index.html"
    case fileName
    /// One punctuation or symbol character ("," "(" "—" "%" …).
    case punctuation
}

/// Facts about a token's shape, computed once by the tokenizer.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// First letter upper case ("Kyiv", "NATO").
    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Every letter upper case and at least two letters ("NATO", "US").
    public static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// Holds an apostrophe (straight or curly) between letters.
    public static let apostrophe = TokenFlags(rawValue: 1 << 2)
    /// Holds a hyphen between parts ("well-known").
    public static let hyphenated = TokenFlags(rawValue: 1 << 3)
    /// Periods inside or after single letters ("U.S.", "a.m.").
    public static let abbreviation = TokenFlags(rawValue: 1 << 4)
    /// First word token of a sentence (after ., !, ? or at the start of a block).
    public static let sentenceStart = TokenFlags(rawValue: 1 << 5)
    /// Holds a letter outside ASCII.
    public static let nonASCII = TokenFlags(rawValue: 1 << 6)
    /// Number shapes.
    public static let currency = TokenFlags(rawValue: 1 << 7)
    public static let percent = TokenFlags(rawValue: 1 << 8)
    public static let ordinal = TokenFlags(rawValue: 1 << 9)
    /// A unit or scale glued to the digits ("20km", "5m", "1.5bn").
    public static let suffixed = TokenFlags(rawValue: 1 << 10)
    public static let time = TokenFlags(rawValue: 1 << 11)
    public static let date = TokenFlags(rawValue: 1 << 12)
    /// Letters and digits mixed in a code-like way ("MP3", "COVID-19").
    public static let alphanumeric = TokenFlags(rawValue: 1 << 13)
    /// Ends a sentence (set on ".", "!", "?" punctuation).
    public static let sentenceEnd = TokenFlags(rawValue: 1 << 14)
}

/// One token of a document's checkable text.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var flags: TokenFlags
    /// Index into `Document.blocks` of the block that holds the token.
    public var block: Int32
    public var span: Span

    public init(kind: TokenKind, flags: TokenFlags, block: Int32, span: Span) {
        self.kind = kind
        self.flags = flags
        self.block = block
        self.span = span
    }
}
