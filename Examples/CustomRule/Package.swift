// swift-tools-version:6.0
// A Redline plug-in: a package that adds its own rule type and builds its own `redline` with it.
import PackageDescription

let package = Package(
    name: "CustomRule",
    products: [
        .executable(name: "redline-custom", targets: ["redline-custom"]),
    ],
    dependencies: [
        // In a real plug-in: .package(url: "https://…/redline", from: "0.1.0")
        .package(name: "Redline", path: "../.."),
    ],
    targets: [
        .target(name: "ExclamationRule", dependencies: [.product(name: "RedlineKit", package: "Redline")]),
        .executableTarget(name: "redline-custom", dependencies: [
            "ExclamationRule",
            .product(name: "RedlineKit", package: "Redline"),
            .product(name: "RedlineCLI", package: "Redline"),
        ]),
        .testTarget(name: "ExclamationRuleTests", dependencies: [
            "ExclamationRule", .product(name: "RedlineKit", package: "Redline"),
        ]),
    ]
)
