import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite(.serialized)
struct ClaimVerdictTests {
    /// With 30% of targets hit by one-sided outliers, the least-absolute-deviation fit recovers the
    /// coefficients far better than least squares: the claim is supported and its reverse
    /// contradicted.
    @Test func knownAnswersOnOutliers() throws {
        let experiment = try loadExperiment("""
        {name: "claims", dataset: {generator: "outliers", outlier_fraction: 0.3, train_size: 300, test_size: 200, features: 3},
         loss: ["mse", "mae"], training: {learning_rate: 0.05, epochs: 10}, seeds: 5,
         metrics: ["coefficient_error", "mae"],
         expect: [
           {metric: "coefficient_error", better: "mae", than: "mse"},
           {metric: "coefficient_error", better: "mse", than: "mae", statement: "least squares wins"},
         ]}
        """)
        let folder = try TemporaryFolder()
        let report = try #require(try runExperiment(experiment, root: folder.path, jobs: 2).report)
        #expect(report.claims.map(\.verdict) == [.supported, .contradicted])
        let supported = report.claims[0]
        #expect(supported.pairs == 5)
        #expect(supported.meanDifference! < 0)
        #expect(supported.pValue! < 0.05)
        #expect(supported.expectation.statement == "mae has a lower coefficient_error than mse")
        #expect(report.claims[1].meanDifference! == -supported.meanDifference!)

        let claims = CSVTable(text: try folder.read("claims/claims.csv"))
        #expect(claims.rows.map { claims.value($0, "verdict")! } == ["supported", "contradicted"])
        #expect(claims.rows.map { claims.value($0, "statement")! } == ["mae has a lower coefficient_error than mse", "least squares wins"])
        #expect(claims.rows.map { claims.value($0, "pairs")! } == ["5", "5"])
    }
}
