import Foundation
import RedlineCore

/// The facts cross-file rules need, for a set of files, as JSON: what `redline facts` writes,
/// so CI shards can each check a share of a repository and still judge names and boilerplate
/// against all of it (`redline check --shard I/N --facts 'facts-*.json'`).
///
/// ```json
/// {"version": 1, "redline": "0.1.0", "files": [{"path": "a.md", "facts": {"names.repo-inconsistent": {…}}}]}
/// ```
public struct FactsFile: Sendable {
    /// The file's bytes, decoded when the rules that read them are built.
    let data: Data
    /// Hash of the bytes (part of the key of cached cross-file results).
    public let contentHash: UInt64
    public let path: String

    public static let formatVersion = 1

    /// Reads a facts file; a missing or malformed one is an error naming it.
    public static func read(_ path: String) throws -> FactsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FactsFileError(path: path, message: "cannot read facts file")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw FactsFileError(path: path, message: "not a Redline facts file (expected {\"version\": 1, \"files\": [...]})")
        }
        guard header.version == formatVersion else {
            throw FactsFileError(path: path, message: "facts file version \(header.version); this Redline reads version \(formatVersion)")
        }
        var hasher = FNV64()
        data.withUnsafeBytes { hasher.add(bytes: $0) }
        return FactsFile(data: data, contentHash: hasher.value, path: path)
    }

    /// The files' facts, decoded for the rules of `types`.
    public func facts(types: FactsTypes) throws -> [FileFacts] {
        let decoder = JSONDecoder()
        decoder.userInfo[FactsTypes.userInfoKey] = types
        do {
            return try decoder.decode(Body.self, from: data).files
        } catch {
            throw FactsFileError(path: path, message: "malformed facts: \(error)")
        }
    }

    /// The JSON text of a facts file for `files`, sorted by path.
    public static func encode(_ files: [FileFacts]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Body(version: formatVersion, redline: RedlineVersion.string,
                                       files: files.sorted { $0.path < $1.path }))
    }

    private struct Header: Decodable { var version: Int }
    private struct Body: Codable {
        var version: Int
        var redline: String
        var files: [FileFacts]
    }
}

/// A facts file that cannot be used.
public struct FactsFileError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}
