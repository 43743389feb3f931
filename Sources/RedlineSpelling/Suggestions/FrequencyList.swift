import Foundation

/// A word-frequency list: one `word<TAB>zipf` line per word (Zipf = log10 of the frequency
/// per billion words); `#` lines are comments.
enum FrequencyList {
    /// The words of the list (as written) and their Zipf values; nil when the file cannot be read.
    static func load(path: String) -> [String: Float]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var result: [String: Float] = [:]
        result.reserveCapacity(data.count / 12)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            let n = bytes.count
            while start < n {
                var end = start
                while end < n && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard end > start, bytes[start] != 0x23 else { continue }
                var tab = start
                while tab < end && bytes[tab] != 0x09 { tab += 1 }
                guard tab > start, tab < end, let zipf = parseNumber(bytes, from: tab + 1, to: end) else { continue }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)
                result[word] = max(result[word] ?? zipf, zipf)
            }
        }
        return result
    }

    /// A decimal number such as `7.43` (surrounding spaces and a carriage return allowed).
    private static func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Float? {
        var value: Float = 0, scale: Float = 0
        var digits = 0
        var negative = false
        for i in start..<end {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                if scale == 0 { value = value * 10 + Float(b - 0x30) } else { value += Float(b - 0x30) * scale; scale /= 10 }
            } else if b == 0x2E && scale == 0 { scale = 0.1 }
            else if b == 0x2D && digits == 0 { negative = true }
            else if b == 0x20 || b == 0x0D || b == 0x09 { continue }
            else { return nil }
        }
        return digits == 0 ? nil : (negative ? -value : value)
    }

    /// The frequency list beside a dictionary: `frequency/<language>.tsv` in the dictionary's
    /// folder (`Dictionaries/en_US.dic` → `Dictionaries/frequency/en.tsv`), if there is one.
    static func locate(besides dictionary: DictionaryFiles) -> String? {
        DataFileLocator.locate(folder: "frequency", besides: dictionary)
    }
}
