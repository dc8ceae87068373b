// swift-tools-version:6.0
import PackageDescription

/// Layout: a numerics core that knows nothing of files (`LossCore`), an experiment harness that
/// knows nothing of the command line (`LossHarness`), a testable CLI library (`LossLabCLI`) and a
/// `main.swift` of a few lines (`losslab`).
let optimise: [SwiftSetting] = [
    // Bounds checks stay on in debug builds (tests); release builds of the hot loops drop them.
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
]

let package = Package(
    name: "LossLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "losslab", targets: ["losslab"]),
        .library(name: "LossCore", targets: ["LossCore"]),
        .library(name: "LossHarness", targets: ["LossHarness"]),
    ],
    targets: [
        .target(name: "LossCore", swiftSettings: optimise),
        .target(name: "LossHarness", dependencies: ["LossCore"], swiftSettings: optimise),
        .target(name: "LossLabCLI", dependencies: ["LossCore", "LossHarness"], swiftSettings: optimise),
        .executableTarget(name: "losslab", dependencies: ["LossLabCLI"], swiftSettings: optimise),
        .testTarget(name: "LossCoreTests", dependencies: ["LossCore"]),
        // Fixtures are read from the source tree (#filePath), by these tests and the CLI's.
        .testTarget(name: "LossHarnessTests", dependencies: ["LossHarness", "LossCore"], exclude: ["Fixtures"]),
        .testTarget(name: "LossLabCLITests", dependencies: ["LossLabCLI", "LossHarness", "LossCore"]),
    ]
)
