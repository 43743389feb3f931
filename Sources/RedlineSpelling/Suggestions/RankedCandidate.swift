/// One candidate correction with its ranking: one dictionary word (`keys` has one key) or
/// several (`in fact`), its edit cost and its score (higher is better).
struct RankedCandidate: Sendable {
    /// Index keys of the words, in order.
    var keys: [Int32]
    /// The words in lowercase, separated by spaces.
    var text: String
    /// Edit cost of the misspelling under the error model.
    var cost: Float
    /// Frequency-weighted score: higher is better.
    var score: Float
    /// Hunspell's spelling, for a candidate that came from Hunspell's own suggestions
    /// (then `keys` is empty).
    var hunspellSpelling: String?
}
