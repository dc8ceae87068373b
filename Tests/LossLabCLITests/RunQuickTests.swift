import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab run --quick` end to end, and the quick gate's round trip: run, save, run again, check.
@Suite struct RunQuickTests {
    static let experiment = """
    { version: 1, name: "tiny", dataset: { generator: "gaussian", train_size: 1000, test_size: 50, features: 2 },
      loss: ["mse", "mae"], training: { epochs: 20, batch_size: 64 }, seeds: 5, metrics: ["mse", "mae"] }
    """

    @Test func quickRunsAreReducedAndReproducible() throws {
        let root = try CLIFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try CLIFixtures.write(Self.experiment, to: root + "/tiny.json5")
        let run = ["run", root + "/tiny.json5", "--quick", "--results", root + "/quick", "--no-plots", "--quiet", "--jobs", "1"]
        #expect(CLIFixtures.run(run).code == .success)
        let table = CSVTable(text: try String(contentsOfFile: root + "/quick/tiny/trials.csv", encoding: .utf8))
        #expect(table.rows.count == 2 * 2)
        #expect(table.rows.allSatisfy { table.value($0, "epochs_run") == "3" })
        let spec = try String(contentsOfFile: root + "/quick/tiny/spec.json", encoding: .utf8)
        #expect(spec.contains(#""dataset.train_size": 400"#))

        #expect(CLIFixtures.run(["baseline", "save", "quick", root + "/quick", "--results", root + "/results"]).code == .success)
        try FileManager.default.removeItem(atPath: root + "/quick")
        #expect(CLIFixtures.run(run).code == .success)
        let check = CLIFixtures.run(["compare", root + "/results/baselines/quick", root + "/quick"])
        #expect(check.code == .success)
        // Every metric is identical; only train_seconds (2 runs a side, never significant) can move,
        // and a likely timing change is listed without changing the exit code.
        #expect(check.out.contains("0 regressed, "), "\(check.out)")
        #expect(check.out.contains(" 0 improved, "), "\(check.out)")
        #expect(check.out.split(separator: "\n").filter { $0.hasPrefix("likely") }.allSatisfy { $0.contains("train_seconds") }, "\(check.out)")
    }

    @Test func helpDocumentsQuick() {
        #expect(CLIFixtures.run(["run", "--help"]).out.contains("""
          --quick            reduced settings for a fast regression gate, train experiments only:
                             2 seeds (or --seeds N), at most 3 epochs, at most 400 training and 400
                             test samples; caps apply after --set, curves experiments run as written
        """))
    }
}
