import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// Damaged results files and stored trials are either redone or refused with file:line:column;
/// none is silently dropped, drawn or passed by a gate.
@Suite struct DamagedInputTests {
    static func finishedStudy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let run = losslab(["run", "tiny.json5", "--quiet"], in: folder)
        #expect(run.code == .success, "\(run.error)")
        return folder
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        var file: String
        var transform: @Sendable (String) -> String
        var message: String
        var testDescription: String { "\(file): \(message)" }
    }

    static let summaryDamages: [Damage] = [
        .init(file: "summary.csv", transform: { String($0.prefix { $0 != "\n" }) + "\n" },
              message: "summary.csv:2:1: expected at least one row for the figure l, but it has no rows for the metric mae"),
        .init(file: "summary.csv", transform: { $0.replacingOccurrences(of: ",mean,", with: ",average,") },
              message: "expected a header with a mean column (the lines figure l reads it)"),
        .init(file: "summary.csv", transform: { String($0.dropLast(5)) }, message: "expected a newline at the end of the last row"),
        .init(file: "summary.csv", transform: { $0 + "\"mse,open\n" },
              message: "expected a closing quote for the field opened here"),
    ]

    /// `plot` on a damaged summary.csv: exit 65 with the location, no figure written from it.
    @Test(arguments: summaryDamages)
    func plotRefusesADamagedTable(_ damage: Damage) throws {
        let folder = try Self.finishedStudy()
        let path = "results/tiny/" + damage.file
        try folder.write(damage.transform(try folder.read(path)), to: path)
        let script = try folder.read("plots/tiny/l.gp")
        let plot = losslab(["plot", "tiny.json5"], in: folder)
        #expect(plot.code == .dataError, "\(plot.error)")
        #expect(plot.error.contains(damage.message), "\(plot.error)")
        #expect(try folder.read("plots/tiny/l.gp") == script)
    }

    /// A gate that passes on empty results is a hole: `compare` refuses them.
    @Test func compareRefusesEmptyOrMetriclessTrials() throws {
        let folder = try Self.finishedStudy()
        let trials = try folder.read("results/tiny/trials.csv")
        let header = String(trials.prefix { $0 != "\n" }) + "\n"
        for name in ["empty", "nometric", "cut"] { try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true) }
        try folder.write(header, to: "empty/trials.csv")
        let empty = losslab(["compare", "results/tiny", "empty"], in: folder)
        #expect(empty.code == .dataError, "\(empty.error)")
        #expect(empty.error.contains("expected at least one trial (the file has only its header"), "\(empty.error)")
        let withoutMetric = trials.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        try folder.write(withoutMetric.replacingOccurrences(of: ",train_seconds", with: ",seconds_of_training"), to: "nometric/trials.csv")
        let metricless = losslab(["compare", "results/tiny", "nometric"], in: folder)
        #expect(metricless.code == .dataError, "\(metricless.error)")
        #expect(metricless.error.contains("expected a trials.csv with at least one metric or timing column"), "\(metricless.error)")
        try folder.write(String(trials.dropLast(3)), to: "cut/trials.csv")
        let cut = losslab(["compare", "results/tiny", "cut"], in: folder)
        #expect(cut.code == .dataError && cut.error.contains("cut off"), "\(cut.error)")
    }

    /// A stored trial that is valid JSON but not a trial is redone, not counted as done and then
    /// dropped from trials.csv.
    @Test(arguments: [("\"status\":\"completed\"", "\"status\":\"bogus\""), ("\"epochsRun\"", "\"epochs\""), ("\"id\":\"", "\"id\":\"0")])
    func aStoredTrialThatDoesNotDecodeIsRedone(_ from: String, _ to: String) throws {
        let folder = try Self.finishedStudy()
        let store = ResultStore(resultsRoot: folder.file("results"), experiment: "tiny")
        let id = try #require(store.storedIDs().sorted().first)
        let original = try folder.read("results/tiny/trials/\(id).json")
        #expect(original.contains(from))
        try folder.write(original.replacingOccurrences(of: from, with: to), to: "results/tiny/trials/\(id).json")
        let again = losslab(["run", "tiny.json5"], in: folder)
        #expect(again.code == .success, "\(again.error)")
        #expect(again.error.contains("8 trials, 7 already done, 1 unreadable (stored files that do not decode, will be redone), 1 to run"),
                "\(again.error)")
        #expect(try folder.read("results/tiny/trials.csv").split(separator: "\n").count == 1 + 8)
        let dry = losslab(["run", "--dry-run", "tiny.json5"], in: folder)
        #expect(dry.out.contains("(8 done, 0 stale, 0 unreadable, 0 pending)"), "\(dry.out)")
    }

    /// `loss: ["cce", {name: "focal"}, {name: "cce", label: "cce_weighted"}]` used to file every CCE
    /// trial under one label; now such a file is refused, naming both entries.
    @Test func entriesThatDifferOnlyByLabelAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("""
        { name: "labels", dataset: { generator: "classes", classes: 3, train_size: 40, test_size: 20 },
          loss: ["cce", {name: "focal"}, {name: "cce", label: "cce_weighted"}], training: { epochs: 1 }, seeds: 2,
          expect: [{metric: "accuracy", better: "focal", than: "cce"}] }
        """, to: "labels.json5")
        for command in ["validate", "run"] {
            let outcome = losslab([command, "labels.json5"], in: folder)
            #expect(outcome.code == .dataError, "\(outcome.error)")
            #expect(outcome.error.contains("labels.json5: loss[2] = \"cce_weighted\": expected a loss entry whose trials differ from those of loss[0] (\"cce\")"),
                    "\(outcome.error)")
        }
        try folder.write("""
        { name: "twice", dataset: { generator: "gaussian", train_size: 40, test_size: 20 },
          loss: ["mse", {name: "huber", delta: [1, 2, 1]}], training: { epochs: 1 }, seeds: 2 }
        """, to: "twice.json5")
        let twice = losslab(["validate", "twice.json5"], in: folder)
        #expect(twice.code == .dataError)
        #expect(twice.error.contains("twice.json5: loss[1].delta = [1,2,1]: expected a sweep that lists each value once"), "\(twice.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("results")))
    }

    /// A claim with no pair of trials (every MSE trial diverges) is an error, not a verdict.
    @Test func aClaimWithoutPairsIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment().replacingOccurrences(of: "training: { epochs: 2, batch_size: 10 }",
                                                               with: "training: { epochs: 2, batch_size: 10, optimizer: \"sgd\", learning_rate: 1e5 }"),
                         to: "tiny.json5")
        let run = losslab(["run", "tiny.json5"], in: folder)
        #expect(run.code == .failure, "\(run.error)")
        #expect(run.error.contains("error: tiny.json5: claim \"mae has a lower mae than mse\" has no pair of trials to compare"), "\(run.error)")
        #expect(!run.error.contains("INCONCLUSIVE"))
        #expect(run.error.contains("4 diverged"))
        #expect(try folder.read("results/tiny/trials.csv").split(separator: "\n").count == 1 + 8)
    }
}
