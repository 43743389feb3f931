import Foundation
import RedlineCore

/// One input to check: a file on disk or standard input.
public struct InputFile: Sendable, Hashable {
    /// The path as the user will see it in reports.
    public var displayPath: String
    /// Where to read it; nil for standard input.
    public var fileSystemPath: String?
    /// Named on the command line (not found by walking a folder): include/exclude do not apply.
    public var isExplicit: Bool

    public init(displayPath: String, fileSystemPath: String?, isExplicit: Bool = true) {
        self.displayPath = displayPath
        self.fileSystemPath = fileSystemPath
        self.isExplicit = isExplicit
    }
}

/// An input that cannot be read, with a message for people.
public struct InputError: Error, CustomStringConvertible, Sendable, Hashable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Expands the paths given on the command line into files to check, in a stable order.
///
/// Directories are walked recursively (hidden folders and files skipped, symbolic links to
/// folders not followed), keeping regular files with the checked extensions; files named
/// explicitly are always checked (a pipe too: `redline check <(…)`; one that never ends is
/// stopped by the per-file time limit).
public struct FileCollector {
    public var extensions: Set<String> = ["md", "markdown", "txt"]
    /// In a git work tree, take a folder's files from git (tracked, and untracked but not
    /// ignored: `.gitignore` is respected) instead of walking it.
    public var useGit = true

    public init() {}

    /// Whether the last component of a path ends in one of `extensions` (any case).
    func hasCheckedExtension(_ path: String) -> Bool {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = path[path.index(after: dot)...]
        guard !ext.utf8.contains(UInt8(ascii: "/")), dot != utf8.startIndex,
              utf8[utf8.index(before: dot)] != UInt8(ascii: "/") else { return false }
        return extensions.contains(ext.lowercased())
    }

    /// Whether a relative path has a component starting with a dot.
    static func hasHiddenComponent(_ path: String) -> Bool {
        var atStart = true
        for byte in path.utf8 {
            if atStart && byte == UInt8(ascii: ".") { return true }
            atStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// Whether a path names something other than a folder (one system call).
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
    }

    public func collect(_ paths: [String]) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(InputFile(displayPath: "<stdin>", fileSystemPath: nil))
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(path: path, message: "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                var found: [String] = []
                // git lists them in order already.
                if !(useGit && gitFiles(path, into: &found)) {
                    walk(path, into: &found, errors: &errors, depth: 0)
                    found.sort()
                }
                for f in found where seen.insert(f).inserted {
                    files.append(InputFile(displayPath: f, fileSystemPath: f, isExplicit: false))
                }
            } else if seen.insert(path).inserted {
                files.append(InputFile(displayPath: path, fileSystemPath: path))
            }
        }
        return (files, errors)
    }

    /// Reads and expands a list of paths, one per line (or NUL-separated), as `--files-from`
    /// gives it: files with other extensions are passed over, and missing ones (deleted in a
    /// change) are left out.
    public func collect(listing bytes: [UInt8]) -> [InputFile] {
        let separator: UInt8 = bytes.contains(0) ? 0 : 10
        var files: [InputFile] = []
        var seen = Set<String>()
        for item in bytes.split(separator: separator) {
            var path = String(decoding: item, as: UTF8.self)
            if path.hasSuffix("\r") { path.removeLast() }
            path = path.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, hasCheckedExtension(path) else { continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  seen.insert(path).inserted else { continue }
            files.append(InputFile(displayPath: path, fileSystemPath: path, isExplicit: false))
        }
        return files
    }

    /// A folder's files as git lists them; false when the folder is not in a work tree.
    private func gitFiles(_ dir: String, into found: inout [String]) -> Bool {
        guard let repository = GitRepository.containing(dir), let listed = try? repository.files(below: dir) else { return false }
        PhaseTrace.mark("git listed \(listed.count) files")
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        // Whether each is still there (a tracked file deleted, a submodule's folder) is found
        // when it is read: one system call per file, not two.
        for relative in listed where hasCheckedExtension(relative) && !Self.hasHiddenComponent(relative) {
            found.append(base + "/" + relative)
        }
        return true
    }

    private func walk(_ dir: String, into found: inout [String], errors: inout [InputError], depth: Int) {
        guard depth < 64 else {
            errors.append(InputError(path: dir, message: "folders nested too deeply; not walked further"))
            return
        }
        let fm = FileManager.default
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: dir)
        } catch {
            errors.append(InputError(path: dir, message: "cannot read folder"))
            return
        }
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        for name in entries.sorted() where !name.hasPrefix(".") {
            let full = base + "/" + name
            // lstat, not FileManager.attributesOfItem: this runs once per file of a repository.
            var entry = stat()
            guard lstat(full, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, into: &found, errors: &errors, depth: depth + 1)
            case S_IFREG:
                if hasCheckedExtension(name) { found.append(full) }
            case S_IFLNK:
                // Links to regular files are checked; links to folders are not followed (no
                // loops), nor dangling or looping links, nor links to pipes and devices (a read
                // could block forever).
                var info = stat()
                if stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                   hasCheckedExtension(name) {
                    found.append(full)
                }
            default:
                continue
            }
        }
    }
}
