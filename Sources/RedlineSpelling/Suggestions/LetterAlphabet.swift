/// Numbers the lowercase letters of a dictionary (1, 2, 3, …) so words can be stored and
/// compared as small integers; code 0 is never a letter.
struct LetterAlphabet: Sendable {
    /// Code for any letter the dictionary does not have: it matches nothing.
    static let unknown: UInt16 = .max

    private var codes: [UInt32: UInt16] = [:]
    private var asciiCodes = [UInt16](repeating: 0, count: 128)
    /// The letter (Unicode scalar value) of each code; index 0 is unused.
    private(set) var scalars: [UInt32] = [0]

    var count: Int { scalars.count }

    init() {}

    /// The alphabet whose codes 1, 2, 3, … are `letters` (as `scalars` lists them, without the
    /// unused 0); nil when a letter repeats.
    init?(letters: [UInt32]) {
        for letter in letters {
            let before = scalars.count
            guard letters.count < Int(Self.unknown), encode(letter) == UInt16(before) else { return nil }
        }
    }

    /// The code of a lowercase letter, numbering it when new.
    mutating func encode(_ scalar: UInt32) -> UInt16 {
        if scalar < 128, asciiCodes[Int(scalar)] != 0 { return asciiCodes[Int(scalar)] }
        if let c = codes[scalar] { return c }
        guard scalars.count < Int(Self.unknown) else { return Self.unknown }
        let c = UInt16(scalars.count)
        scalars.append(scalar)
        codes[scalar] = c
        if scalar < 128 { asciiCodes[Int(scalar)] = c }
        return c
    }

    /// The code of a lowercase letter, or `unknown`.
    func code(_ scalar: UInt32) -> UInt16 {
        if scalar < 128 { let c = asciiCodes[Int(scalar)]; return c == 0 ? Self.unknown : c }
        return codes[scalar] ?? Self.unknown
    }

    /// The letter of a code.
    func scalar(_ code: UInt16) -> UInt32 { Int(code) < scalars.count ? scalars[Int(code)] : 0xFFFD }

    /// The lowercase form of a letter (itself when it has none of one scalar).
    static func lowercase(_ value: UInt32) -> UInt32 {
        if value < 128 { return value >= 65 && value <= 90 ? value + 32 : value }
        guard let scalar = Unicode.Scalar(value) else { return value }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : value
    }

    /// The uppercase form of a letter (itself when it has none of one scalar).
    static func uppercase(_ value: UInt32) -> UInt32 {
        if value < 128 { return value >= 97 && value <= 122 ? value - 32 : value }
        guard let scalar = Unicode.Scalar(value) else { return value }
        let mapping = scalar.properties.uppercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : value
    }
}
