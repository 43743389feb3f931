import RedlineCore

/// `engine.timeout`: checking a file took longer than the per-file time limit
/// (`--file-timeout`), so its findings were dropped and the run went on without it.
///
/// The engine reports it (see `DeadlineScheduler` in RedlineKit); the rule is registered so that
/// it is listed, documented and can be given another severity like any other.
public struct EngineTimeoutRule: DocumentRule {
    public static let info = RuleInfo(
        id: "engine.timeout",
        category: .engine,
        defaultSeverity: .error,
        summary: "Checking the file took longer than the per-file time limit (--file-timeout); it was "
            + "abandoned and the run went on. Report the file: it makes Redline run away."
    )

    public init(environment: RuleEnvironment) throws {}

    public func check(_ document: Document, options: CheckOptions) -> [Finding] { [] }
}
