import Testing
@testable import LossHarness
import LossLabTestSupport

/// Which test judges a change, and what it returns.
@Suite struct ChangeTestTests {
    static func sample(_ values: [Double], seeds: [Int]? = nil) -> MeasureSample {
        MeasureSample(values.enumerated().map { index, value in
            Observation(pairingKey: seeds.map { "\($0[index])" } ?? "\(index)", value: value)
        })
    }

    static let mse = Measure.named("mse")!
    static let seconds = Measure.named("seconds")!
    static let median = Measure.named("median_seconds")!

    @Test func qualityMetricsOnSharedSeedsArePaired() {
        let evidence = ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1, 2, 3]), current: Self.sample([1.1, 2.3, 3.2]))
        #expect(evidence.test == .pairedT)
        #expect(evidence.pairs == 3)
        let expected = PairedComparison(baseline: [1, 2, 3], candidate: [1.1, 2.3, 3.2])!
        #expect(evidence.pValue == expected.pValue)
        #expect(evidence.wilcoxonPValue == expected.wilcoxonPValue)
    }

    @Test func equalNonzeroDifferencesAreSignificantAndNoDifferenceIsNot() {
        #expect(ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1, 2]), current: Self.sample([1.5, 2.5])).pValue == 0)
        #expect(ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1, 2]), current: Self.sample([1, 2])).pValue == 1)
    }

    @Test func onlySeedsWithTheSameKeyArePaired() {
        let evidence = ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1, 2, 3], seeds: [7, 8, 9]),
                                               current: Self.sample([1, 2, 3], seeds: [8, 9, 10]))
        #expect(evidence.test == .pairedT)
        #expect(evidence.pairs == 2)
    }

    @Test func timingsAreNeverPaired() {
        let evidence = ChangeEvidence.evaluate(measure: Self.seconds, baseline: Self.sample([1, 2, 3]), current: Self.sample([4, 5, 6]))
        #expect(evidence.test == .mannWhitney)
        #expect(evidence.pValue == MannWhitneyTest(first: [1, 2, 3], second: [4, 5, 6])!.pValue)
    }

    @Test func aSingleValueCannotBeTested() {
        let evidence = ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1]), current: Self.sample([2]))
        #expect(evidence.test == ChangeTest.none)
        #expect(evidence.pValue == nil)
    }

    @Test func benchSummariesBorrowTheTestOfTheirRepetitions() {
        let evidence = ChangeEvidence.evaluate(measure: Self.median, baseline: Self.sample([1]), current: Self.sample([2]),
                                               repetitionSeconds: (Self.sample([1, 1.1, 0.9]), Self.sample([2, 2.1, 1.9])))
        #expect(evidence.test == .mannWhitneyOfSeconds)
        #expect(evidence.pValue == MannWhitneyTest(first: [1, 1.1, 0.9], second: [2, 2.1, 1.9])!.pValue)
    }

    @Test func aChangedNonFiniteCountComesFirst() {
        let evidence = ChangeEvidence.evaluate(measure: Self.mse, baseline: Self.sample([1, 2, 3]), current: Self.sample([1, .nan, 3]))
        #expect(evidence.test == .nonFiniteCount)
        #expect(evidence.pValue == nil)
    }
}
