import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Planted regressions and improvements in synthetic trials.csv files, found with the right
/// verdicts, tests and order.
@Suite struct ComparisonTests {
    /// Compares two fixtures written as experiment folders.
    static func compare(_ baseline: TrialsFixture, _ current: TrialsFixture,
                        options: ComparisonOptions = ComparisonOptions()) throws -> Comparison {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let b = try baseline.write(experimentFolder: folder + "/baseline")
        let c = try current.write(experimentFolder: folder + "/current")
        return try Comparison(baseline: try ResultSet.load(path: b), current: try ResultSet.load(path: c), options: options)
    }

    static func row(_ comparison: Comparison, loss: String, metric: String) -> ComparisonRow? {
        comparison.rows.first { $0.group.value("loss") == loss && $0.measure.name == metric }
    }

    static let mseA: [Double] = [1.0, 1.1, 0.9, 1.05, 0.95]
    static let accuracyA: [Double] = [0.80, 0.82, 0.78, 0.81, 0.79]

    @Test func plantedRegressionAndImprovementAreFound() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0, $1] })
        let worse = [0.20, 0.21, 0.19, 0.22, 0.18]
        current.add(loss: "a", perSeed: zip(zip(Self.mseA, worse).map(+), Self.accuracyA).map { [$0, $1] })
        let mseB: [Double] = [2, 2.1, 1.9, 2.05, 1.95], accuracyB: [Double] = [0.6, 0.62, 0.58, 0.61, 0.59]
        baseline.add(loss: "b", perSeed: zip(mseB, accuracyB).map { [$0, $1] })
        let better = [0.05, 0.06, 0.04, 0.05, 0.055]
        current.add(loss: "b", perSeed: zip(mseB, zip(accuracyB, better).map(+)).map { [$0, $1] })

        let comparison = try Self.compare(baseline, current)
        let regression = try #require(Self.row(comparison, loss: "a", metric: "mse"))
        #expect(regression.verdict == .regressed)
        #expect(regression.evidence?.test == .pairedT)
        #expect(regression.evidence?.pairs == 5)
        #expect(try #require(regression.evidence?.pValue) < 0.001)
        #expect(regression.evidence?.wilcoxonPValue != nil)
        #expect(TrackingFixtures.close(regression.change, 0.2, relative: 1e-9))
        #expect(TrackingFixtures.close(regression.relativeChange, 0.2, relative: 1e-9))
        #expect(regression.significance == .yes)
        let improvement = try #require(Self.row(comparison, loss: "b", metric: "accuracy"))
        #expect(improvement.verdict == .improved)
        #expect(Self.row(comparison, loss: "a", metric: "accuracy")?.verdict == .unchanged)
        #expect(Self.row(comparison, loss: "b", metric: "mse")?.verdict == .unchanged)
        #expect(comparison.count(.regressed) == 1)
        #expect(comparison.count(.improved) == 1)
        #expect(comparison.outcome == .regression)
        // train_seconds is compared too: identical timings are unchanged.
        #expect(Self.row(comparison, loss: "a", metric: "train_seconds")?.verdict == .unchanged)
        #expect(comparison.rows.count == 6)
    }

    @Test func polarityDecidesTheDirection() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0, $1] })
        // mse down (better) and accuracy down (worse), both by a constant: sd 0, p = 0.
        current.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0 - 0.1, $1 - 0.1] })
        let comparison = try Self.compare(baseline, current)
        #expect(Self.row(comparison, loss: "a", metric: "mse")?.verdict == .improved)
        #expect(Self.row(comparison, loss: "a", metric: "accuracy")?.verdict == .regressed)
        #expect(Self.row(comparison, loss: "a", metric: "accuracy")?.evidence?.pValue == 0)
        // Regressions are listed before improvements.
        #expect(comparison.rows.map(\.verdict).prefix(2) == [.regressed, .improved])
    }

    @Test func identicalRunsAreUnchangedWithPOne() throws {
        var fixture = TrialsFixture()
        fixture.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0, $1] })
        let comparison = try Self.compare(fixture, fixture)
        #expect(comparison.rows.allSatisfy { $0.verdict == .unchanged })
        #expect(comparison.rows.filter { $0.measure.kind == .quality }.allSatisfy { $0.evidence?.pValue == 1 && $0.change == 0 })
        #expect(comparison.outcome == .unchanged)
    }

    @Test func noiseWithinToleranceIsNotFlagged() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: Self.mseA)
        // +0.5% on every seed: significant (sd 0) but within the 1% tolerance.
        current.add(loss: "a", first: Self.mseA.map { $0 * 1.005 })
        let row = try #require(Self.row(try Self.compare(baseline, current), loss: "a", metric: "mse"))
        #expect(row.significance == .yes)
        #expect(!row.isBeyondTolerance)
        #expect(row.verdict == .unchanged)
    }

    /// Beyond tolerance but not significant: not a (definite) regression, and not "unchanged"
    /// either: a likely regression.
    @Test func changeBeyondToleranceButNotSignificantIsALikelyRegression() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: Self.mseA)
        // Mean +10%, but the seeds disagree in sign: noise.
        let noise = [0.5, -0.3, 0.4, -0.2, 0.1]
        current.add(loss: "a", first: zip(Self.mseA, noise).map(+))
        let row = try #require(Self.row(try Self.compare(baseline, current), loss: "a", metric: "mse"))
        #expect(row.isBeyondTolerance)
        #expect(row.significance == .no)
        #expect(try #require(row.evidence?.pValue) > 0.05)
        #expect(row.verdict == .likelyRegressed)
    }

    @Test func missingAndNewGroupsAreReported() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: Self.mseA)
        baseline.add(loss: "gone", first: Self.mseA)
        current.add(loss: "a", first: Self.mseA)
        current.add(loss: "added", first: Self.mseA)
        let comparison = try Self.compare(baseline, current)
        #expect(Self.row(comparison, loss: "gone", metric: "mse")?.verdict == .missing)
        #expect(Self.row(comparison, loss: "gone", metric: "mse")?.current == nil)
        #expect(Self.row(comparison, loss: "added", metric: "accuracy")?.verdict == .new)
        #expect(Self.row(comparison, loss: "added", metric: "accuracy")?.baseline == nil)
        #expect(comparison.count(.missing) == 3)
        #expect(comparison.count(.new) == 3)
        // Missing and new groups alone are no regression.
        #expect(comparison.outcome == .unchanged)
        let verdicts = comparison.rows.map(\.verdict)
        #expect(verdicts == verdicts.sorted { $0.rank < $1.rank })
    }

    @Test func aMetricAddedSinceTheBaselineIsNew() throws {
        var baseline = TrialsFixture(metrics: ["mse"]), current = TrialsFixture(metrics: ["mse", "mae"])
        baseline.add(loss: "a", first: Self.mseA)
        current.add(loss: "a", first: Self.mseA)
        let comparison = try Self.compare(baseline, current)
        #expect(Self.row(comparison, loss: "a", metric: "mae")?.verdict == .new)
        #expect(Self.row(comparison, loss: "a", metric: "mse")?.verdict == .unchanged)
    }

    @Test func aSingleSeedCountsAChangeBeyondToleranceAsSignificant() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: [1.0])
        baseline.add(loss: "b", first: [1.0])
        current.add(loss: "a", first: [1.02])
        current.add(loss: "b", first: [1.005])
        let comparison = try Self.compare(baseline, current)
        let beyond = try #require(Self.row(comparison, loss: "a", metric: "mse"))
        #expect(beyond.evidence?.test == ChangeTest.none)
        #expect(beyond.evidence?.pValue == nil)
        #expect(beyond.significance == .assumed)
        #expect(beyond.verdict == .regressed)
        let within = try #require(Self.row(comparison, loss: "b", metric: "mse"))
        #expect(within.significance == .no)
        #expect(within.verdict == .unchanged)
    }

    @Test func timingsUseMannWhitney() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        let fast = [1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.04]
        let values = Array(repeating: 0.5, count: fast.count)
        baseline.add(loss: "a", first: values, seconds: fast)
        current.add(loss: "a", first: values, seconds: fast.map { $0 * 1.5 })
        // Two repetitions: the smallest two-sided p of Mann-Whitney is 1/3, never significant.
        baseline.add(loss: "b", first: [0.5, 0.5], seconds: [1, 1.1])
        current.add(loss: "b", first: [0.5, 0.5], seconds: [3, 3.1])
        let comparison = try Self.compare(baseline, current)
        let slower = try #require(Self.row(comparison, loss: "a", metric: "train_seconds"))
        #expect(slower.measure.kind == .timing)
        #expect(slower.evidence?.test == .mannWhitney)
        #expect(slower.evidence?.wilcoxonPValue == nil)
        // 8 against 8 without overlap: exact p = 2 / C(16, 8).
        #expect(TrackingFixtures.close(slower.evidence?.pValue, 2.0 / 12870))
        #expect(slower.verdict == .regressed)
        let twoRuns = try #require(Self.row(comparison, loss: "b", metric: "train_seconds"))
        #expect(TrackingFixtures.close(twoRuns.evidence?.pValue, 1.0 / 3))
        // Three times slower, but 2 runs a side can never be significant: likely regressed, with
        // the repetitions a significant test would need (Cohen's d = 2 / 0.0707 = 28.3).
        #expect(twoRuns.verdict == .likelyRegressed)
        #expect(twoRuns.seedsNeeded == 2 && TTestPower(design: .twoSample).power(effect: 2 / 0.0707106781186548, count: 2) >= 0.8)
    }

    @Test func seedsThatDoNotPairUseMannWhitney() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", perSeed: Self.mseA.map { [$0, 0.5] })
        current.add(loss: "a", perSeed: Self.mseA.map { [$0 + 1, 0.5] }, seedOffset: 5000)
        let row = try #require(Self.row(try Self.compare(baseline, current), loss: "a", metric: "mse"))
        #expect(row.evidence?.test == .mannWhitney)
        #expect(row.verdict == .regressed)
    }

    @Test func moreNonFiniteRepetitionsAreARegression() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: Self.mseA)
        current.add(loss: "a", perSeed: [[.nan, 0.5], [1.1, 0.5], [0.9, 0.5], [1.05, 0.5], [0.95, 0.5]])
        // A failed trial with empty metric cells counts as non-finite too; an improvement back.
        baseline.add(loss: "b", perSeed: [[nil, nil], [1, 0.5]], status: ["failed", "completed"])
        current.add(loss: "b", perSeed: [[1, 0.5], [1, 0.5]])
        let comparison = try Self.compare(baseline, current)
        let diverged = try #require(Self.row(comparison, loss: "a", metric: "mse"))
        #expect(diverged.evidence?.test == .nonFiniteCount)
        #expect(diverged.current?.nonFiniteCount == 1)
        #expect(diverged.verdict == .regressed)
        #expect(Self.row(comparison, loss: "b", metric: "accuracy")?.verdict == .improved)
    }

    @Test func emptyCellsOfCompletedTrialsDoNotApply() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", perSeed: [[1, nil], [1.1, nil]])
        current.add(loss: "a", perSeed: [[1, nil], [1.1, nil]])
        let comparison = try Self.compare(baseline, current)
        #expect(Self.row(comparison, loss: "a", metric: "accuracy") == nil)
        #expect(Self.row(comparison, loss: "a", metric: "mse")?.verdict == .unchanged)
    }

    @Test func tolerancesOverrideTheDefaults() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0, $1] })
        current.add(loss: "a", perSeed: zip(Self.mseA, Self.accuracyA).map { [$0 * 1.2, $1 + 0.01] })
        #expect(try Self.compare(baseline, current).count(.regressed) == 1)
        #expect(try Self.compare(baseline, current).count(.improved) == 1)
        var tolerances = Tolerances()
        try tolerances.apply(entry: "mse=25%")
        try tolerances.apply(entry: "accuracy=0.02")
        let relaxed = try Self.compare(baseline, current, options: ComparisonOptions(tolerances: tolerances))
        #expect(relaxed.count(.regressed) == 0)
        #expect(relaxed.count(.improved) == 0)
        #expect(Self.row(relaxed, loss: "a", metric: "mse")?.tolerance == Tolerance(relative: 0.25, absolute: Tolerance.absoluteFloor))
    }

    @Test func alphaSetsTheSignificanceLevel() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: Self.mseA)
        current.add(loss: "a", first: zip(Self.mseA, [0.5, -0.3, 0.4, -0.2, 0.1]).map(+))
        let lenient = try Self.compare(baseline, current, options: ComparisonOptions(alpha: 1))
        #expect(Self.row(lenient, loss: "a", metric: "mse")?.verdict == .regressed)
    }

    @Test func resultsRootsMatchExperimentsByFolderName() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var same = TrialsFixture(), worse = TrialsFixture()
        same.add(loss: "a", first: Self.mseA)
        worse.add(loss: "a", first: Self.mseA.map { $0 + 1 })
        try same.write(experimentFolder: folder + "/base/one")
        try same.write(experimentFolder: folder + "/base/two")
        try same.write(experimentFolder: folder + "/base/old")
        try same.write(experimentFolder: folder + "/now/one")
        try worse.write(experimentFolder: folder + "/now/two")
        // Saved baselines and bench records below a root are not experiments.
        try same.write(experimentFolder: folder + "/now/baselines/main/one")
        try TrackingFixtures.write("workload,seconds\nW1,1\n", to: folder + "/now/bench/history.csv")
        let comparison = try Comparison(baseline: try ResultSet.load(path: folder + "/base"), current: try ResultSet.load(path: folder + "/now"))
        #expect(comparison.comparesExperiments)
        let regressed = comparison.rows.filter { $0.verdict == .regressed }
        #expect(regressed.map(\.group.experiment) == ["two"])
        #expect(comparison.rows.filter { $0.verdict == .missing }.allSatisfy { $0.group.experiment == "old" })
        #expect(comparison.count(.missing) == 3)
        #expect(comparison.count(.new) == 0)
    }

    @Test func aRootAndAnExperimentCannotBeCompared() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: Self.mseA)
        try fixture.write(experimentFolder: folder + "/root/one")
        #expect(throws: TrackingError.self) {
            try Comparison(baseline: try ResultSet.load(path: folder + "/root"), current: try ResultSet.load(path: folder + "/root/one"))
        }
    }

    @Test func aSweptColumnAddedSinceTheBaselineKeepsTheGroupsMatched() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TrackingFixtures.write("""
        trial_id,loss,series,repetition,seed,status,message,epochs_run,train_seconds,mse
        1,mse,mse,0,7,completed,,3,1,0.5

        """, to: folder + "/b.csv")
        try TrackingFixtures.write("""
        trial_id,loss,series,loss.delta,repetition,seed,status,message,epochs_run,train_seconds,mse
        1,mse,mse,,0,7,completed,,3,1,0.5
        2,huber,huber(delta=1),1,0,7,completed,,3,1,0.4

        """, to: folder + "/c.csv")
        let comparison = try Comparison(baseline: try ResultSet.load(path: folder + "/b.csv"), current: try ResultSet.load(path: folder + "/c.csv"))
        #expect(Self.row(comparison, loss: "mse", metric: "mse")?.verdict == .unchanged)
        #expect(Self.row(comparison, loss: "huber", metric: "mse")?.verdict == .new)
        #expect(comparison.groupColumns == ["loss", "series", "loss.delta"])
    }
}

/// Changes beyond tolerance that too few seeds cannot confirm.
@Suite struct LikelyChangeTests {
    /// The issue's case: 3 seeds, every one far worse (differences 1, 4, 2.4 on a baseline of about
    /// 0.11: +2,200%), but t = 2.85 on 2 degrees of freedom, p = 0.10: not significant. It is a
    /// likely regression, not "unchanged"; it fails the comparison unless likely changes are
    /// ignored, and it names the seeds a paired t-test would need (d = 2.467 / 1.501 = 1.643).
    @Test func aFarWorseThreeSeedRunIsALikelyRegression() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: [0.10, 0.12, 0.11])
        current.add(loss: "a", first: [1.1, 4.12, 2.51])
        let comparison = try ComparisonTests.compare(baseline, current)
        let row = try #require(ComparisonTests.row(comparison, loss: "a", metric: "mse"))
        #expect(row.verdict == .likelyRegressed)
        #expect(row.significance == .no)
        let p = try #require(row.evidence?.pValue)
        #expect(p > 0.05 && p < 0.2)
        let effect = try #require(row.evidence?.standardizedEffect)
        #expect(isClose(effect, (7.4 / 3) / 1.5011106999596062, relative: 1e-9))
        let seeds = try #require(row.seedsNeeded)
        #expect(seeds == TTestPower().sampleSize(effect: effect))
        #expect(seeds > 3 && TTestPower().power(effect: effect, count: Double(seeds)) >= 0.8)
        #expect(comparison.outcome == .regression)
        #expect(comparison.tally.hasPrefix("0 regressed, 1 likely regressed, 0 improved, 0 likely improved"))
        let table = comparison.textTable(includeUnchanged: false)
        #expect(table.contains("likely regressed: a, dataset.noise=0.1: mse +2242.4%, beyond the 1% tolerance, but p = \(String(format: "%.3g", p)) >= alpha on 3 seeds (paired t); about \(seeds) seeds would detect a change this size at alpha = 0.05 with 80% power"))
        #expect(comparison.csv().contains(",likely regressed,"))

        let lenient = try ComparisonTests.compare(baseline, current, options: ComparisonOptions(countsLikelyChanges: false))
        #expect(lenient.outcome == .unchanged)
        #expect(lenient.count(.likelyRegressed) == 1)
        #expect(lenient.textTable(includeUnchanged: false).contains("likely changes are listed only (--likely ignore)"))
    }

    /// Symmetric: a large improvement on 2 seeds that disagree is a likely improvement; a change
    /// within tolerance stays unchanged whatever its p-value.
    @Test func likelyImprovementsAndUnchanged() throws {
        var baseline = TrialsFixture(), current = TrialsFixture()
        baseline.add(loss: "a", first: [1.0, 1.2])
        current.add(loss: "a", first: [0.5, 1.1])
        baseline.add(loss: "b", noise: "1", first: [1.0, 1.2])
        current.add(loss: "b", noise: "1", first: [1.001, 1.2])
        let comparison = try ComparisonTests.compare(baseline, current)
        #expect(comparison.rows.first { $0.group.value("dataset.noise") == "0.1" && $0.measure.name == "mse" }?.verdict == .likelyImproved)
        #expect(comparison.rows.first { $0.group.value("dataset.noise") == "1" && $0.measure.name == "mse" }?.verdict == .unchanged)
        #expect(comparison.outcome == .improvementsOnly)
    }
}
