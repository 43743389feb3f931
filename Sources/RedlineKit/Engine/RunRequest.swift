import Foundation

/// What a `CheckSession` run is asked to do.
public struct RunRequest: Sendable {
    /// The files to check and report on.
    public var inputs: [InputFile]
    /// Files read only so the cross-file rules can judge `inputs` against them (the rest of the
    /// repository under `--changed-since`); nothing is reported for them. Their facts come from
    /// the cache when it has them, else they are checked (and cached).
    public var context: [InputFile]
    /// Where per-file results are kept between runs (nil: no cache).
    public var cacheDirectory: String?
    /// Facts files written by `redline facts` (other CI shards): the cross-file rules also see
    /// the files they describe, except those this run checks itself.
    public var factsFiles: [String]
    /// Whether the result should carry the checked files' facts (`redline facts`).
    public var wantsFacts = false
    /// Told each time a file is done (from worker threads).
    public var progress: (@Sendable () -> Void)?

    public init(inputs: [InputFile], context: [InputFile] = [], cacheDirectory: String? = nil,
                factsFiles: [String] = [], progress: (@Sendable () -> Void)? = nil) {
        self.inputs = inputs
        self.context = context
        self.cacheDirectory = cacheDirectory
        self.factsFiles = factsFiles
        self.progress = progress
    }
}
