import Foundation

/// The binary form of a built `SuggestionIndex`, for `SuggestionIndexCache`: a header (magic,
/// format version, byte order, the cache key, the payload's length and 128-bit hash) and the
/// index's arrays copied as they are in memory (little-endian). Reading one back is a few
/// copies of memory instead of a second of expanding the dictionaries.
///
/// `decode` trusts nothing: a file of another format, for another key, cut short, with a byte
/// changed (the hash) or with arrays that do not describe a trie is rejected (nil).
enum SuggestionIndexCodec {
    /// Bump whenever the index, or the way it is built from the dictionaries, changes.
    static let formatVersion: UInt32 = 2
    private static let magic = Array("RLSUGIDX".utf8)
    private static let byteOrderMark: UInt32 = 0x0102_0304
    private static let headerSize = 8 + 4 + 4 + 32 + 8 + 16

    /// What is stored: all of the index but its affix file and irregular forms (read again).
    struct Contents {
        var alphabet: LetterAlphabet
        var trie: LetterTrie
        var zipf: [Float]
        var kinds: [UInt8]
        var otherSpellings: [Int32: [String]]
        var frequencyFloor: Float?
        /// The sound-alike index (English dictionaries only).
        var phonetic: PhoneticIndex?
        /// Whether `kinds` holds Hunspell's answers (`SuggestionIndex.verifyingAcceptance`).
        var acceptanceVerified = false
    }

    /// The file's bytes; `key` is 32 ASCII characters (the cache key).
    static func encode(_ contents: Contents, key: String) -> [UInt8] {
        var payload = ByteWriter()
        let trie = contents.trie
        payload.append(UInt64(trie.nodeCount))
        payload.append(UInt64(trie.keyCount))
        payload.append(UInt64(contents.alphabet.scalars.count - 1))
        payload.append(contents.phonetic.map { UInt64($0.hashes.count) } ?? UInt64.max)
        payload.append(UInt64(contents.otherSpellings.count))
        payload.append(UInt32(contents.frequencyFloor == nil ? 0 : 1))
        payload.append((contents.frequencyFloor ?? 0).bitPattern)
        payload.append(UInt32(contents.acceptanceVerified ? 1 : 0))
        payload.append(array: Array(contents.alphabet.scalars.dropFirst()))
        payload.append(array: trie.labels)
        payload.append(array: trie.firstChild)
        payload.append(array: trie.childCount)
        payload.append(array: trie.nodeOfKey)
        payload.append(array: trie.minLength)
        payload.append(array: trie.maxLength)
        payload.append(array: contents.zipf.map(\.bitPattern))
        payload.append(array: contents.kinds)
        if let phonetic = contents.phonetic {
            payload.append(array: phonetic.hashes)
            payload.append(array: phonetic.keys)
        }
        for (key, spellings) in contents.otherSpellings.sorted(by: { $0.key < $1.key }) {
            payload.append(key)
            payload.append(UInt32(spellings.count))
            for spelling in spellings {
                payload.append(UInt32(spelling.utf8.count))
                payload.append(array: Array(spelling.utf8))
            }
        }
        var hasher = StableHasher()
        hasher.combine(payload.bytes)
        let (h1, h2) = hasher.finalize()
        var file = ByteWriter()
        file.append(array: magic)
        file.append(formatVersion)
        file.append(array: [byteOrderMark])
        file.append(array: Array(key.utf8.prefix(32)) + [UInt8](repeating: 0, count: max(0, 32 - key.utf8.count)))
        file.append(UInt64(payload.bytes.count))
        file.append(h1)
        file.append(h2)
        file.bytes += payload.bytes
        return file.bytes
    }

    /// The contents of a file written by `encode` with the same `key`; nil for anything else.
    static func decode(_ bytes: UnsafeRawBufferPointer, key: String) -> Contents? {
        var header = ByteReader(bytes)
        guard let fileMagic = header.readArray(UInt8.self, count: magic.count), fileMagic == magic,
              header.read(UInt32.self) == formatVersion, header.readArray(UInt32.self, count: 1) == [byteOrderMark],
              let fileKey = header.readArray(UInt8.self, count: 32),
              fileKey == Array(key.utf8.prefix(32)) + [UInt8](repeating: 0, count: max(0, 32 - key.utf8.count)),
              let length = header.read(UInt64.self), length == UInt64(bytes.count - headerSize),
              let h1 = header.read(UInt64.self), let h2 = header.read(UInt64.self) else { return nil }
        let payloadBytes = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        var hasher = StableHasher()
        hasher.combine(payloadBytes)
        guard hasher.finalize() == (h1, h2) else { return nil }

        var r = ByteReader(payloadBytes)
        guard let nodes = r.readCount(), let keys = r.readCount(), let letters = r.readCount(),
              let phoneticRaw = r.read(UInt64.self), let others = r.readCount(),
              let hasFloor = r.read(UInt32.self), let floorBits = r.read(UInt32.self),
              let verified = r.read(UInt32.self), verified <= 1,
              let letterScalars = r.readArray(UInt32.self, count: letters),
              let alphabet = LetterAlphabet(letters: letterScalars),
              let labels = r.readArray(UInt16.self, count: nodes),
              let firstChild = r.readArray(Int32.self, count: nodes),
              let childCount = r.readArray(UInt16.self, count: nodes),
              let nodeOfKey = r.readArray(Int32.self, count: keys),
              let minLength = r.readArray(UInt8.self, count: nodes),
              let maxLength = r.readArray(UInt8.self, count: nodes),
              let zipfBits = r.readArray(UInt32.self, count: keys),
              let kinds = r.readArray(UInt8.self, count: keys),
              let trie = LetterTrie(labels: labels, firstChild: firstChild, childCount: childCount, nodeOfKey: nodeOfKey,
                                    minLength: minLength, maxLength: maxLength) else { return nil }
        var phonetic: PhoneticIndex?
        if phoneticRaw != UInt64.max {
            guard phoneticRaw <= UInt64(Int.max), let hashes = r.readArray(UInt64.self, count: Int(phoneticRaw)),
                  let phoneticKeys = r.readArray(Int32.self, count: Int(phoneticRaw)),
                  let index = PhoneticIndex(hashes: hashes, keys: phoneticKeys, keyCount: keys) else { return nil }
            phonetic = index
        }
        var otherSpellings: [Int32: [String]] = [:]
        for _ in 0..<others {
            guard let key = r.read(Int32.self), key >= 0, Int(key) < keys, otherSpellings[key] == nil,
                  let count = r.read(UInt32.self) else { return nil }
            var spellings: [String] = []
            for _ in 0..<count {
                guard let length = r.read(UInt32.self), let utf8 = r.readArray(UInt8.self, count: Int(length)),
                      let spelling = String(validating: utf8, as: UTF8.self) else { return nil }
                spellings.append(spelling)
            }
            otherSpellings[key] = spellings
        }
        guard r.isAtEnd else { return nil }
        return Contents(alphabet: alphabet, trie: trie, zipf: zipfBits.map(Float.init(bitPattern:)), kinds: kinds,
                        otherSpellings: otherSpellings, frequencyFloor: hasFloor == 0 ? nil : Float(bitPattern: floorBits),
                        phonetic: phonetic, acceptanceVerified: verified == 1)
    }
}

/// Appends numbers and arrays of numbers in little-endian byte order.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The elements' bytes as they are in memory (in the host's byte order: the header's
    /// byte-order mark, written the same way, makes another host reject the file).
    mutating func append<T: FixedWidthInteger>(array: [T]) {
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` wrote; every read is checked against the end.
private struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard bytes.count - offset >= MemoryLayout<T>.size else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    /// A count stored as 64 bits, small enough to index memory with.
    mutating func readCount() -> Int? {
        guard let value = read(UInt64.self), value < UInt64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func readArray<T: FixedWidthInteger>(_: T.Type, count: Int) -> [T]? {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard count >= 0, !overflow, bytes.count - offset >= size else { return nil }
        let start = offset
        offset += size
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + size)]))
            initialized = count
        }
    }
}
