import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// An experiment from JSON5 text, validated as a file named `file` would be.
func loadExperiment(_ text: String, file: String = "test.json5", overrides: [String] = []) throws -> Experiment {
    try ExperimentLoader.load(data: Data(text.utf8), file: file, overrides: overrides)
}

/// Every problem the harness finds in `data` before running: the file, the grid size (at the
/// default limit) and the pairings, as `losslab validate` checks them.
func problems(in data: Data, file: String) -> [SpecError] {
    do {
        let experiment = try ExperimentLoader.load(data: data, file: file)
        let runner = try Runner(experiment: experiment, options: RunOptions(resultsRoot: "/nonexistent", jobs: 1))
        return DuplicateTrialCheck.problems(in: runner.grid) + PairingCheck.problems(in: runner.grid)
    } catch let errors as SpecErrors {
        return errors.errors
    } catch {
        return [SpecError(file: file, path: "(unexpected)", expected: "\(error)")]
    }
}

/// A provenance that does not change between runs, so that spec.json can be compared.
let testProvenance = Provenance(build: "test", gitCommit: nil, date: "2026-01-01T00:00:00Z", host: "test", processors: 1,
                                commandLine: ["losslab", "run"])

/// Runs `experiment` into `root` (its results folder is `root/<name>`) and assembles its files.
@discardableResult
func runExperiment(_ experiment: Experiment, root: String, jobs: Int, fresh: Bool = false, build: String = "test-build",
                   cancellation: Cancellation = Cancellation(),
                   observe: @escaping @Sendable (RunEvent) -> Void = { _ in }) throws -> ExperimentRun.Outcome {
    let runner = try Runner(experiment: experiment, options: RunOptions(resultsRoot: root, jobs: jobs, fresh: fresh, build: build))
    return try ExperimentRun.execute(runner, provenance: testProvenance, cancellation: cancellation, observe: observe)
}

/// CSV text with the named column removed from every row (timing columns differ between runs).
func removingColumn(_ name: String, from text: String) -> String {
    let table = CSVTable(text: text)
    guard let index = table.column(name) else { return text }
    var lines = [CSV.row(table.header.enumerated().filter { $0.offset != index }.map(\.element))]
    for row in table.rows {
        lines.append(CSV.row(row.enumerated().filter { $0.offset != index }.map(\.element)))
    }
    return lines.joined()
}

/// The result files compared between runs, with train_seconds removed.
func resultFiles(_ directory: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in ["trials.csv", "history.csv", "summary.csv", "claims.csv"] {
        let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        files[name] = removingColumn("train_seconds", from: text)
    }
    return files
}

/// The folder of this test target's fixtures in the source tree.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path
