/// The costs and weights the suggestion ranking uses, in "edits": a plain substitution,
/// insertion or omission costs 1. The defaults were tuned on a development list of typos
/// (not on the benchmark used to measure the result).
public struct SuggestionWeights: Sendable, Hashable {
    /// Weight of a candidate's Zipf frequency (log10 per billion words) against edit cost.
    public var frequency: Float = 0.34
    /// How far below the frequency list's rarest word a dictionary word it lacks is put (Zipf).
    public var unlistedBelowFloor: Float = 0.35
    /// How far below the list's rarest word an extra word (house list) it lacks is put.
    public var extraWordBelowFloor: Float = 1.0
    public var substitution: Float = 1.0
    public var insertion: Float = 1.0
    public var omission: Float = 0.4
    /// One vowel written for another (seperate → separate).
    public var vowelSubstitution: Float = 0.7
    /// Letters that sound alike (c/k, c/s, s/z, g/j, i/y, …).
    public var phoneticSubstitution: Float = 0.6
    /// Neighbouring keys on the keyboard.
    public var keyboardSubstitution: Float = 0.85
    /// The same letter with or without an accent (cafe → café).
    public var accentSubstitution: Float = 0.15
    /// A letter doubled or undoubled (accomodate → accommodate).
    public var doubling: Float = 0.3
    /// A vowel added.
    public var vowelInsertion: Float = 0.85
    /// A vowel left out.
    public var vowelOmission: Float = 0.55
    /// An apostrophe left out or added (dont → don't).
    public var apostrophe: Float = 0.3
    /// Two neighbouring letters swapped (teh → the).
    public var transposition: Float = 0.55
    /// Two neighbouring vowels swapped (recieve → receive).
    public var vowelTransposition: Float = 0.35
    /// A letter group from the dictionary's `REP` table (f → ph, alot → a lot).
    public var replacement: Float = 0.6
    /// Extra cost of an edit to the first letter (people rarely get it wrong).
    public var firstLetter: Float = 0.5
    /// Extra cost of swapping the first two letters (hte → the).
    public var firstTransposition: Float = 0.0
    /// Extra cost of an edit to the last letter (endings are usually right: plurals, tenses).
    public var lastLetter: Float = 0.2
    /// Extra cost of leaving out the last letter of the word meant (goverment → governments).
    public var finalOmission: Float = 0.6
    /// Bonus (less cost) for a candidate that sounds like the misspelling (English dictionaries).
    public var soundsAlike: Float = 0.3
    /// Cost of splitting a word in two (infact → in fact), besides the words' joint frequency.
    public var split: Float = 0.3
    /// Extra cost of a word the dictionary has only with capitals (a name) for a misspelling
    /// in lowercase.
    public var caseMismatch: Float = 0.5
    /// Words with another first letter are searched within two edits (not one) only when no
    /// candidate costs this little.
    public var widerSearchCost: Float = 1.2
    /// The irregular form meant by an over-regularised one (teached → taught).
    public var irregularForm: Float = 0.5
    /// Score margin over the second candidate for the first to count as confident.
    public var confidenceMargin: Float = 1.2
    /// Or: every other candidate costs this much more than the first…
    public var confidenceCostGap: Float = 0.95
    /// …and the first is ahead by at least this score margin.
    public var confidenceGapMargin: Float = 0.7
    /// Score margin enough when the first is the misspelling with two letters swapped back.
    public var confidenceSwapMargin: Float = 0.8
    /// Highest edit cost of a confident first candidate.
    public var confidenceMaxCost: Float = 1.0

    public init() {}
}
