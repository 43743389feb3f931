/// What the spelling rules were given: the base dictionaries and the extra word lists (house
/// lists, the repository's list, `--words`), so rules can build their own indexes over them.
public struct SpellingResources: Sendable {
    /// One loaded word list.
    public struct WordListFile: Sendable {
        public var path: String
        public var words: [String]
        public init(path: String, words: [String]) {
            self.path = path
            self.words = words
        }
        /// The file name without folder or extension ("public-figures").
        public var name: String {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
        }
    }

    public var dictionaries: [DictionaryFiles]
    public var wordLists: [WordListFile]
    /// Every extra word, in load order.
    public var extraWords: [String] { wordLists.flatMap(\.words) }
    /// Whether more than one base dictionary is in use (e.g. en_US and en_GB together).
    public var isMultiDialect: Bool { dictionaries.count > 1 }

    public init(dictionaries: [DictionaryFiles], wordLists: [WordListFile]) {
        self.dictionaries = dictionaries
        self.wordLists = wordLists
    }
}
