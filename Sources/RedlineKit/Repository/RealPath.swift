import Foundation

/// Symbolic links resolved, so paths from git and from the command line compare.
public enum RealPath {
    /// The last component of a path.
    public static func fileName(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.index(after: slash)...]
    }

    /// An absolute path with `.` and `..` components and repeated slashes removed (no system calls).
    public static func normalized(_ path: String, in folder: String) -> String {
        var parts: [Substring] = []
        for part in ((path.hasPrefix("/") ? path : folder + "/" + path).split(separator: "/")) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A path with symbolic links resolved (itself when that fails).
    public static func of(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
