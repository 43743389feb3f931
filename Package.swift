// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Redline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redline", targets: ["redline"]),
        // The engine, for other Swift tools and for third-party rule plug-ins.
        .library(name: "RedlineKit", targets: [
            "RedlineCore", "RedlineText", "RedlineSpelling", "RedlineRules", "RedlineRuleFiles", "RedlineReporters",
            "RedlineKit",
        ]),
        // The command line, for plug-in packages that build a `redline` with their own rules.
        .library(name: "RedlineCLI", targets: ["RedlineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries (Debian: libhunspell-dev, libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(name: "CHunspell", pkgConfig: "hunspell", providers: [.apt(["libhunspell-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Span, SourceFile, Document, Token, Finding, Fix, the rule protocols and registry.
        .target(name: "RedlineCore"),
        // Format readers (plain text, Markdown, YAML front matter) and the tokenizer.
        .target(name: "RedlineText", dependencies: ["RedlineCore", "CCmark", "Yams"]),
        // Hunspell wrapper, layered dictionaries, suggestion ranking.
        .target(name: "RedlineSpelling", dependencies: ["RedlineCore", "CHunspell"]),
        // Built-in rules, one file each, in folders by family.
        .target(name: "RedlineRules", dependencies: ["RedlineCore", "RedlineText", "RedlineSpelling"]),
        // Declarative rule files (`Rules/**/*.yml`): one file per rule kind, strict YAML decoding.
        .target(name: "RedlineRuleFiles", dependencies: ["RedlineCore", "Yams"]),
        // One reporter per output format; pure functions from findings to text.
        .target(name: "RedlineReporters", dependencies: ["RedlineCore"]),
        // The engine: data discovery, file walking, scheduling, the check pipeline.
        .target(name: "RedlineKit", dependencies: [
            "RedlineCore", "RedlineText", "RedlineSpelling", "RedlineRules", "RedlineRuleFiles", "RedlineReporters", "Yams",
        ]),
        // The command line as a library, so a plug-in package can build its own `redline`.
        .target(name: "RedlineCLI", dependencies: [
            "RedlineKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The `redline` executable: the command line with the built-in rules.
        .executableTarget(name: "redline", dependencies: ["RedlineCLI"]),

        // Benchmark of the spelling suggestions (scripts/bench-suggestions.sh).
        .executableTarget(name: "suggestion-bench", dependencies: ["RedlineSpelling"]),

        .testTarget(name: "RedlineTests", dependencies: ["RedlineKit", "redline", "Yams"], exclude: ["Fixtures", "Golden"]),
    ]
)
