import Foundation
import RedlineCore

/// The configuration in force for one file: its `.redline.yml` (the nearest one walking up
/// from the file) merged over everything it `extends`, with paths made absolute.
public struct Configuration: Sendable, Hashable {
    /// The files that contributed, outermost first (what `extends` pulled in, then the file itself).
    public var sources: [String] = []
    public var lang: [String]?
    public var words: [String] = []
    public var dictionaries: [String] = []
    public var rulePaths: [String] = []
    public var rules: [String: RuleSetting] = [:]
    /// Where each `rules:` key was written (for warnings about unknown rule ids).
    public var ruleKeyLocations: [String: KeyLocation] = [:]
    public var house: [String: String] = [:]
    /// Globs relative to `baseDirectory`.
    public var include: [String]?
    public var exclude: [String]?
    public var baseDirectory: String?
    public var ignore: [String] = []
    public var failOn: String?
    public var dateField: String?
    public var metadataAllow: [String] = []

    /// A place in a configuration file.
    public struct KeyLocation: Sendable, Hashable {
        public var path: String
        public var location: SourceLocation
    }

    public init() {}

    /// Lays `file` over this configuration; relative paths are resolved against the file's folder.
    mutating func apply(_ file: ConfigFile) {
        let dir = (file.path as NSString).deletingLastPathComponent
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: dir.isEmpty ? "." : dir).appendingPathComponent(p).standardizedFileURL.path
        }
        sources.append(file.path)
        if let l = file.lang { lang = l.map { $0.contains("/") ? absolute($0) : $0 } }
        words += file.words.map(absolute)
        dictionaries += file.dictionaries.map { $0.contains("/") ? absolute($0) : $0 }
        rulePaths += file.rulePaths.map(absolute)
        for (k, v) in file.rules { rules[k] = v }
        for (k, loc) in file.ruleKeyLocations { ruleKeyLocations[k] = KeyLocation(path: file.path, location: loc) }
        for (k, v) in file.house { house[k] = v }
        if let i = file.include { include = i; baseDirectory = URL(fileURLWithPath: dir.isEmpty ? "." : dir).standardizedFileURL.path }
        if let e = file.exclude { exclude = e; baseDirectory = URL(fileURLWithPath: dir.isEmpty ? "." : dir).standardizedFileURL.path }
        ignore += file.ignore
        if let f = file.failOn { failOn = f }
        if let d = file.dateField { dateField = d }
        metadataAllow += file.metadataAllow
    }

    /// Whether a file found by walking a folder is checked under `include` / `exclude`.
    public func admits(_ path: String) -> Bool {
        guard include != nil || exclude != nil, let base = baseDirectory else { return true }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard absolute.hasPrefix(base + "/") else { return true }
        let relative = String(absolute.dropFirst(base.count + 1))
        if let include, !include.contains(where: { Glob($0).matches(relative) }) { return false }
        if let exclude, exclude.contains(where: { Glob($0).matches(relative) }) { return false }
        return true
    }

    /// A readable summary (`redline config FILE`).
    public func describe() -> String {
        var lines: [String] = []
        lines.append("# effective configuration")
        lines.append("sources: " + (sources.isEmpty ? "(none: defaults)" : sources.joined(separator: " → ")))
        lines.append("lang: " + (lang?.joined(separator: ", ") ?? "en_US, en_GB (default)"))
        if !words.isEmpty { lines.append("words: " + words.joined(separator: ", ")) }
        if !dictionaries.isEmpty { lines.append("dictionaries: " + dictionaries.joined(separator: ", ")) }
        if !rulePaths.isEmpty { lines.append("rule_paths: " + rulePaths.joined(separator: ", ")) }
        if !rules.isEmpty {
            lines.append("rules:")
            for (k, v) in rules.sorted(by: { $0.key < $1.key }) {
                let word: String
                switch v {
                case .off: word = "off"
                case .on: word = "on"
                case .severity(let s): word = s.rawValue
                }
                lines.append("  \(k): \(word)")
            }
        }
        if !house.isEmpty { lines.append("house: " + house.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")) }
        if let include { lines.append("include: " + include.joined(separator: ", ")) }
        if let exclude { lines.append("exclude: " + exclude.joined(separator: ", ")) }
        if !ignore.isEmpty { lines.append("ignore: " + ignore.joined(separator: ", ")) }
        lines.append("fail_on: " + (failOn ?? "error (default)"))
        lines.append("date_field: " + (dateField ?? "date (default)"))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Finds and merges configuration files, caching per folder.
public final class ConfigResolver: @unchecked Sendable {
    public static let fileName = ".redline.yml"
    private var cache: [String: Configuration] = [:]
    /// The same, by folder as the caller wrote it.
    private var byFolder: [String: Configuration] = [:]
    private let lock = NSLock()

    public init() {}

    /// The nearest `.redline.yml` at or above `folder`, if any.
    public static func nearestFile(from folder: String) -> String? {
        var dir = URL(fileURLWithPath: folder).standardizedFileURL
        let fm = FileManager.default
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if fm.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The configuration for a file (or, for standard input, the current folder).
    public func configuration(forFile path: String?) throws -> Configuration {
        let folder = path.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        // By the folder as written first: making a path absolute and standard costs system calls.
        lock.lock()
        if let cached = byFolder[folder] { lock.unlock(); return cached }
        lock.unlock()
        let key = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path
        lock.lock()
        if let cached = cache[key] { byFolder[folder] = cached; lock.unlock(); return cached }
        lock.unlock()
        var config = Configuration()
        if let file = Self.nearestFile(from: key) {
            try Self.load(file, into: &config, chain: [])
        }
        lock.lock()
        cache[key] = config
        byFolder[folder] = config
        lock.unlock()
        return config
    }

    /// The configuration of one named file (`extends` first, then the file itself).
    public static func load(_ path: String, into config: inout Configuration, chain: [String]) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(absolute) {
            throw ConfigError(path: path, line: 1, column: 1,
                              message: "extends loops back to this file (\((chain + [absolute]).joined(separator: " → ")))")
        }
        let file = try ConfigFile.load(path)
        let dir = (absolute as NSString).deletingLastPathComponent
        for parent in file.extends {
            let parentPath = parent.hasPrefix("/") ? parent : URL(fileURLWithPath: dir).appendingPathComponent(parent).standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: parentPath) else {
                throw ConfigError(path: path, line: 1, column: 1, message: "extends: '\(parent)' not found (\(parentPath))")
            }
            try load(parentPath, into: &config, chain: chain + [absolute])
        }
        config.apply(file)
    }
}

/// A path glob: `*` and `?` within a path component, `**` across components.
public struct Glob: Sendable {
    private let regex: NSRegularExpression?

    public init(_ pattern: String) {
        var out = "^"
        var chars = Array(pattern)
        if chars.first == "/" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" {
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    // "**/" matches any number of folders, "**" at the end anything.
                    if i + 2 < chars.count && chars[i + 2] == "/" { out += "(?:.*/)?"; i += 3; continue }
                    out += ".*"; i += 2; continue
                }
                out += "[^/]*"
            } else if c == "?" {
                out += "[^/]"
            } else {
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        // A pattern naming a folder matches everything below it.
        out += "(?:/.*)?$"
        regex = try? NSRegularExpression(pattern: out)
    }

    public func matches(_ path: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
}
