// swift-tools-version:6.0
import Foundation
import PackageDescription

/// A package of one's own that depends on LossLab by version and adds a loss written in Swift.
///
/// LossLab is fetched from `LOSSLAB_PACKAGE_URL` (a git repository with version tags, such as a
/// clone of LossLab that `make example` tags), by default from the repository this example sits
/// in. Depended on by version, LossLab builds without unsafe flags (see its Package.swift).
let lossLab = ProcessInfo.processInfo.environment["LOSSLAB_PACKAGE_URL"]
    ?? URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../..").standardized.absoluteString

let package = Package(
    name: "welsch-losslab",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: lossLab, from: "0.1.0"),
    ],
    targets: [
        .executableTarget(name: "welsch-losslab", dependencies: [
            .product(name: "LossCore", package: "LossLab"),
            .product(name: "LossLabCLI", package: "LossLab"),
        ]),
    ]
)
