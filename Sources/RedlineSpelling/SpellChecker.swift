import Foundation
import RedlineCore

/// Spell checking over one or more Hunspell dictionaries plus extra words, safe to share
/// between threads.
///
/// Each Hunspell handle is used by one thread at a time (a small pool grows to the number of
/// threads that ask at once). Answers are memoised for the whole run: news copy repeats its
/// words, so most look-ups never reach Hunspell.
public final class SpellChecker: @unchecked Sendable {
    /// The base dictionaries; a word is correct when any of them accepts it.
    public let dictionaries: [DictionaryFiles]
    /// The extra words (word lists) every dictionary was given.
    public let extraWords: [String]
    private let lock = NSLock()
    private var idle: [[HunspellHandle]] = []
    private var spellCache: [String: Bool] = [:]
    private var suggestionCache: [String: [String]] = [:]

    /// Opens the dictionaries (checked to exist) and adds `extraWords` to each.
    public init(dictionaries: [DictionaryFiles], extraWords: [String] = []) {
        self.dictionaries = dictionaries
        self.extraWords = extraWords
        idle.append(makeHandles())
    }

    private func makeHandles() -> [HunspellHandle] {
        dictionaries.map { files in
            let h = HunspellHandle(affixPath: files.affixPath, dictionaryPath: files.dictionaryPath)
            for w in extraWords { h.add(w) }
            return h
        }
    }

    private func withHandles<T>(_ body: ([HunspellHandle]) -> T) -> T {
        lock.lock()
        let handles = idle.popLast()
        lock.unlock()
        // A new set of handles loads the dictionaries: set-up, not the current file's time.
        let set = handles ?? WorkClock.offTheClock { makeHandles() }
        let result = body(set)
        lock.lock()
        idle.append(set)
        lock.unlock()
        return result
    }

    /// Whether any dictionary (or the extra words) accepts the word as written.
    public func isCorrect(_ word: String) -> Bool {
        lock.lock()
        let cached = spellCache[word]
        lock.unlock()
        if let cached { return cached }
        let ok = withHandles { handles in handles.contains { $0.spell(word) } }
        lock.lock()
        spellCache[word] = ok
        lock.unlock()
        return ok
    }

    /// Hunspell's suggestions from every dictionary, merged, best first, without repeats.
    public func hunspellSuggestions(_ word: String) -> [String] {
        lock.lock()
        let cached = suggestionCache[word]
        lock.unlock()
        if let cached { return cached }
        let lists = withHandles { handles in handles.map { $0.suggest(word) } }
        var seen = Set<String>()
        var merged: [String] = []
        let longest = lists.map(\.count).max() ?? 0
        for i in 0..<longest {
            for list in lists where i < list.count && seen.insert(list[i]).inserted { merged.append(list[i]) }
        }
        lock.lock()
        suggestionCache[word] = merged
        lock.unlock()
        return merged
    }
}

/// Word lists: one word per line; blank lines and lines starting with `#` are skipped.
public enum WordList {
    public static func load(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError("\(path): cannot read word list")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bytes = [UInt8](data)
            let line = lineOfFirstInvalidByte(bytes)
            throw DictionaryError("\(path):\(line): word list is not valid UTF-8")
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            let w = raw.trimmingCharacters(in: .whitespaces)
            return w.isEmpty || w.hasPrefix("#") ? nil : w
        }
    }

    private static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(bytes: bytes[start..<i], encoding: .utf8) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
