/// Ranked spelling suggestions, and whether the first is clearly the one meant.
public struct Suggestions: Sendable, Hashable {
    public var words: [String]
    /// True when the first suggestion is safe to apply as a fix.
    public var isConfident: Bool
    public init(words: [String], isConfident: Bool) {
        self.words = words
        self.isConfident = isConfident
    }
}
