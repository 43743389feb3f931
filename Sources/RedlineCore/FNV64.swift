/// FNV-1a, 64 bits, fed piece by piece: the stable hash of content hashes, cache keys, shards
/// and link keys (the same on every run and machine, unlike `Hasher`).
public struct FNV64: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf29ce484222325

    /// The hash of everything added so far.
    public var value: UInt64 { state }

    @inlinable public init() {}

    @inlinable public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 {
        var h = state
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        state = h
    }

    /// Adds a string's UTF-8 bytes and a terminating 0 (so "ab"+"c" and "a"+"bc" differ).
    @inlinable public mutating func add(_ string: String) {
        add(bytes: string.utf8)
        add(bytes: CollectionOfOne(0))
    }

    @inlinable public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    /// Adds bytes eight at a time (four times faster than `add(bytes:)`, for fingerprints of
    /// large files; not the FNV hash of the bytes).
    public mutating func add(wordsOf buffer: UnsafeRawBufferPointer) {
        var h = state
        let words = buffer.count / 8
        for k in 0..<words {
            h = (h ^ buffer.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self).littleEndian) &* 0x100000001b3
            h ^= h >> 29
        }
        state = h
        add(bytes: UnsafeRawBufferPointer(rebasing: buffer[(words * 8)...]))
        add(UInt64(buffer.count))
    }

    /// The hash of one string (as `add(_:)` feeds it).
    public static func of(_ string: String) -> UInt64 {
        var hasher = FNV64()
        hasher.add(string)
        return hasher.value
    }
}
