import Foundation
import RedlineCore

/// Findings recorded when a repository adopts Redline (`redline baseline write`), so that
/// `check` reports only new ones.
///
/// A finding is known by its rule, its file, its matched text and a hash of the words around it
/// on its line: moving unrelated lines does not disturb it, and editing its own sentence
/// does. Entries are counted, so a third "Kiev" in a file whose baseline holds two is new.
///
/// ```json
/// {"version": 1, "findings": [{"rule": "spelling.misspelled", "path": "news/a.md", "match": "abalze",
///   "context": "4f1c…", "count": 1, "message": "…"}]}
/// ```
/// Paths are relative to the baseline file's folder.
public struct Baseline: Sendable {
    /// One recorded finding (with how many times it occurs).
    public struct Entry: Codable, Sendable, Hashable {
        public var rule: String
        public var path: String
        public var match: String
        public var context: String
        public var count: Int
        /// For people reading the file; not part of the key.
        public var message: String
    }

    struct Key: Hashable {
        var rule: String
        var path: String
        var match: String
        var context: String
    }

    public private(set) var entries: [Entry]
    /// Where the file is (paths in it are relative to its folder).
    public let location: String

    public static let defaultName = ".redline-baseline.json"
    public static let formatVersion = 1

    public init(entries: [Entry], location: String) {
        self.entries = entries
        self.location = location
    }

    /// Reads a baseline file; a malformed one is an error naming it.
    public static func read(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(description: "\(path): cannot read baseline file")
        }
        do {
            let file = try JSONDecoder().decode(FileFormat.self, from: data)
            guard file.version == formatVersion else {
                throw BaselineError(description: "\(path): baseline version \(file.version); this Redline reads version \(formatVersion)")
            }
            return Baseline(entries: file.findings, location: path)
        } catch let error as BaselineError {
            throw error
        } catch {
            throw BaselineError(description: "\(path): not a Redline baseline file (\(error))")
        }
    }

    /// The baseline of a run's findings, to be written at `location`.
    public static func recording(_ files: [FileResult], at location: String) -> Baseline {
        let folder = Self.folder(of: location)
        var counts: [Key: (count: Int, message: String)] = [:]
        for file in files {
            for d in file.diagnostics {
                let key = Self.key(d, file: file, folder: folder)
                counts[key, default: (0, d.message)].count += 1
            }
        }
        let entries = counts.map { Entry(rule: $0.key.rule, path: $0.key.path, match: $0.key.match, context: $0.key.context,
                                         count: $0.value.count, message: $0.value.message) }
            .sorted { ($0.path, $0.rule, $0.match, $0.context) < ($1.path, $1.rule, $1.match, $1.context) }
        return Baseline(entries: entries, location: location)
    }

    /// The JSON text of the file.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(FileFormat(version: Self.formatVersion, findings: entries))
        data.append(10)
        return data
    }

    /// The run's files without the findings the baseline records (each entry used up to its count).
    public func filter(_ files: [FileResult]) -> [FileResult] {
        let folder = Self.folder(of: location)
        var left = budget()
        return files.map { file in
            var file = file
            file.diagnostics = file.diagnostics.filter { d in
                let key = Self.key(d, file: file, folder: folder)
                guard let n = left[key], n > 0 else { return true }
                left[key] = n - 1
                return false
            }
            return file
        }
    }

    /// Entries no longer matched by the run's findings, with how many of each are left over.
    /// An entry of a file the run did not check counts as stale only when that file is gone.
    public func staleEntries(after files: [FileResult]) -> [(entry: Entry, unused: Int)] {
        let folder = Self.folder(of: location)
        var left = budget()
        var checked = Set<String>()
        for file in files {
            checked.insert(Self.relativePath(file, folder: folder))
            for d in file.diagnostics {
                let key = Self.key(d, file: file, folder: folder)
                if let n = left[key], n > 0 { left[key] = n - 1 }
            }
        }
        return entries.compactMap { entry in
            let unused = left[Key(rule: entry.rule, path: entry.path, match: entry.match, context: entry.context)] ?? 0
            guard unused > 0 else { return nil }
            let gone = !FileManager.default.fileExists(atPath: folder + "/" + entry.path)
            return checked.contains(entry.path) || gone ? (entry, unused) : nil
        }
    }

    private func budget() -> [Key: Int] {
        var left: [Key: Int] = [:]
        for e in entries { left[Key(rule: e.rule, path: e.path, match: e.match, context: e.context), default: 0] += e.count }
        return left
    }

    private struct FileFormat: Codable {
        var version: Int
        var findings: [Entry]
    }

    static func folder(of location: String) -> String {
        let absolute = PathNames.absolute(location)
        return (absolute as NSString).deletingLastPathComponent
    }

    static func relativePath(_ file: FileResult, folder: String) -> String {
        guard let path = file.fileSystemPath else { return file.path }
        return PathNames.relative(PathNames.absolute(path), to: folder)
    }

    static func key(_ d: Diagnostic, file: FileResult, folder: String) -> Key {
        Key(rule: d.ruleID, path: relativePath(file, folder: folder), match: d.match, context: context(of: d))
    }

    /// A hash of up to three words either side of the finding on its line (case folded).
    static func context(of d: Diagnostic) -> String {
        let line = Array(d.sourceLine.unicodeScalars)
        let start = min(max(d.start.column - 1, 0), line.count)
        let end = d.end.line == d.start.line ? min(max(d.end.column - 1, start), line.count) : line.count
        func words(_ scalars: ArraySlice<Unicode.Scalar>) -> [String] {
            var out: [String] = [], word = ""
            for s in scalars {
                if s.properties.isAlphabetic || s.properties.numericType != nil { word.unicodeScalars.append(s) } else if !word.isEmpty {
                    out.append(word.lowercased()); word = ""
                }
            }
            if !word.isEmpty { out.append(word.lowercased()) }
            return out
        }
        var hasher = FNV64()
        for w in words(line[..<start]).suffix(3) { hasher.add(w) }
        hasher.add("|")
        for w in words(line[end...]).prefix(3) { hasher.add(w) }
        return Hex.string(hasher.value)
    }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, CustomStringConvertible {
    public let description: String
}

/// Absolute and relative forms of paths.
enum PathNames {
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// `path` relative to `folder` when it lies below it, else `path` itself.
    static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
