import RedlineCore
import RedlineText

/// Turns a source file into a `Document`: picks the reader by extension, then tokenizes.
public enum DocumentBuilder {
    public static func format(forPath path: String) -> DocumentFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .plainText
    }

    public static func build(_ source: SourceFile, format: DocumentFormat) -> Document {
        let read = format == .markdown ? MarkdownReader.read(source) : PlainTextReader.read(source)
        let tokens = Tokenizer.tokenize(read.checkable, blocks: read.blocks)
        return Document(source: source, format: format, frontMatter: read.frontMatter, checkable: read.checkable,
                        blocks: read.blocks, tokens: tokens, directives: read.directives,
                        readerNotes: read.problems)
    }
}
