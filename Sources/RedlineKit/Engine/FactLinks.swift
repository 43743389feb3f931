import RedlineCore

/// The links of one file's facts (see `RunJudging.links`): per cross-file rule, in the linter's
/// order, the keys of each item, or nil for a rule that offers none. Kept in the cache beside
/// the facts, so a partial judgement can tell which files it needs without decoding their facts.
public struct FactLinks: Sendable, Equatable {
    /// One rule's items: every item's keys end to end, and where each item's keys end.
    public struct Items: Sendable, Equatable {
        public var keys: [UInt64] = []
        public var ends: [Int32] = []

        public init(_ items: [[UInt64]]) {
            for item in items {
                keys += item
                ends.append(Int32(keys.count))
            }
        }

        /// Calls `body` with each item's keys.
        func forEach(_ body: (ArraySlice<UInt64>) -> Void) {
            var start = 0
            for end in ends {
                body(keys[start..<Int(end)])
                start = Int(end)
            }
        }
    }

    public var rules: [Items?]

    public init(rules: [Items?]) { self.rules = rules }

    // MARK: Compact form (in the cache's pack)

    /// u32 rule count; per rule an i32 item count (-1: no links), then per item a u32 key count
    /// and its keys (u64), all little-endian.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u32(UInt32(rules.count))
        for rule in rules {
            guard let rule else { u32(UInt32(bitPattern: -1)); continue }
            u32(UInt32(rule.ends.count))
            var start = 0
            for end in rule.ends {
                u32(UInt32(Int(end) - start))
                for key in rule.keys[start..<Int(end)] { withUnsafeBytes(of: key.littleEndian) { out += $0 } }
                start = Int(end)
            }
        }
        return out
    }

    /// Reads the compact form (with `LinkReach`'s reader, the one the engine uses); nil when it
    /// is damaged or empty.
    public init?(encoded bytes: ArraySlice<UInt8>) {
        let read: [Items?]? = Array(bytes).withUnsafeBytes { buffer in
            guard buffer.count >= 4 else { return nil }
            let count = Int(buffer.loadUnaligned(as: UInt32.self).littleEndian)
            guard count < 1 << 16 else { return nil }
            return (0..<count).map { rule in
                var keys: [[UInt64]] = []
                let offered = LinkReach.forEachItem(buffer, rule: rule) { item in
                    keys.append((0..<(item.count / 8)).map { item.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian })
                }
                return offered ? Items(keys) : nil
            }
        }
        // A rule the reader could not read counts as offering none; encoding it again tells.
        guard let read, FactLinks(rules: read).encoded[...] == bytes else { return nil }
        rules = read
    }
}

/// Which other files a judgement of some files needs, rule by rule: those with an item linked
/// to the reported files' items, directly or through other items (see `RunJudging.links`).
/// Works on the compact form, so the links of a whole repository are read where they lie in
/// the cache, never decoded into arrays.
enum LinkReach {
    /// For each of `others`, a mask of the rules (bit i: rule i) for which its facts are needed.
    /// `reported` are the links of the files judged; an unknown or damaged entry (nil) of
    /// either counts as needed for every rule.
    static func needed(reported: [FactLinks], others: [CacheBytes?], ruleCount: Int) -> [UInt64] {
        precondition(ruleCount <= 64)
        var masks = [UInt64](repeating: 0, count: others.count)
        for rule in 0..<ruleCount {
            let bit = UInt64(1) << UInt64(rule)
            var keys = KeySet()
            var unknown = false
            for links in reported {
                guard rule < links.rules.count, let items = links.rules[rule] else { unknown = true; break }
                for key in items.keys { keys.insert(key) }
            }
            if unknown {
                for index in masks.indices { masks[index] |= bit }
                continue
            }
            // Items are numbered file after file; each is taken once, when it touches a known key.
            var firstItem = [Int](repeating: 0, count: others.count + 1)
            for (index, links) in others.enumerated() {
                var count = 0
                if let links, let items = Self.itemCount(links.buffer, rule: rule) {
                    count = items
                } else {
                    masks[index] |= bit
                }
                firstItem[index + 1] = firstItem[index] + count
            }
            var taken = [Bool](repeating: false, count: firstItem[others.count])
            // Sweeps until no item adds a key: an item touching a known key brings its other keys
            // (and so the items those touch, in this sweep or the next).
            var changed = !keys.isEmpty
            while changed {
                changed = false
                for (index, links) in others.enumerated() where firstItem[index + 1] > firstItem[index] {
                    var item = firstItem[index]
                    Self.forEachItem(links!.buffer, rule: rule) { itemKeys in
                        defer { item += 1 }
                        guard !taken[item], Self.anyKey(itemKeys, in: keys) else { return }
                        taken[item] = true
                        masks[index] |= bit
                        for k in 0..<(itemKeys.count / 8) where keys.insert(itemKeys.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self).littleEndian) {
                            changed = true
                        }
                    }
                }
            }
        }
        return masks
    }

    private static func anyKey(_ keys: UnsafeRawBufferPointer, in set: KeySet) -> Bool {
        for k in 0..<(keys.count / 8) where set.contains(keys.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self).littleEndian) {
            return true
        }
        return false
    }

    /// The number of items of one rule in the compact form; nil when the rule offers no links
    /// or the bytes are damaged.
    static func itemCount(_ bytes: UnsafeRawBufferPointer, rule: Int) -> Int? {
        var count = 0
        return forEachItem(bytes, rule: rule) { _ in count += 1 } ? count : nil
    }

    /// Calls `body` with each item's keys (little-endian u64s) of one rule; false when the rule
    /// offers no links or the bytes are damaged.
    @discardableResult
    static func forEachItem(_ bytes: UnsafeRawBufferPointer, rule: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var i = 0
        func u32() -> Int? {
            guard bytes.count - i >= 4 else { return nil }
            defer { i += 4 }
            return Int(Int32(bitPattern: bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian))
        }
        guard let rules = u32(), rule < rules else { return false }
        for r in 0...rule {
            guard let items = u32() else { return false }
            if items < 0 {
                if r == rule { return false }
                continue
            }
            for _ in 0..<items {
                guard let n = u32(), n >= 0, n <= (bytes.count - i) / 8 else { return false }
                if r == rule { body(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + n * 8)])) }
                i += n * 8
            }
        }
        return true
    }
}

/// A set of keys with a bitmap in front: most keys looked up are not in it, and the bitmap
/// answers those with one memory read.
struct KeySet {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)
    private var keys = Set<UInt64>()

    var isEmpty: Bool { keys.isEmpty }

    private static func slot(_ key: UInt64) -> (word: Int, bit: UInt64) {
        let h = Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 48)
        return (h >> 6, UInt64(1) << UInt64(h & 63))
    }

    func contains(_ key: UInt64) -> Bool {
        let (word, bit) = Self.slot(key)
        return bits[word] & bit != 0 && keys.contains(key)
    }

    /// Adds a key; whether it was new.
    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        let (word, bit) = Self.slot(key)
        bits[word] |= bit
        return keys.insert(key).inserted
    }
}
