extension String {
    /// The string of these Unicode scalars, UTF-8 encoded directly: the same string as
    /// `String(String.UnicodeScalarView(scalars))`, whose `append(contentsOf:)` costs some
    /// microseconds a word (this runs for every word the extra words are asked about).
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
