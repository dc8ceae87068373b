import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct MakeSplitTests {
    static let generator = GaussianGenerator(features: 3)

    @Test func sameSeedGivesIdenticalSplits() {
        for standardize in [false, true] {
            let first = makeSplit(generator: Self.generator, trainCount: 80, testCount: 20, seed: 5, standardize: standardize)
            let second = makeSplit(generator: Self.generator, trainCount: 80, testCount: 20, seed: 5, standardize: standardize)
            #expect(first == second)
            let other = makeSplit(generator: Self.generator, trainCount: 80, testCount: 20, seed: 6, standardize: standardize)
            #expect(first.train.features != other.train.features)
        }
    }

    /// One draw of train + test samples: train is its head and test its tail, in order.
    @Test func trainIsTheFirstSamplesAndTestTheRest() {
        let split = makeSplit(generator: Self.generator, trainCount: 80, testCount: 20, seed: 5, standardize: false)
        let whole = Stats.draw(Self.generator, count: 100, seed: 5)
        #expect(split.train == whole.subset(Array(0..<80)))
        #expect(split.test == whole.subset(Array(80..<100)))
        #expect(split.standardization == nil)
        let larger = makeSplit(generator: Self.generator, trainCount: 80, testCount: 500, seed: 5, standardize: false)
        #expect(larger.train == split.train)
    }

    /// Standardised training features have mean 0 and variance 1 (population form, as
    /// DataSplit.standardize computes them) up to float32 rounding; test features are mapped by the
    /// training statistics; the truth stays in the original scale.
    @Test func standardizationUsesTheTrainingStatistics() throws {
        let raw = makeSplit(generator: Self.generator, trainCount: 500, testCount: 100, seed: 7, standardize: false)
        let split = makeSplit(generator: Self.generator, trainCount: 500, testCount: 100, seed: 7, standardize: true)
        let statistics = try #require(split.standardization)
        for j in 0..<3 {
            let column = Stats.column(split.train.features, j)
            #expect(abs(Stats.mean(column)) < 1e-5)
            #expect(abs(Stats.variance(column) * 499 / 500 - 1) < 1e-4)
            for r in 0..<100 {
                let expected = (raw.test.features[r, j] - statistics.mean[j]) / statistics.scale[j]
                #expect(split.test.features[r, j] == expected)
            }
        }
        #expect(split.train.targets == raw.train.targets)
        #expect(split.train.truth == raw.train.truth)
    }
}
