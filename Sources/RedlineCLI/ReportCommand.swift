import ArgumentParser
import Foundation
import RedlineKit
import RedlineReporters

/// `redline report --html out.html PATH...`: a self-contained page for editors.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: each article with its findings highlighted in place, a summary, filters.")

    @Option(name: .long, help: ArgumentHelp("Where to write the page.", valueName: "file"))
    var html: String

    @Argument(help: ArgumentHelp("Files or folders; - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var checking: CheckingOptions

    @OptionGroup(title: "Repositories and CI") var repository: RepositoryOptions

    func run() throws {
        var (result, _) = try CheckRunner.run(paths: paths, checking: checking, repository: repository, stdinFilename: nil)
        if let baseline = try repository.loadBaseline() { result.files = baseline.filter(result.files) }
        var articles: [HTMLReporter.Article] = []
        for file in result.files {
            switch FixWriter.currentBytes(of: file) {
            case .success(let bytes):
                articles.append(.init(path: file.path, text: String(decoding: bytes, as: UTF8.self), diagnostics: file.diagnostics))
            case .failure(let e):
                Console.error("redline: \(file.path): \(e.message)")
            }
        }
        let page = HTMLReporter(title: "Redline report").render(articles)
        do {
            try FixWriter.writeAtomically(Array(page.utf8), to: html, creating: true)
        } catch {
            throw CommandError("\(html): cannot write the report: \(error)")
        }
        Console.error("redline: wrote \(html) (\(result.diagnostics.count) findings in \(articles.count) files)")
        if !result.errors.isEmpty { throw ExitCode(2) }
    }
}
