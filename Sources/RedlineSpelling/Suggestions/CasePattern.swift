/// How a word is capitalised — `lowercase`, `Capitalised`, `ALLCAPS` or `miXed` — so that
/// suggestions can be written the way the misspelling was.
enum CasePattern: Sendable, Equatable {
    case lowercase
    case capitalised
    case allCaps
    case mixed

    init(_ word: String) {
        var letters = 0, uppers = 0
        var firstUpper = false
        for s in word.unicodeScalars where s.properties.isAlphabetic {
            let upper = s.properties.isUppercase
            if letters == 0 { firstUpper = upper }
            letters += 1
            if upper { uppers += 1 }
        }
        if uppers == 0 { self = .lowercase }
        else if uppers == letters && letters >= 2 { self = .allCaps }
        else if firstUpper && uppers == 1 { self = .capitalised }
        else { self = .mixed }
    }

    /// `word` with its first letter in capitals.
    static func capitalise(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return word }
        scalars[0] = Unicode.Scalar(LetterAlphabet.uppercase(first.value)) ?? first
        return String(scalars: scalars)
    }

    /// `word` in capitals.
    static func uppercase(_ word: String) -> String {
        String(scalars: word.unicodeScalars.map { Unicode.Scalar(LetterAlphabet.uppercase($0.value)) ?? $0 })
    }

    /// The ways to write a dictionary word in this pattern, best first. `lowercase` is the
    /// word in lowercase; the flags say which spellings the dictionary has (`others` are its
    /// spellings with inner capitals, like `iPhone`).
    func spellings(lowercase: String, hasLowercase: Bool, hasCapitalised: Bool, others: [String]) -> [String] {
        switch self {
        case .lowercase:
            if hasLowercase { return [lowercase] }
            return (hasCapitalised ? [Self.capitalise(lowercase)] : []) + others
        case .capitalised:
            if hasLowercase || hasCapitalised { return [Self.capitalise(lowercase)] + others }
            return others.map { Self.capitalise($0) } + others
        case .allCaps:
            return [Self.uppercase(lowercase)]
        case .mixed:
            return others + (hasCapitalised ? [Self.capitalise(lowercase)] : []) + (hasLowercase ? [lowercase] : [])
        }
    }
}
