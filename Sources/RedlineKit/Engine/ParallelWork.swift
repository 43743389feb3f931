import Foundation

/// Runs work over a list on several threads and returns the results in input order, so the
/// output of a run is the same whatever the number of threads.
public enum ParallelWork {
    /// `transform` applied to each item, `jobs` threads at a time (nil: one per core).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int?,
                                                    _ transform: @Sendable @escaping (T) -> R) -> [R] {
        map(items, jobs: jobs, timeout: nil, work: transform, onTimeout: { _ in fatalError("no time limit was set") })
    }

    /// `work` applied to each item, `jobs` threads at a time (nil: one per core), each item with
    /// a time limit in seconds (nil or 0: none); an item past it gets `onTimeout`'s result and
    /// its worker is abandoned (see `DeadlineScheduler`).
    public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int?, timeout: Double?,
                                                    work: @Sendable @escaping (T) -> R, onTimeout: (T) -> R) -> [R] {
        guard !items.isEmpty else { return [] }
        let threads = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        let results = DeadlineScheduler.run(count: items.count, jobs: threads, timeout: timeout,
                                            work: { work(items[$0]) }, onTimeout: { onTimeout(items[$0]) })
        return results.map { $0! }
    }
}

/// Reads an input's bytes (a file, or standard input already read), or says why it is not checked.
public enum InputReader {
    public static func read(_ input: InputFile, stdinBytes: [UInt8]) -> Result<[UInt8], FileOutcomeError> {
        let bytes: [UInt8]
        if let path = input.fileSystemPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(.init(.failed(InputError(path: input.displayPath, message: "cannot read file"))))
            }
            bytes = [UInt8](data)
        } else {
            bytes = stdinBytes
        }
        if BinaryDetector.looksBinary(bytes) {
            return .failure(.init(.skipped(InputError(path: input.displayPath, message: "binary file (NUL bytes); skipped"))))
        }
        return .success(bytes)
    }
}

/// A failed read, carrying the outcome to report.
public struct FileOutcomeError: Error, Sendable {
    public let outcome: FileOutcome
    init(_ outcome: FileOutcome) { self.outcome = outcome }
}
