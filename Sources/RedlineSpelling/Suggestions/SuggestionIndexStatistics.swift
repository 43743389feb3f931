/// What building the suggestion index cost: for benchmarks and diagnostics.
public struct SuggestionIndexStatistics: Sendable, Hashable {
    /// Seconds spent reading the dictionaries and building the index.
    public var buildSeconds: Double
    /// Approximate bytes the index holds.
    public var memoryBytes: Int
    /// Distinct lowercase word forms indexed.
    public var wordForms: Int
    /// Trie nodes.
    public var nodes: Int
    /// Seconds spent building the sound-alike index (English dictionaries; 0 when already built).
    public var phoneticBuildSeconds: Double = 0
    /// Whether the index was read from the index cache (`buildSeconds` is then the reading).
    public var loadedFromCache = false
}
