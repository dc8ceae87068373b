import LossCore
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab list metrics` prints the registry: every registered metric, in registry order, with
/// its polarity and its summary.
@Suite struct ListCommandTests {
    @Test func listMetricsPrintsEveryRegisteredMetric() throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(["list", "metrics"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        let lines = outcome.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Metrics (metrics), computed on the test set:")
        for metric in Metric.allCases {
            let polarity = metric.higherIsBetter ? "higher" : "lower"
            #expect(lines.contains("  \(metric.rawValue) (\(polarity) is better): \(metric.summary)"),
                    "metric \"\(metric.rawValue)\" is missing from `losslab list metrics`")
        }
        let listed = lines.dropFirst().map { String($0.dropFirst(2).prefix { $0 != " " }) }
        #expect(listed == Metric.allCases.map(\.rawValue))
    }
}
