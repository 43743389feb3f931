import ArgumentParser
import Foundation
import RedlineKit

/// The `redline` command and its subcommands.
@main
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
        subcommands: [CheckCommand.self, RulesCommand.self, WordsCommand.self, SuggestCommand.self],
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
