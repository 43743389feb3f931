import Foundation

/// Expands the stems of a Hunspell `.dic` file into the word forms its `.aff` rules make
/// (`walk/SDG` → walk, walks, walked, walking), leaving out forbidden, never-suggested and
/// compound-only words.
///
/// It follows the rules unmunch follows (suffixes, prefixes, their cross products and one
/// level of twofold suffixes), which covers dictionaries like en_US and en_GB; compounding and
/// morphology are ignored, so for richer languages it yields a subset of the accepted words.
struct WordFormExpander {
    let affixes: AffixFile
    private let excluded: Set<UInt32>
    private let ignoresNothing: Bool

    init(affixes: AffixFile) {
        self.affixes = affixes
        excluded = affixes.excludingFlags
        ignoresNothing = affixes.ignored.isEmpty
    }

    /// Calls `emit` with every form of every entry of the `.dic` file (forms may repeat).
    /// Returns false when the file cannot be read.
    func expandDictionary(atPath path: String, _ emit: ([UInt32]) -> Void) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        var first = true
        var line: [UInt32] = []
        func entry(_ line: [UInt32]) {
            var body = line[...]
            if body.first == 0xFEFF { body = body.dropFirst() }
            if first {
                first = false
                // The first line is the entry count.
                let digits = body.drop(while: { $0 == 0x20 || $0 == 0x09 })
                if let d = digits.first, d >= 0x30 && d <= 0x39 { return }
            }
            guard let (word, flags) = parseEntry(body) else { return }
            expand(word, flags: flags, emit)
        }
        switch affixes.encoding {
        case .utf8, .isoLatin1:
            let utf8 = affixes.encoding == .utf8
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var i = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b == 0x0A || b == 0x0D {
                        if !line.isEmpty { entry(line); line.removeAll(keepingCapacity: true) }
                        i += 1
                    } else if b < 0x80 || !utf8 {
                        line.append(UInt32(b)); i += 1
                    } else {
                        // UTF-8 sequence (invalid bytes become U+FFFD).
                        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                        var value = length == 4 ? UInt32(b & 0x07) : length == 3 ? UInt32(b & 0x0F) : UInt32(b & 0x1F)
                        var valid = length > 1 && i + length <= n
                        if valid {
                            for k in 1..<length {
                                let c = bytes[i + k]
                                if c & 0xC0 != 0x80 { valid = false; break }
                                value = value << 6 | UInt32(c & 0x3F)
                            }
                        }
                        line.append(valid ? value : 0xFFFD)
                        i += valid ? length : 1
                    }
                }
            }
            if !line.isEmpty { entry(line) }
        default:
            guard let text = String(data: data, encoding: affixes.encoding) ?? String(data: data, encoding: .isoLatin1) else { return false }
            for raw in text.split(whereSeparator: \.isNewline) { entry(raw.unicodeScalars.map(\.value)) }
        }
        return true
    }

    /// Splits a `.dic` line (Unicode scalar values) into the word's letters and its flags.
    func parseEntry(_ line: ArraySlice<UInt32>) -> ([UInt32], [UInt32])? {
        var body = line
        if let tab = body.firstIndex(of: 0x09) { body = body[..<tab] }
        // A space followed by a morphological field ("po:noun") ends the entry too.
        var search = body.startIndex
        while let space = body[search...].firstIndex(of: 0x20) {
            if space + 3 < body.endIndex, body[space + 3] == 0x3A { body = body[..<space]; break }
            search = space + 1
        }
        while body.first == 0x20 { body = body.dropFirst() }
        while body.last == 0x20 { body = body.dropLast() }
        guard let firstScalar = body.first, firstScalar != 0x23 else { return nil }
        var word: [UInt32] = []
        word.reserveCapacity(body.count)
        var flags: [UInt32] = []
        var escaped = false
        var index = body.startIndex
        while index < body.endIndex {
            let s = body[index]
            if escaped { word.append(s); escaped = false }
            else if s == 0x5C { escaped = true }
            else if s == 0x2F && !word.isEmpty {
                flags = affixes.parseFlags(body[(index + 1)...])
                break
            } else if ignoresNothing || !affixes.ignored.contains(s) { word.append(s) }
            index += 1
        }
        return word.isEmpty ? nil : (word, flags)
    }

    /// Calls `emit` with the forms of one entry.
    func expand(_ stem: [UInt32], flags: [UInt32], _ emit: ([UInt32]) -> Void) {
        if flags.contains(where: excluded.contains) { return }
        let needsAffix = affixes.needAffixFlag.map(flags.contains) ?? false
        if !needsAffix { emit(stem) }
        guard let last = stem.last, let first = stem.first else { return }
        let prefixes = affixes.prefixGroups, suffixes = affixes.suffixGroups
        if prefixes.isEmpty && suffixes.isEmpty { return }

        /// Cross-product prefixes of a suffixed form, from the prefix flags in `flagList`.
        func prefixCrossProducts(_ form: [UInt32], flagList: [UInt32], suffixCircumfix: Bool) {
            guard let formFirst = form.first else { return }
            for prefixFlag in flagList {
                guard let group = prefixes[prefixFlag] else { continue }
                for index in group.candidates(boundary: formFirst) {
                    let prefix = group.rules[Int(index)]
                    guard prefix.crossProduct, !prefix.isExcluded, prefix.isCircumfix == suffixCircumfix else { continue }
                    if let both = prefix.apply(to: form) { emit(both) }
                }
            }
        }

        for flag in flags {
            if let group = suffixes[flag] {
                for index in group.candidates(boundary: last) {
                    let suffix = group.rules[Int(index)]
                    if suffix.isExcluded { continue }
                    guard let form = suffix.apply(to: stem) else { continue }
                    if !suffix.needsAffix && !suffix.isCircumfix { emit(form) }
                    // Twofold suffixes: the suffix's own flags name further suffixes.
                    if !suffix.continuation.isEmpty, let formLast = form.last {
                        for next in suffix.continuation {
                            guard let outerGroup = suffixes[next] else { continue }
                            for outerIndex in outerGroup.candidates(boundary: formLast) {
                                let outer = outerGroup.rules[Int(outerIndex)]
                                if !outer.isExcluded, let twice = outer.apply(to: form) { emit(twice) }
                            }
                        }
                    }
                    guard suffix.crossProduct else { continue }
                    prefixCrossProducts(form, flagList: flags, suffixCircumfix: suffix.isCircumfix)
                    if !suffix.continuation.isEmpty {
                        prefixCrossProducts(form, flagList: suffix.continuation, suffixCircumfix: suffix.isCircumfix)
                    }
                }
            }
            if let group = prefixes[flag] {
                for index in group.candidates(boundary: first) {
                    let prefix = group.rules[Int(index)]
                    if prefix.isExcluded || prefix.isCircumfix || prefix.needsAffix { continue }
                    if let form = prefix.apply(to: stem) { emit(form) }
                }
            }
        }
    }
}
