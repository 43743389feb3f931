/// A 128-bit hash that is the same in every process and on every run (Swift's `Hasher` is
/// seeded per process): it names and checks the suggestion index files of
/// `SuggestionIndexCache`. Not cryptographic; eight bytes a step, so hashing the dictionaries
/// (a few megabytes) takes a few milliseconds.
struct StableHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    init() {}

    /// Adds bytes.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for j in i..<n { tail |= UInt64(bytes[j]) << (8 * UInt64(j - i)) }
            mix(tail ^ (1 << 63))
        }
        length &+= UInt64(n)
    }

    /// Adds an array's bytes.
    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// Adds a string's UTF-8 bytes and its length (so that "ab"+"c" differs from "a"+"bc").
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
        combine(UInt64(text.utf8.count))
    }

    /// Adds a number.
    mutating func combine(_ value: UInt64) {
        mix(value)
        length &+= 8
    }

    private mutating func mix(_ w: UInt64) {
        a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b &+ w) &* 0xC2B2_AE3D_27D4_EB4F
        b = (b << 31) | (b >> 33)
    }

    /// The hash, as two 64-bit halves.
    func finalize() -> (UInt64, UInt64) {
        var x = a ^ length, y = b ^ (length &* 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2 {
            x ^= y >> 31; x = x &* 0xFF51_AFD7_ED55_8CCD
            y ^= x >> 29; y = y &* 0xC4CE_B9FE_1A85_EC53
            x ^= x >> 33; y ^= y >> 33
        }
        return (x, y)
    }

    /// The hash as 32 hexadecimal digits.
    func hexDigest() -> String {
        let (x, y) = finalize()
        return Self.hex(x) + Self.hex(y)
    }

    private static func hex(_ v: UInt64) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
