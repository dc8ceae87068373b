import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

/// The registry as a whole. Each metric's polarity, tasks and value are checked against its row of
/// ``MetricReferenceCases`` by `MetricReferenceTests`.
@Suite struct MetricTests {
    @Test func idsAreUnique() {
        var seen: Set<String> = []
        for metric in Metric.allCases {
            #expect(seen.insert(metric.rawValue).inserted, "\"\(metric.rawValue)\" is registered twice")
        }
    }

    /// Ids are CSV headers and experiment-file words: lower-case letters, digits and underscores
    /// (never the dot of a swept field's column), starting with a letter, never the name of one of
    /// the fixed columns of `trials.csv` and `history.csv`.
    @Test(arguments: Metric.allCases)
    func idIsAColumnName(metric: Metric) {
        let id = metric.rawValue
        #expect(id.first?.isLetter == true, "\(id)")
        #expect(id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }, "\(id)")
        let fixedColumns = ["trial_id", "loss", "series", "repetition", "seed", "status", "message", "epochs_run",
                            "train_seconds", "epoch", "train_loss", "test_loss"]
        #expect(!fixedColumns.contains(id), "\(id)")
    }

    @Test(arguments: Metric.allCases)
    func rawValueFindsTheMetric(metric: Metric) {
        let found = Metric(rawValue: metric.rawValue)
        #expect(found == metric)
        #expect(found?.summary == metric.summary)
        #expect(metric.description == metric.rawValue)
    }

    @Test func unknownIdsAreNotMetrics() {
        #expect(Metric(rawValue: "MSE") == nil)
        #expect(Metric(rawValue: "") == nil)
        #expect(Metric(rawValue: "meanSquaredError") == nil)
    }

    @Test func equalityAndHashingFollowTheId() {
        #expect(Metric.meanSquaredError == Metric(rawValue: "mse"))
        #expect(Metric.meanSquaredError != .rootMeanSquaredError)
        #expect(Set(Metric.allCases + Metric.allCases).count == Metric.allCases.count)
    }

    @Test func codableUsesTheRawValue() throws {
        let data = try JSONEncoder().encode([Metric.expectedCalibrationError, .coefficientOfDetermination])
        #expect(String(decoding: data, as: UTF8.self) == #"["ece","r2"]"#)
        #expect(try JSONDecoder().decode([Metric].self, from: data) == [.expectedCalibrationError, .coefficientOfDetermination])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Metric].self, from: Data(#"["nope"]"#.utf8)) }
    }

    @Test(arguments: Metric.allCases)
    func summaryIsOneNonEmptyLine(metric: Metric) {
        #expect(!metric.summary.isEmpty)
        #expect(!metric.summary.contains("\n"))
    }

    @Test func everyMetricAppliesToSomeTask() {
        let tasks: [Task] = [.regression, .counts, .classification(classes: 2), .classification(classes: 5),
                             .multilabel(labels: 3)]
        for metric in Metric.allCases {
            #expect(tasks.contains { metric.applies(to: $0) }, "\(metric.rawValue) applies to no task")
        }
    }
}
