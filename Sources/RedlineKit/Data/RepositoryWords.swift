import Foundation

/// The repository's own word list, `.redline/words.txt`: found by walking up from a folder to
/// the repository root (the folder that holds `.git`), and kept sorted and free of repeats by
/// `redline words add`.
public enum RepositoryWords {
    public static let relativePath = ".redline/words.txt"

    /// The nearest existing `.redline/words.txt` at or above `folder`, up to the repository root.
    public static func locate(from folder: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = URL(fileURLWithPath: folder).standardizedFileURL
        let fm = FileManager.default
        while true {
            let candidate = dir.appendingPathComponent(relativePath).path
            if fm.fileExists(atPath: candidate) { return candidate }
            if fm.fileExists(atPath: dir.appendingPathComponent(".git").path) { return nil }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Where a new list goes: the repository root above `folder`, or `folder` itself.
    public static func defaultLocation(from folder: String = FileManager.default.currentDirectoryPath) -> String {
        var dir = URL(fileURLWithPath: folder).standardizedFileURL
        let fm = FileManager.default
        while true {
            if fm.fileExists(atPath: dir.appendingPathComponent(".git").path) { break }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return URL(fileURLWithPath: folder).appendingPathComponent(relativePath).path }
            dir = parent
        }
        return dir.appendingPathComponent(relativePath).path
    }

    /// Adds words to the list at `path` (creating it), keeping its leading comment lines, the
    /// words sorted and each once. Returns the words that were new. Written atomically.
    @discardableResult
    public static func add(_ words: [String], to path: String) throws -> [String] {
        let fm = FileManager.default
        var header: [String] = []
        var existing: [String] = []
        if let data = fm.contents(atPath: path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: path])
            }
            var inHeader = true
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if inHeader && (trimmed.hasPrefix("#") || (trimmed.isEmpty && !header.isEmpty)) {
                    header.append(line)
                    continue
                }
                inHeader = false
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { existing.append(trimmed) }
            }
        } else {
            header = ["# Words this repository accepts, one per line (redline words add WORD…)."]
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        while header.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { header.removeLast() }
        let before = Set(existing)
        let cleaned = words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.contains(" ") }
        let all = Set(existing).union(cleaned).sorted()
        let text = (header + all).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return Array(Set(cleaned).subtracting(before)).sorted()
    }
}
