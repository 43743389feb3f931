import ArgumentParser
import Foundation
import RedlineCore
import RedlineKit

/// Entry point of the command line, for the `redline` executable and for plug-in packages that
/// build their own with more rules.
public enum RedlineCommandLine {
    /// Parses the process arguments and runs the command with the rules of `registry`;
    /// never returns.
    public static func main(registry: RuleRegistry) -> Never {
        PhaseTrace.mark("main")
        ActiveRegistry.shared.set(registry)
        Redline.main()
        Foundation.exit(0)
    }
}

/// The registry the commands use (set once, before parsing).
final class ActiveRegistry: @unchecked Sendable {
    static let shared = ActiveRegistry()
    private let lock = NSLock()
    private var value = RuleRegistry()
    func set(_ registry: RuleRegistry) { lock.lock(); value = registry; lock.unlock() }
    var registry: RuleRegistry { lock.lock(); defer { lock.unlock() }; return value }
}

/// The `redline` command and its subcommands.
struct Redline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Proofing and consistency checks for news copy: spelling, name transliterations, "
            + "numeric contradictions and stray metadata.",
        discussion: """
            Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
            2 usage, configuration or I/O error.
            """,
        version: RedlineVersion.string,
        subcommands: [CheckCommand.self, DiffCommand.self, FixCommand.self, ReportCommand.self, RulesCommand.self, ConfigCommand.self,
                      WordsCommand.self, SuggestCommand.self, NamesCommand.self, BaselineCommand.self, FactsCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Runs the command; usage errors exit with 2 (not ArgumentParser's 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}

/// An error the command reports on stderr before exiting with 2.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
