import RedlineCore

/// One share of the files of a run, for a CI matrix: `--shard 2/4` is the second of four.
///
/// A file belongs to the shard its path hashes to, so shares are deterministic, need no
/// coordination, and adding a file does not move the others.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }

    public func contains(_ path: String) -> Bool {
        var normal = Substring(path)
        while normal.hasPrefix("./") { normal = normal.dropFirst(2) }
        var hasher = FNV64()
        hasher.add(String(normal))
        return Int(hasher.value % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
