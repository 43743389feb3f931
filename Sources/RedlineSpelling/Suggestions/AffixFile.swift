import Foundation

/// The parts of a Hunspell `.aff` file that the suggestion engine uses: affix rules, the flags
/// that mark forbidden or never-suggested words, the `REP` confusion table, the `KEY` keyboard
/// rows and the `ICONV` input conversions.
///
/// Options it does not know are ignored, so an unusual dictionary degrades to fewer word forms
/// rather than an error.
struct AffixFile: Sendable {
    var encoding: String.Encoding = .utf8
    var flagFormat: AffixFlagFormat = .character
    /// `AF` flag aliases: a `.dic` entry `word/3` has the flags of the third alias.
    var flagAliases: [[UInt32]] = []
    var prefixes: [UInt32: [AffixRule]] = [:]
    var suffixes: [UInt32: [AffixRule]] = [:]
    /// The rules by flag, bucketed for fast expansion (built at the end of parsing).
    private(set) var prefixGroups: [UInt32: AffixGroup] = [:]
    private(set) var suffixGroups: [UInt32: AffixGroup] = [:]
    var noSuggestFlag: UInt32?
    var forbiddenFlag: UInt32?
    var needAffixFlag: UInt32?
    var onlyInCompoundFlag: UInt32?
    var circumfixFlag: UInt32?
    /// `REP` pairs: a letter sequence and what it is often written for.
    var replacements: [(from: String, to: String)] = []
    /// `KEY` keyboard rows (`qwertyuiop|asdfghjkl|zxcvbnm`), empty when not given.
    var keyboardRows: [String] = []
    /// `ICONV` pairs, applied to a word before it is looked up (typographic apostrophes).
    var inputConversions: [(from: String, to: String)] = []
    /// `IGNORE` characters, removed from words.
    var ignored: Set<UInt32> = []

    /// Flags that keep a word form out of the suggestions.
    var excludingFlags: Set<UInt32> {
        Set([noSuggestFlag, forbiddenFlag, onlyInCompoundFlag].compactMap { $0 })
    }

    init() {}

    /// Reads and parses an `.aff` file; nil when it cannot be read.
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let encoding = Self.declaredEncoding(data)
        guard let text = String(data: data, encoding: encoding) ?? String(data: data, encoding: .isoLatin1) else { return nil }
        self.init(text: text)
        self.encoding = encoding
    }

    /// Parses the text of an `.aff` file.
    init(text: String) {
        var pending: (isPrefix: Bool, flag: UInt32, crossProduct: Bool, remaining: Int)?
        var aliasCountSeen = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine[...]
            if line.first == "\u{FEFF}" { line = line.dropFirst() }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = fields.first, !keyword.hasPrefix("#") else { continue }
            switch keyword {
            case "FLAG" where fields.count > 1:
                flagFormat = AffixFlagFormat(option: String(fields[1]))
            case "AF" where fields.count > 1:
                // The first AF line carries the count; the others one alias each.
                if !aliasCountSeen && Int(fields[1]) != nil {
                    aliasCountSeen = true
                } else {
                    flagAliases.append(flagFormat.parse(fields[1]))
                }
            case "NOSUGGEST" where fields.count > 1: noSuggestFlag = flagFormat.parse(fields[1]).first
            case "FORBIDDENWORD" where fields.count > 1: forbiddenFlag = flagFormat.parse(fields[1]).first
            case "NEEDAFFIX", "PSEUDOROOT": if fields.count > 1 { needAffixFlag = flagFormat.parse(fields[1]).first }
            case "ONLYINCOMPOUND" where fields.count > 1: onlyInCompoundFlag = flagFormat.parse(fields[1]).first
            case "CIRCUMFIX" where fields.count > 1: circumfixFlag = flagFormat.parse(fields[1]).first
            case "KEY" where fields.count > 1:
                keyboardRows = fields[1].split(separator: "|").map(String.init)
            case "IGNORE" where fields.count > 1:
                ignored = Set(fields[1].unicodeScalars.map(\.value))
            case "REP" where fields.count > 2:
                replacements.append((String(fields[1]), String(fields[2])))
            case "ICONV" where fields.count > 2:
                inputConversions.append((String(fields[1]), String(fields[2])))
            case "PFX", "SFX":
                guard fields.count >= 4, let flag = flagFormat.parse(fields[1]).first else { continue }
                let isPrefix = keyword == "PFX"
                if let p = pending, p.isPrefix == isPrefix, p.flag == flag, p.remaining > 0 {
                    pending?.remaining -= 1
                    let strip = fields[2] == "0" ? "" : fields[2]
                    let addField = fields[3].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    let add = addField[0] == "0" ? "" : addField[0]
                    let continuation = addField.count > 1 ? parseFlags(addField[1]) : []
                    let condition = AffixCondition(fields.count > 4 ? String(fields[4]) : ".")
                    let rule = AffixRule(isPrefix: isPrefix, crossProduct: p.crossProduct,
                                         strip: strip.unicodeScalars.map(\.value).filter { !ignored.contains($0) },
                                         add: add.unicodeScalars.map(\.value).filter { !ignored.contains($0) },
                                         continuation: continuation, condition: condition)
                    if isPrefix { prefixes[flag, default: []].append(rule) } else { suffixes[flag, default: []].append(rule) }
                } else if let count = Int(fields[3]) {
                    pending = (isPrefix, flag, fields[2] == "Y", count)
                }
            default:
                continue
            }
        }
        finishRules()
    }

    /// Marks rules whose forms are never suggested or are no words by themselves, and buckets them.
    private mutating func finishRules() {
        let excluded = excludingFlags
        func finish(_ rules: [AffixRule]) -> [AffixRule] {
            rules.map { rule in
                var rule = rule
                rule.isExcluded = rule.continuation.contains(where: excluded.contains)
                rule.needsAffix = needAffixFlag.map(rule.continuation.contains) ?? false
                rule.isCircumfix = circumfixFlag.map(rule.continuation.contains) ?? false
                return rule
            }
        }
        prefixes = prefixes.mapValues(finish)
        suffixes = suffixes.mapValues(finish)
        prefixGroups = prefixes.mapValues { AffixGroup(isPrefix: true, rules: $0) }
        suffixGroups = suffixes.mapValues { AffixGroup(isPrefix: false, rules: $0) }
    }

    /// The flags of a `.dic` entry or an affix continuation, with `AF` aliases resolved.
    func parseFlags(_ text: Substring) -> [UInt32] {
        parseFlags(text.unicodeScalars.map(\.value)[...])
    }

    /// The flags of a `.dic` entry given as Unicode scalar values, with `AF` aliases resolved.
    func parseFlags(_ text: ArraySlice<UInt32>) -> [UInt32] {
        if !flagAliases.isEmpty, !text.isEmpty, text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let index = text.reduce(0) { $0 &* 10 &+ Int($1 - 0x30) }
            if index >= 1 && index <= flagAliases.count { return flagAliases[index - 1] }
        }
        return flagFormat.parse(text)
    }

    /// The encoding named by the `SET` line (UTF-8 when absent or unknown).
    private static func declaredEncoding(_ data: Data) -> String.Encoding {
        let head = data.prefix(16_384)
        guard let text = String(data: head, encoding: .isoLatin1) else { return .utf8 }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("SET ") {
            let name = line.dropFirst(4).trimmingCharacters(in: .whitespaces).uppercased()
            switch name {
            case "UTF-8": return .utf8
            case "ISO8859-1", "ISO-8859-1": return .isoLatin1
            case "ISO8859-2", "ISO-8859-2": return .isoLatin2
            case "MICROSOFT-CP1251", "CP1251": return .windowsCP1251
            case "MICROSOFT-CP1250", "CP1250": return .windowsCP1250
            case "MICROSOFT-CP1252", "CP1252": return .windowsCP1252
            default: return .isoLatin1
            }
        }
        return .utf8
    }
}
