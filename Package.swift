// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Build flavours. The float32 kernels (matrix products, element-wise loss and activation paths,
/// optimizer loops) are written with SIMD vectors and fused multiply-adds; how they are compiled is
/// chosen by `LOSSLAB_TARGET_CPU`:
///
/// - unset: no unsafe flags at all. This is the package as a dependency of another (SwiftPM refuses
///   unsafe flags in a package depended on by version, see examples/custom-loss): portable, bounds
///   checks on, a separate multiply and add.
/// - `auto` (what the Makefile exports, so `make reproduce`, `make test` and `make bench` build
///   it): on x86-64, the widest vectors of the building machine, read from /proc/cpuinfo:
///   AVX-512 (F, CD, BW, DQ, VL: `-target-cpu skylake-avx512`, the x86-64-v4 level: Intel since
///   2017, AMD since Zen 4) with 16-lane kernels, else AVX2 and FMA (`-target-cpu haswell`, the
///   x86-64-v3 level: Intel since 2013, AMD since 2015) with 8-lane kernels, else generic; release
///   builds drop bounds checks (`-Ounchecked`); no errno after math.
/// - `x86-64` or `generic`: the same fast flags for a generic x86-64 (a binary for older machines).
/// - any other value: passed to `-target-cpu` as it is (`LOSSLAB_TARGET_CPU=haswell` builds the
///   AVX2 kernels on an AVX-512 machine); the 16-lane kernels are used for the CPUs of
///   `avx512CPUs`.
///
/// Fused multiply-adds round differently from a multiply and an add, so results differ in the last
/// bits between a build with FMA and one without. The vector width does not change them: the
/// AVX-512 and AVX2 kernels sum in the same order (see MatrixMultiply), so an AVX-512 build and an
/// AVX2 build give the same bits, and committed results and the quick baseline hold for both.
let requestedCPU = ProcessInfo.processInfo.environment["LOSSLAB_TARGET_CPU"]
let fastFlags = requestedCPU != nil

/// `-target-cpu` values with AVX-512 F, CD, BW, DQ and VL.
let avx512CPUs: Set<String> = ["skylake-avx512", "cascadelake", "cooperlake", "cannonlake", "icelake-client",
                               "icelake-server", "tigerlake", "rocketlake", "sapphirerapids", "emeraldrapids",
                               "graniterapids", "znver4", "znver5"]

let targetCPU: String? = {
    guard let requested = requestedCPU else { return nil }
    if requested.isEmpty || requested == "x86-64" || requested == "generic" { return nil }
    if requested != "auto" { return requested }
    #if arch(x86_64) && os(Linux)
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
    let flags = Set(line.split(separator: " ").map(String.init))
    let haswell = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt", "xsave"]
    let avx512 = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    guard haswell.allSatisfy(flags.contains) else { return nil }
    return avx512.allSatisfy(flags.contains) ? "skylake-avx512" : "haswell"
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

/// Whether the kernels use 16-lane vectors (`LOSSLAB_AVX512`).
let hasAVX512 = targetCPU.map(avx512CPUs.contains) ?? false

let vectorFlags: [SwiftSetting] = (targetCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? [])
    + (hasFMA ? [.define("LOSSLAB_FMA")] : []) + (hasAVX512 ? [.define("LOSSLAB_AVX512")] : [])

/// Layout: a numerics core that knows nothing of files (`LossCore`), an experiment harness that
/// knows nothing of the command line (`LossHarness`), a testable CLI library (`LossLabCLI`) and a
/// `main.swift` of a few lines (`losslab`).
let optimise: [SwiftSetting] = !fastFlags ? (hasFMA ? [.define("LOSSLAB_FMA")] : []) : vectorFlags + [
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
        // The command line as a library: a package of one's own calls `LossLab.main(extensions:)`
        // to get every command with its own losses (examples/custom-loss).
        .library(name: "LossLabCLI", targets: ["LossLabCLI"]),
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
