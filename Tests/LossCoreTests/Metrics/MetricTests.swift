import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct MetricTests {
    @Test func rawValuesAreTheFileAndHeaderIds() {
        #expect(Metric.allCases.map(\.rawValue) == [
            "mse", "rmse", "mae", "median_absolute_error", "msle", "r2", "poisson_deviance",
            "median_relative_error", "coefficient_error", "truth_rmse", "rate_error",
            "accuracy", "balanced_accuracy", "macro_f1", "minority_recall", "log_loss", "brier", "ece", "roc_auc",
            "hamming_loss", "subset_accuracy", "micro_f1",
        ])
    }

    @Test func codableUsesTheRawValue() throws {
        let data = try JSONEncoder().encode([Metric.expectedCalibrationError, .coefficientOfDetermination])
        #expect(String(decoding: data, as: UTF8.self) == #"["ece","r2"]"#)
        #expect(try JSONDecoder().decode([Metric].self, from: data) == [.expectedCalibrationError, .coefficientOfDetermination])
    }

    @Test(arguments: Metric.allCases)
    func summaryIsOneNonEmptyLine(metric: Metric) {
        #expect(!metric.summary.isEmpty)
        #expect(!metric.summary.contains("\n"))
    }

    @Test func higherIsBetterForScoresAndLowerForErrors() {
        let higher = Set(Metric.allCases.filter(\.higherIsBetter).map(\.rawValue))
        #expect(higher == ["r2", "accuracy", "balanced_accuracy", "macro_f1", "minority_recall", "roc_auc",
                           "subset_accuracy", "micro_f1"])
    }

    @Test func applicableTasks() {
        func names(_ task: Task) -> [String] { Metric.allCases.filter { $0.applies(to: task) }.map(\.rawValue) }
        let regression = ["mse", "rmse", "mae", "median_absolute_error", "msle", "r2", "poisson_deviance",
                          "median_relative_error", "coefficient_error", "truth_rmse", "rate_error"]
        #expect(names(.regression) == regression)
        #expect(names(.counts) == regression)
        #expect(names(.classification(classes: 2)) == ["accuracy", "balanced_accuracy", "macro_f1", "minority_recall",
                                                         "log_loss", "brier", "ece", "roc_auc"])
        #expect(names(.classification(classes: 3)) == ["accuracy", "balanced_accuracy", "macro_f1", "minority_recall",
                                                         "log_loss", "brier", "ece"])
        #expect(names(.multilabel(labels: 4)) == ["hamming_loss", "subset_accuracy", "micro_f1"])
    }

    @Test func everyMetricAppliesToSomeTask() {
        let tasks: [Task] = [.regression, .counts, .classification(classes: 2), .classification(classes: 5),
                             .multilabel(labels: 3)]
        #expect(Metric.allCases.allSatisfy { metric in tasks.contains { metric.applies(to: $0) } })
    }
}
