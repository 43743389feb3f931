import Foundation

/// Finds the folder that holds Redline's `Dictionaries/` and `Rules/`.
///
/// In order: `$REDLINE_DATA`; a folder at or above the executable that holds both (a build
/// inside the repository); `<prefix>/share/redline` beside an installed binary; the source
/// tree the binary was built from.
public enum DataDirectory {
    public static func locate(executablePath: String? = CommandLine.arguments.first) -> String? {
        let fm = FileManager.default
        func isDataDir(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path + "/Dictionaries", isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: path + "/Rules", isDirectory: &isDir) && isDir.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["REDLINE_DATA"], !env.isEmpty {
            return isDataDir(env) ? env : nil
        }
        var candidates: [String] = []
        if let exe = executablePath.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath() }) {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(dir.path)
                candidates.append(dir.appendingPathComponent("share/redline").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        // Sources/RedlineKit/Data/DataDirectory.swift → the repository root.
        let sourceRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.path)
        return candidates.first(where: isDataDir)
    }
}
