// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The float32 kernels (matrix products, optimizer loops) are written with 8-lane SIMD and fused
/// multiply-adds. On x86-64 they are compiled for AVX2 and FMA (`-target-cpu haswell`, the
/// x86-64-v3 feature level: Intel since 2013, AMD since 2015) when the machine that builds has those
/// features, read from /proc/cpuinfo; elsewhere the build stays generic (SSE2, no FMA), slower but
/// runnable anywhere. `LOSSLAB_TARGET_CPU=x86-64 swift build -c release` forces the portable build
/// (for a binary meant for older machines); any other value is passed to `-target-cpu` as it is.
let targetCPU: String? = {
    if let forced = ProcessInfo.processInfo.environment["LOSSLAB_TARGET_CPU"] {
        return forced.isEmpty || forced == "x86-64" || forced == "generic" ? nil : forced
    }
    #if arch(x86_64) && os(Linux)
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
    let flags = Set(line.split(separator: " ").map(String.init))
    let haswell = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt", "xsave"]
    return haswell.allSatisfy(flags.contains) ? "haswell" : nil
    #else
    return nil
    #endif
}()

/// Whether the kernels may use fused multiply-adds (`LOSSLAB_FMA`): always on arm64, on x86-64 when
/// compiled for a CPU that has them. Without the define they use a separate multiply and add, since
/// an FMA without hardware support is a slow library call.
let hasFMA: Bool = {
    #if arch(arm64)
    return true
    #else
    return targetCPU != nil
    #endif
}()

let vectorFlags: [SwiftSetting] = (targetCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? [])
    + (hasFMA ? [.define("LOSSLAB_FMA")] : [])

/// Layout: a numerics core that knows nothing of files (`LossCore`), an experiment harness that
/// knows nothing of the command line (`LossHarness`), a testable CLI library (`LossLabCLI`) and a
/// `main.swift` of a few lines (`losslab`).
let optimise: [SwiftSetting] = vectorFlags + [
    // `Float.squareRoot()` goes through C's sqrtf, which may set errno; without errno it is the
    // plain instruction, and SIMD8's squareRoot becomes one vsqrtps instead of eight calls (the
    // Adam step). Nothing in LossLab reads errno after a math function.
    .unsafeFlags(["-Xcc", "-fno-math-errno"]),
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
        // What the three test targets share: one tolerance rule, one temporary folder, the mutator.
        .target(name: "LossLabTestSupport", dependencies: ["LossCore", "LossHarness"], path: "Tests/TestSupport"),
        .testTarget(name: "LossCoreTests", dependencies: ["LossCore", "LossLabTestSupport"]),
        // Fixtures are read from the source tree (#filePath), by these tests and the CLI's.
        .testTarget(name: "LossHarnessTests", dependencies: ["LossHarness", "LossCore", "LossLabTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LossLabCLITests", dependencies: ["LossLabCLI", "LossHarness", "LossCore", "LossLabTestSupport"]),
    ]
)
