/// The text of one input file as UTF-8 bytes, with a line index.
///
/// Valid UTF-8 input is kept byte for byte (a BOM and CRLF line ends included), so spans are
/// offsets into the file itself. Input that is not valid UTF-8 is decoded leniently (each
/// invalid byte read as Windows-1252) and `encodingError` records where the first bad byte was;
/// such a file is checked but never rewritten.
public struct SourceFile: Sendable {
    /// The path as given by the user (or `-` / `<stdin>`), used in every report.
    public let path: String
    /// The text as UTF-8. Spans index into this array.
    public let bytes: [UInt8]
    /// Offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Byte length of a leading UTF-8 BOM (0 or 3). Not counted as a column.
    public let bomLength: Int
    /// Set when the file was not valid UTF-8: where the first invalid byte stood.
    public let encodingError: EncodingError?
    /// True when the original bytes are exactly `bytes` (so fixes may be written back).
    public var isRewritable: Bool { encodingError == nil }

    /// Where the first byte that is not UTF-8 stood in the original file.
    public struct EncodingError: Sendable, Hashable {
        /// Offset of the bad byte in the original file.
        public let originalOffset: Int
        /// The same place in `bytes` (after lenient decoding).
        public let offset: Int
        public let byte: UInt8
        /// What the file was read as: `Windows-1252` (the fallback), `UTF-16LE` or `UTF-16BE`.
        public var encoding: String = "Windows-1252"
    }

    /// Reads raw file bytes; never fails: invalid UTF-8 is decoded leniently and recorded.
    public init(path: String, data: [UInt8]) {
        self.path = path
        if let utf16 = UTF16Decoding.decode(data) {
            // UTF-16 with a byte-order mark: decoded (the BOM becomes a UTF-8 one); never rewritten.
            bytes = utf16.bytes
            encodingError = EncodingError(originalOffset: 0, offset: 0, byte: data[0], encoding: utf16.name)
        } else if let bad = UTF8Validation.firstInvalidOffset(in: data) {
            let (decoded, mappedOffset) = UTF8Validation.lenientDecode(data, firstInvalid: bad)
            bytes = decoded
            encodingError = EncodingError(originalOffset: bad, offset: mappedOffset, byte: data[bad])
        } else {
            bytes = data
            encodingError = nil
        }
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where buf[i] == 0x0A { starts.append(i + 1) }
        }
        lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Array(text.utf8))
    }

    /// The number of lines (a final line without a newline counts; an empty file has one).
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The exact source text of a span.
    public func text(_ span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// Index (0-based) of the line that holds `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let line = lineIndex(of: offset)
        var from = lineStarts[line]
        if line == 0 { from = min(bomLength, offset) }
        var column = 1
        var i = from
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The span of a 0-based line's content, without its line end (LF or CRLF).
    public func lineContentSpan(_ line: Int) -> Span {
        let start = lineStarts[line] + (line == 0 ? bomLength : 0)
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end < start { end = start }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return Span(start, end)
    }

    /// The span of a 0-based line including its line end, as a delete-line fix removes it.
    public func fullLineSpan(_ line: Int) -> Span {
        let start = lineStarts[line] + (line == 0 ? bomLength : 0)
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        return Span(start, end)
    }
}

/// UTF-8 validation and Windows-1252 fallback decoding.
public enum UTF8Validation {
    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    public static func firstInvalidOffset(in data: [UInt8]) -> Int? {
        data.withUnsafeBufferPointer { buf -> Int? in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                let minScalar: UInt32
                if b & 0xE0 == 0xC0 { len = 2; minScalar = 0x80 }
                else if b & 0xF0 == 0xE0 { len = 3; minScalar = 0x800 }
                else if b & 0xF8 == 0xF0 { len = 4; minScalar = 0x10000 }
                else { return i }
                if i + len > n { return i }
                var scalar = UInt32(b) & (0xFF >> (len + 1))
                for k in 1..<len {
                    let c = buf[i + k]
                    if c & 0xC0 != 0x80 { return i }
                    scalar = (scalar << 6) | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += len
            }
            return nil
        }
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Decodes valid UTF-8 sequences as they are and every other byte as Windows-1252.
    /// Returns the UTF-8 result and where `firstInvalid` landed in it.
    public static func lenientDecode(_ data: [UInt8], firstInvalid: Int) -> ([UInt8], Int) {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 8)
        out.append(contentsOf: data[0..<firstInvalid])
        let mapped = firstInvalid
        var i = firstInvalid
        while i < data.count {
            let b = data[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            // Try a valid sequence first.
            let len = b & 0xE0 == 0xC0 ? 2 : b & 0xF0 == 0xE0 ? 3 : b & 0xF8 == 0xF0 ? 4 : 0
            if len > 0, i + len <= data.count,
               firstInvalidOffset(in: Array(data[i..<(i + len)])) == nil {
                out.append(contentsOf: data[i..<(i + len)])
                i += len
                continue
            }
            let scalar = b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
            out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
            i += 1
        }
        return (out, mapped)
    }
}

/// Files that start with a UTF-16 byte-order mark (as Windows editors save "Unicode" text).
public enum UTF16Decoding {
    /// The file as UTF-8 (lone surrogates and an odd last byte become U+FFFD) and the encoding's
    /// name, or nil when the file does not start with FF FE or FE FF.
    public static func decode(_ data: [UInt8]) -> (bytes: [UInt8], name: String)? {
        guard data.count >= 2 else { return nil }
        let little: Bool
        if data[0] == 0xFF && data[1] == 0xFE { little = true } else if data[0] == 0xFE && data[1] == 0xFF { little = false } else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var i = 0
        while i + 1 < data.count {
            units.append(little ? UInt16(data[i]) | UInt16(data[i + 1]) << 8 : UInt16(data[i]) << 8 | UInt16(data[i + 1]))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { out.append($0) }
            case .error: UTF8.encode("\u{FFFD}") { out.append($0) }
            case .emptyInput: break loop
            }
        }
        if data.count % 2 == 1 { UTF8.encode("\u{FFFD}") { out.append($0) } }
        return (out, little ? "UTF-16LE" : "UTF-16BE")
    }
}
