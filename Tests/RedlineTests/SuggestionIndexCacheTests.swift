import Foundation
import Testing
@testable import RedlineSpelling

/// The per-user cache of built suggestion indexes: a stored index reads back equal, a damaged,
/// cut or foreign file is ignored and replaced, keys follow every input, and the folder is
/// chosen (or the cache switched off) by the environment.
@Suite struct SuggestionIndexCacheTests {
    /// A small English-named dictionary (so the sound-alike index is built and stored), a
    /// frequency list and extra words in every case pattern.
    struct Inputs {
        let folder: URL
        let dictionary: DictionaryFiles
        let frequency: String
        let extraWords = ["McDonald", "iPhone", "Klitschko", "ceasefire", "UNICEF", "McDonald's"]

        init() throws {
            let aff = """
                SET UTF-8
                REP 2
                REP f ph
                REP alot a_lot
                SFX S Y 2
                SFX S   y     ies        [^aeiou]y
                SFX S   0     s          [^sxy]
                SFX D Y 2
                SFX D   0     d          e
                SFX D   0     ed         [^e]
                """
            let dic = "9\nphone/SD\nberry/S\nhappy\nParis\nkey/S\ncafé/S\npheasant/S\nlot\na\n"
            (folder, dictionary) = try TestSupport.writeDictionary(name: "en_TEST", aff: aff, dic: dic)
            frequency = folder.appendingPathComponent("en.tsv").path
            try "phone\t5.1\nberry\t3.2\nkeys\t4.0\nceasefire\t3.9\nmcdonald\t3.5\niphone\t3.4\npheasant\t3.0\n".write(toFile: frequency, atomically: true, encoding: .utf8)
        }

        func cache(_ name: String = "cache", version: String = "test") -> SuggestionIndexCache {
            SuggestionIndexCache(directory: folder.appendingPathComponent(name).path, version: version)
        }

        func suggester(cache: SuggestionIndexCache?) -> Suggester {
            Suggester(speller: SpellChecker(dictionaries: [dictionary], extraWords: extraWords), frequencyListPath: frequency,
                      indexCache: cache)
        }

        func key(_ cache: SuggestionIndexCache) -> String {
            cache.key(dictionaries: [dictionary], extraWords: extraWords, frequencyListPath: frequency)!
        }

        func build() -> SuggestionIndex {
            SuggestionIndex.build(dictionaries: [dictionary], extraWords: extraWords, frequencyListPath: frequency)
        }
    }

    static let misspellings = ["fone", "berrys", "hapy", "paris", "keyss", "cafe", "fezant", "mcdonald", "iphone",
                               "Ceasfire", "alot", "PHONNE"]

    @Test func aStoredIndexReadsBackEqual() throws {
        let inputs = try Inputs()
        let built = inputs.build()
        let key = inputs.key(inputs.cache())
        let bytes = SuggestionIndexCodec.encode(built.storedContents, key: key)
        let read = try #require(bytes.withUnsafeBytes { SuggestionIndexCodec.decode($0, key: key) })
        let trie = read.trie
        #expect(trie.labels == built.trie.labels)
        #expect(trie.firstChild == built.trie.firstChild)
        #expect(trie.childCount == built.trie.childCount)
        #expect(trie.nodeOfKey == built.trie.nodeOfKey)
        #expect(trie.minLength == built.trie.minLength)
        #expect(trie.maxLength == built.trie.maxLength)
        // Parents and keys of nodes are derived again: every word reads back the same.
        for key in 0..<Int32(built.trie.keyCount) {
            #expect(trie.codes(ofKey: key) == built.trie.codes(ofKey: key))
            #expect(trie.lookup(built.trie.codes(ofKey: key)) == key)
        }
        #expect(read.alphabet.scalars == built.alphabet.scalars)
        #expect(read.zipf == built.zipf)
        #expect(read.kinds == built.kinds)
        #expect(read.otherSpellings == built.otherSpellings)
        #expect(!read.otherSpellings.isEmpty)
        #expect(read.frequencyFloor == built.frequencyFloor && read.frequencyFloor != nil)
        let phonetic = try #require(read.phonetic)
        #expect(phonetic.hashes == built.phonetic.hashes && !phonetic.hashes.isEmpty)
        #expect(phonetic.keys == built.phonetic.keys)
        // Encoding is deterministic.
        #expect(SuggestionIndexCodec.encode(read, key: key) == bytes)
    }

    @Test func aSecondSuggesterReadsTheIndexAndSuggestsTheSame() throws {
        let inputs = try Inputs()
        let cache = inputs.cache()
        let uncached = inputs.suggester(cache: nil)
        let first = inputs.suggester(cache: cache)
        #expect(first.prepare().loadedFromCache == false)
        #expect(FileManager.default.fileExists(atPath: cache.path(forKey: inputs.key(cache))))
        let second = inputs.suggester(cache: cache)
        let statistics = second.prepare()
        #expect(statistics.loadedFromCache)
        #expect(statistics.wordForms == first.prepare().wordForms)
        for word in Self.misspellings {
            #expect(second.suggest(word) == uncached.suggest(word), "\(word)")
            #expect(second.confidentSuggestions(word) == uncached.confidentSuggestions(word), "\(word)")
        }
        #expect(second.suggest("fone").words.first == "phone")
        #expect(second.suggest("mcdonald").words.first == "McDonald")
    }

    @Test func aDamagedFileIsIgnoredAndReplaced() throws {
        let inputs = try Inputs()
        let cache = inputs.cache()
        _ = inputs.suggester(cache: cache).prepare()
        let key = inputs.key(cache)
        let path = cache.path(forKey: key)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected = inputs.suggester(cache: nil).suggest("fone")
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        var header = good
        header[9] ^= 0x01
        let damages: [(String, Data)] = [
            ("a changed byte", flipped), ("a changed format version", header), ("cut short", good.prefix(good.count - 5)),
            ("only the header", good.prefix(40)), ("empty", Data()), ("not an index", Data("hello".utf8)),
            ("a byte too many", good + Data([0])),
        ]
        for (what, bytes) in damages {
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(cache.load(key: key, dictionaries: [inputs.dictionary], irregularFormsPath: nil) == nil, "\(what)")
            let suggester = inputs.suggester(cache: cache)
            #expect(suggester.prepare().loadedFromCache == false, "\(what)")
            #expect(suggester.suggest("fone") == expected, "\(what)")
            // Rebuilt and stored again: the next run reads it.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == good, "\(what)")
        }
        // A good file under another key's name is not used either.
        let other = SuggestionIndexCache(directory: cache.directory, version: "another")
        let otherKey = inputs.key(other)
        try good.write(to: URL(fileURLWithPath: other.path(forKey: otherKey)))
        #expect(other.load(key: otherKey, dictionaries: [inputs.dictionary], irregularFormsPath: nil) == nil)
    }

    @Test func theKeyFollowsEveryInput() throws {
        let inputs = try Inputs()
        let cache = inputs.cache()
        let key = inputs.key(cache)
        #expect(key.count == 32)
        #expect(inputs.key(cache) == key)
        #expect(inputs.key(inputs.cache(version: "other")) != key)
        #expect(cache.key(dictionaries: [inputs.dictionary], extraWords: Array(inputs.extraWords.dropLast()), frequencyListPath: inputs.frequency) != key)
        #expect(cache.key(dictionaries: [inputs.dictionary], extraWords: inputs.extraWords, frequencyListPath: nil) != key)
        // Words are delimited: the same letters split differently are another key.
        #expect(cache.key(dictionaries: [], extraWords: ["ab", "c"], frequencyListPath: nil)
                != cache.key(dictionaries: [], extraWords: ["a", "bc"], frequencyListPath: nil))
        let dic = inputs.dictionary.dictionaryPath
        let text = try String(contentsOfFile: dic, encoding: .utf8)
        try text.replacingOccurrences(of: "berry", with: "berri").write(toFile: dic, atomically: true, encoding: .utf8)
        #expect(inputs.key(cache) != key)
        try FileManager.default.removeItem(atPath: dic)
        #expect(cache.key(dictionaries: [inputs.dictionary], extraWords: [], frequencyListPath: nil) == nil)
    }

    @Test func theEnvironmentChoosesTheFolderOrSwitchesTheCacheOff() {
        let home = ["HOME": "/home/x"]
        #expect(SuggestionIndexCache.standard(version: "1", environment: home)?.directory == "/home/x/.cache/redline")
        #expect(SuggestionIndexCache.standard(version: "1", environment: home.merging(["XDG_CACHE_HOME": "/xdg"]) { $1 })?.directory
                == "/xdg/redline")
        // A relative XDG_CACHE_HOME is invalid by the specification: ignored.
        #expect(SuggestionIndexCache.standard(version: "1", environment: home.merging(["XDG_CACHE_HOME": "rel"]) { $1 })?.directory
                == "/home/x/.cache/redline")
        #expect(SuggestionIndexCache.standard(version: "1", environment: home.merging(["REDLINE_INDEX_CACHE": "/tmp/idx"]) { $1 })?.directory
                == "/tmp/idx")
        #expect(SuggestionIndexCache.standard(version: "1", environment: home.merging(["REDLINE_INDEX_CACHE": "off"]) { $1 }) == nil)
        #expect(SuggestionIndexCache.standard(version: "1", environment: home.merging(["REDLINE_INDEX_CACHE": ""]) { $1 }) == nil)
        #expect(SuggestionIndexCache.standard(version: "1", environment: [:]) == nil)
        // The running executable is part of the version, so another build does not read the index.
        let version = SuggestionIndexCache.standard(version: "1", environment: home)?.version ?? ""
        #expect(version.hasPrefix("1 ") && version.count > 4)
    }

    @Test func theFolderKeepsTheMostRecentlyUsedIndexes() throws {
        let inputs = try Inputs()
        let cache = inputs.cache()
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        let count = SuggestionIndexCache.maximumFiles + 2
        for i in 0..<count {
            let path = cache.directory + "/suggestions-\(i).index"
            try Data([1]).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(i - count) * 60)],
                                                  ofItemAtPath: path)
        }
        let staleTemporary = cache.directory + "/.suggestions-x.1.2.tmp", freshTemporary = cache.directory + "/.suggestions-y.1.2.tmp"
        try Data([1]).write(to: URL(fileURLWithPath: staleTemporary))
        try Data([1]).write(to: URL(fileURLWithPath: freshTemporary))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: staleTemporary)
        cache.prune()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: cache.directory))
        let newest = (2..<count).map { "suggestions-\($0).index" }
        #expect(left == Set(newest + [".suggestions-y.1.2.tmp"]))
    }
}
