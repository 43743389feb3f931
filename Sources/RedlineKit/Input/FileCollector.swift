import Foundation

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

    public init() {}

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
                walk(path, into: &found, errors: &errors, depth: 0)
                for f in found.sorted() where seen.insert(f).inserted {
                    files.append(InputFile(displayPath: f, fileSystemPath: f, isExplicit: false))
                }
            } else if seen.insert(path).inserted {
                files.append(InputFile(displayPath: path, fileSystemPath: path))
            }
        }
        return (files, errors)
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
            guard let attrs = try? fm.attributesOfItem(atPath: full), let type = attrs[.type] as? FileAttributeType else {
                continue
            }
            switch type {
            case .typeDirectory:
                walk(full, into: &found, errors: &errors, depth: depth + 1)
            case .typeRegular:
                if extensions.contains((name as NSString).pathExtension.lowercased()) { found.append(full) }
            case .typeSymbolicLink:
                // Links to regular files are checked; links to folders are not followed (no
                // loops), nor dangling or looping links, nor links to pipes and devices (a read
                // could block forever).
                var info = stat()
                if stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                   extensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append(full)
                }
            default:
                continue
            }
        }
    }
}
