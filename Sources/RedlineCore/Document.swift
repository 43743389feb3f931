/// Which reader produced a document.
public enum DocumentFormat: String, Sendable, Codable {
    case plainText = "text"
    case markdown
}

/// A unit of prose: a paragraph, heading, table cell, or a checked front-matter value.
public struct Block: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        case tableCell
        /// The value of a front-matter field (`title`, `description`, `summary`).
        case frontMatter(key: String)
    }
    public var kind: Kind
    /// From the first to the last checkable byte of the block.
    public var span: Span
    /// Inside a list item.
    public var inList: Bool
    /// Inside a block quote.
    public var inQuote: Bool

    public init(kind: Kind, span: Span, inList: Bool = false, inQuote: Bool = false) {
        self.kind = kind
        self.span = span
        self.inList = inList
        self.inQuote = inQuote
    }
}

/// A `<!-- redline-… -->` comment found in Markdown.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case disable, enable, disableNextLine
        /// `<!-- redline-accept WORD… -->`: words the spelling rules accept in this document.
        case acceptWords
    }
    public var action: Action
    /// Rule ids or categories named (empty means every rule); for `acceptWords`, the words.
    public var rules: [String]
    /// 0-based line of the comment.
    public var line: Int
    public init(action: Action, rules: [String], line: Int) {
        self.action = action
        self.rules = rules
        self.line = line
    }
}

/// A parsed article: its source, what may be checked, its blocks and tokens.
///
/// `checkable` has the same length as `source.bytes`; every byte that must not be checked
/// (Markdown syntax, code, HTML, link targets, front-matter keys) is replaced by a space and
/// every line end is kept, so offsets in it are offsets in the source.
public struct Document: Sendable {
    public let source: SourceFile
    public let format: DocumentFormat
    public let frontMatter: FrontMatter?
    public let checkable: [UInt8]
    public let blocks: [Block]
    public let tokens: [Token]
    public let directives: [SuppressionDirective]
    /// Problems the reader met (front matter that does not parse, …), reported by a rule.
    public let readerNotes: [ReaderNote]

    public init(source: SourceFile, format: DocumentFormat, frontMatter: FrontMatter?, checkable: [UInt8],
                blocks: [Block], tokens: [Token], directives: [SuppressionDirective] = [], readerNotes: [ReaderNote] = []) {
        precondition(checkable.count == source.bytes.count)
        self.source = source
        self.format = format
        self.frontMatter = frontMatter
        self.checkable = checkable
        self.blocks = blocks
        self.tokens = tokens
        self.directives = directives
        self.readerNotes = readerNotes
    }

    public var path: String { source.path }

    /// The source text of a token.
    public func text(_ token: Token) -> String { source.text(token.span) }

    /// The source text of a span.
    public func text(_ span: Span) -> String { source.text(span) }

    /// Index ranges into `tokens`, one per block, in block order.
    public func tokenRangesByBlock() -> [Range<Int>] {
        var ranges = [Range<Int>](repeating: 0..<0, count: blocks.count)
        var i = 0
        while i < tokens.count {
            let b = Int(tokens[i].block)
            var j = i + 1
            while j < tokens.count && Int(tokens[j].block) == b { j += 1 }
            ranges[b] = i..<j
            i = j
        }
        return ranges
    }
}

/// YAML front matter: the fields as strings, with the source span of each value.
public struct FrontMatter: Sendable {
    /// One field; `value` is the scalar's text (or a flattened list), `span` where the value stands.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String
        public var span: Span?
        public init(key: String, value: String, span: Span?) {
            self.key = key
            self.value = value
            self.span = span
        }
    }
    /// Span of the whole front matter, both `---` lines included.
    public var span: Span
    public var fields: [Field]

    public init(span: Span, fields: [Field]) {
        self.span = span
        self.fields = fields
    }

    public subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    /// The values of a field that holds a list (the reader joins list items with ", ").
    public func list(_ key: String) -> [String] {
        guard let value = self[key] else { return [] }
        return value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
    }
}

/// Something a format reader could not read as expected, at a span of the source.
public struct ReaderNote: Sendable, Hashable {
    public var message: String
    public var span: Span
    public init(message: String, span: Span) {
        self.message = message
        self.span = span
    }
}
