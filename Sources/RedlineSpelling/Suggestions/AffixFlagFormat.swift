/// How a dictionary writes its affix flags (the `.aff` file's `FLAG` option): one character
/// each (the default, or `UTF-8`), two characters each (`long`), or comma-separated numbers (`num`).
enum AffixFlagFormat: Sendable {
    case character
    case long
    case numeric

    init(option: String) {
        switch option.lowercased() {
        case "long": self = .long
        case "num": self = .numeric
        default: self = .character
        }
    }

    /// The flags in `text` (`SMGD`, `AaBb`, `12,104`), each as a number.
    func parse(_ text: Substring) -> [UInt32] {
        parse(text.unicodeScalars.map(\.value)[...])
    }

    /// The flags in `text`, given as Unicode scalar values.
    func parse(_ text: ArraySlice<UInt32>) -> [UInt32] {
        switch self {
        case .character:
            return Array(text)
        case .long:
            var flags: [UInt32] = []
            var pending: UInt32?
            for s in text {
                if let p = pending { flags.append(p << 16 | s); pending = nil } else { pending = s }
            }
            if let p = pending { flags.append(p << 16) }
            return flags
        case .numeric:
            var flags: [UInt32] = []
            var number: UInt32?
            for s in text {
                if s >= 0x30 && s <= 0x39 { number = (number ?? 0) &* 10 &+ (s - 0x30) }
                else if s == 0x2C { if let n = number { flags.append(n) }; number = nil }
            }
            if let n = number { flags.append(n) }
            return flags
        }
    }
}
