import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite(.serialized)
struct ClaimVerdictTests {
    /// With 30% of targets hit by one-sided outliers, the least-absolute-deviation fit recovers the
    /// coefficients far better than least squares: the claim is supported and its reverse, the same
    /// test with the losses swapped, is a duplicate that is counted once and contradicted.
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
        #expect(supported.pairs == 5 && supported.evidence.units.count == 5)
        #expect(supported.meanDifference! < 0)
        #expect(supported.pValue! < 0.05)
        #expect(supported.claim.statement == "mae has a lower coefficient_error than mse")
        #expect(report.claims[1].meanDifference! == -supported.meanDifference!)
        #expect(report.claims[1].duplicateOf == 0 && supported.duplicateOf == nil)
        #expect(supported.familySize == 1 && supported.holmPValue == supported.pValue)
        #expect(report.claims[1].holmPValue == supported.holmPValue)

        let claims = CSVTable(text: try folder.read("claims/claims.csv"))
        #expect(claims.header == ClaimVerdict.csvHeader)
        #expect(claims.rows.map { claims.value($0, "verdict")! } == ["supported", "contradicted"])
        #expect(claims.rows.map { claims.value($0, "statement")! } == ["mae has a lower coefficient_error than mse", "least squares wins"])
        #expect(claims.rows.map { claims.value($0, "pairs")! } == ["5", "5"])
        #expect(claims.rows.map { claims.value($0, "duplicate_of")! } == ["", "1"])
        #expect(claims.rows.map { claims.value($0, "test")! } == ["paired t-test", "paired t-test"])
        let units = CSVTable(text: try folder.read("claims/claim-units.csv"))
        #expect(units.rows.count == 10 && units.header == ["claim", "repetition", "settings", "scale", "value"])
    }

    /// Two settings sharing three repetitions, differences better - than of (1, 2, 3) and (3, 2, 4):
    /// the units are the repetition means (2, 2, 3.5), mean 2.5, sd √0.75, t = 5 on 2 degrees of
    /// freedom, p = 1 - 5/√27 = 0.037750 (Student's t with 2 df has P(T > t) = (1 - t/√(t² + 2))/2).
    /// The 6 pairs as if independent would give p = 0.0065: the pooled test is on 3 units.
    @Test func pooledSettingsAreTestedOnTheRepetition() throws {
        let observations = Self.observations([("a", [10, 11, 12], [9, 9, 9]), ("b", [13, 12, 14], [10, 10, 10])])
        let verdict = ClaimVerdict(claim: Self.claim(higherIsBetter: true), observations: observations)
        #expect(verdict.pairs == 6 && verdict.settings == 2)
        #expect(verdict.evidence.units.map(\.value) == [2, 2, 3.5])
        #expect(verdict.evidence.scale == .difference)
        #expect(verdict.evidence.test.description == "paired t-test on per-repetition mean differences")
        #expect(isClose(verdict.pValue!, 1 - 5 / 27.0.squareRoot(), relative: 1e-12))
        #expect(verdict.evidence.degreesOfFreedom == 2)
        #expect(verdict.verdict == .supported)
        #expect(verdict.evidence.reason.hasPrefix("2 settings pooled; they share their seeds, so the unit is the repetition (3 units)"))
    }

    /// Settings whose scales differ by more than a factor of 2 are pooled on log-ratios: a loss
    /// twice as bad everywhere gives units ln 2 whatever the scale.
    @Test func settingsOfDifferentScalesUseLogRatios() throws {
        let observations = Self.observations([("small", [2, 4, 3], [1, 2, 1.5]), ("large", [20, 40, 30], [10, 20, 15])])
        let verdict = ClaimVerdict(claim: Self.claim(higherIsBetter: false), observations: observations)
        #expect(verdict.evidence.scale == .logRatio)
        #expect(verdict.evidence.units.allSatisfy { $0.value == log(2) })
        #expect(verdict.evidence.test.description == "paired t-test on per-repetition mean log-ratios")
        // Identical non-zero units: sd 0, p = 0, and `better` is twice as bad: contradicted.
        #expect(verdict.pValue == 0 && verdict.verdict == .contradicted)
        #expect(verdict.evidence.reason.contains("whose scales differ (setting means 2.25 to 22.5)"))
    }

    /// Resampled splits use the corrected resampled t-test on the same units, with the fractions.
    @Test func resampledSplitsUseTheCorrectedTest() throws {
        let differences = [0.012, 0.018, 0.007, 0.021, 0.015, 0.009, 0.017, 0.011, 0.02, 0.013]
        let observations = Self.observations([("data", differences.map { 1 + $0 }, differences.map { _ in 1 })])
        var claim = Self.claim(higherIsBetter: true)
        claim.sampling = .resampledSplits(trainFraction: 0.9, testFraction: 0.1)
        let verdict = ClaimVerdict(claim: claim, observations: observations)
        let reference = try #require(CorrectedResampledTTest(differences: verdict.evidence.units.map(\.value), trainFraction: 0.9,
                                                             testFraction: 0.1))
        #expect(verdict.pValue == reference.pValue)
        #expect(verdict.evidence.test.description == "corrected resampled t-test")
        #expect(verdict.evidence.reason.contains("Nadeau & Bengio"))
        let fields = verdict.csvFields(number: 1)
        #expect(fields[ClaimVerdict.csvHeader.firstIndex(of: "train_fraction")!] == "0.9")
        #expect(fields[ClaimVerdict.csvHeader.firstIndex(of: "test_fraction")!] == "0.1")
    }

    /// Holm over a study: raw p-values of three claims are adjusted together, the verdict uses the
    /// adjusted one, and an inconclusive claim gets the seeds for 80% power at 0.05 / 3.
    @Test func familyAdjustsVerdicts() throws {
        // Units (1, 2, 3, 4, 5.5) + shift: three claims with different effects.
        let base = [1.0, 2, 3, 4, 5.5]
        var claims = [0.0, 2.0, 4.0].map { shift in
            ClaimVerdict(claim: Self.claim(higherIsBetter: true),
                         observations: Self.observations([("s", base.map { $0 + shift - 2.6 + 10 }, base.map { _ in 10 })]))
        }
        let raw = claims.map { $0.pValue! }
        ClaimFamily.adjust(&claims)
        let holm = MultiplicityCorrection.holm.adjusted(raw)
        #expect(claims.map(\.holmPValue!) == holm)
        #expect(claims.map(\.familySize) == [3, 3, 3])
        for claim in claims {
            #expect(claim.verdict == claim.decide(claim.holmPValue))
            #expect(claim.uncorrectedVerdict == claim.decide(claim.pValue))
            let expected = TTestPower(alpha: 0.05 / 3).sampleSize(effect: abs(claim.evidence.standardizedEffect!))
            #expect(claim.seedsFor80Power == expected)
        }
        #expect(claims.contains { $0.uncorrectedVerdict != $0.verdict })
    }

    static func claim(higherIsBetter: Bool) -> Claim {
        Claim(statement: "s", metric: "m", higherIsBetter: higherIsBetter, better: "a", than: "b")
    }

    /// Pairs for settings named by one value, repetitions 0, 1, ... (trial fingerprints from the values).
    static func observations(_ settings: [(name: String, better: [Double], than: [Double])]) -> ClaimObservations {
        ClaimObservations(pairs: settings.flatMap { setting in
            zip(setting.better, setting.than).enumerated().map { repetition, values in
                ClaimObservations.Pair(setting: [setting.name], repetition: repetition, better: values.0, than: values.1,
                                       betterTrial: [values.0.bitPattern], thanTrial: [values.1.bitPattern])
            }
        })
    }
}
