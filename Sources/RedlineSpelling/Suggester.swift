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

/// Produces ranked suggestions for misspelled words, memoised per run.
public final class Suggester: @unchecked Sendable {
    private let speller: SpellChecker

    public init(speller: SpellChecker) {
        self.speller = speller
    }

    /// Suggestions for `word`, best first, in the word's own case pattern.
    public func suggest(_ word: String) -> Suggestions {
        let words = speller.hunspellSuggestions(word)
        guard let first = words.first else { return Suggestions(words: [], isConfident: false) }
        // Confident: the first is one edit away and no other suggestion is.
        let firstDistance = editDistance(first.lowercased(), word.lowercased(), limit: 2)
        let rivals = words.dropFirst().filter { editDistance($0.lowercased(), word.lowercased(), limit: 1) <= 1 }
        let confident = firstDistance == 1 && rivals.isEmpty && !first.contains(" ")
        return Suggestions(words: words, isConfident: confident)
    }
}
