// swift-tools-version:6.0
// The libFuzzer target over Redline's whole pipeline, a package of its own so that the fuzzer's
// instrumentation never touches the main build. Run it with `scripts/fuzz.sh [seconds]`.
import PackageDescription

let package = Package(
    name: "RedlineFuzz",
    dependencies: [
        .package(name: "Redline", path: ".."),
    ],
    targets: [
        // `main` hands the target to libFuzzer (`-sanitize=fuzzer`) through `LLVMFuzzerRunDriver`.
        .executableTarget(
            name: "redline-fuzz",
            dependencies: [.product(name: "RedlineKit", package: "Redline")]
        ),
    ]
)
