import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct SplitMix64Tests {
    /// The first outputs for seed 0 of the reference C implementation (Vigna, splitmix64.c).
    @Test func matchesReferenceOutputs() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func derivedStreamsAreIndependentOfEachOtherAndLeaveTheParentAlone() {
        let parent = SplitMix64(seed: 42)
        var first = parent.derived(1)
        var again = parent.derived(1)
        var second = parent.derived(2)
        #expect(parent.state == 42)
        let a = (0..<4).map { _ in first.next() }
        #expect(a == (0..<4).map { _ in again.next() })
        #expect(a != (0..<4).map { _ in second.next() })
        #expect(SplitMix64.derive(seed: 42, 1, 2) != SplitMix64.derive(seed: 42, 2, 1))
    }

    /// U[0, 1) has mean 1/2 and variance 1/12; the mean's standard error is sqrt(1/12 / n).
    @Test func uniformHasItsMeanAndVariance() {
        var generator = SplitMix64(seed: 1)
        let n = 100_000
        let values = (0..<n).map { _ in generator.nextUniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(Stats.mean(values) - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
        // Var of (u - 1/2)^2 is E[(u-1/2)^4] - (1/12)^2 = 1/80 - 1/144 = 1/180.
        #expect(abs(Stats.variance(values) - 1.0 / 12) < 5 * (1.0 / 180 / Double(n)).squareRoot())
    }

    /// N(0, 1): the mean's standard error is 1/sqrt(n); the sample variance's is sqrt(2/n)
    /// (fourth moment 3). The fractions below -1, 0 and 1.5 check the shape against Phi.
    @Test func normalHasItsMeanVarianceAndShape() {
        var generator = SplitMix64(seed: 2)
        let n = 100_000
        let values = (0..<n).map { _ in generator.nextNormal() }
        #expect(abs(Stats.mean(values)) < 5 / Double(n).squareRoot())
        #expect(abs(Stats.variance(values) - 1) < 5 * (2 / Double(n)).squareRoot())
        for cut in [-1.0, 0, 1.5] {
            let p = Stats.normalCDF(cut)
            let fraction = Double(values.filter { $0 < cut }.count) / Double(n)
            #expect(abs(fraction - p) < 5 * Stats.proportionError(p, count: n), "P(z < \(cut))")
        }
        var shifted = SplitMix64(seed: 2)
        #expect(shifted.nextNormal(mean: 3, standardDeviation: 2) == 3 + 2 * values[0])
    }

    /// Each of `bound` values is expected n / bound times; Pearson's statistic has bound - 1
    /// degrees of freedom.
    @Test(arguments: [1, 2, 6, 10, 1000])
    func integerBelowBoundIsUniform(bound: Int) {
        var generator = SplitMix64(seed: UInt64(bound))
        let n = 100 * max(bound, 100)
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<n {
            let value = generator.nextInt(below: bound)
            #expect((0..<bound).contains(value))
            counts[value] += 1
        }
        if bound > 1 {
            let expected = [Double](repeating: Double(n) / Double(bound), count: bound)
            #expect(Stats.chiSquare(observed: counts, expected: expected) < Stats.chiSquareBound(degreesOfFreedom: bound - 1))
        }
    }

    /// A bound near the top of the range, where Lemire's rejection step matters (2^64 mod bound
    /// is 2^62): every value stays in range.
    @Test func integerBelowHugeBoundStaysInRange() {
        var generator = SplitMix64(seed: 3)
        let bound = 3 << 61
        #expect((0..<1000).allSatisfy { _ in (0..<bound).contains(generator.nextInt(below: bound)) })
    }

    @Test(arguments: [0.0, 0.05, 0.5, 0.9, 1.0])
    func bernoulliFrequencyMatches(p: Double) {
        var generator = SplitMix64(seed: 4)
        let n = 50_000
        let hits = (0..<n).filter { _ in generator.nextBernoulli(p) }.count
        #expect(abs(Double(hits) / Double(n) - p) <= 5 * Stats.proportionError(p, count: n))
    }

    /// The 6 orders of three items are equally likely: chi-square with 5 degrees of freedom.
    @Test func permutationIsUniform() {
        var generator = SplitMix64(seed: 5)
        #expect(generator.permutation(50).sorted() == Array(0..<50))
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        let n = 60_000
        var counts = [Int](repeating: 0, count: orders.count)
        for _ in 0..<n {
            counts[orders.firstIndex(of: generator.permutation(3))!] += 1
        }
        let expected = [Double](repeating: Double(n) / 6, count: 6)
        #expect(Stats.chiSquare(observed: counts, expected: expected) < Stats.chiSquareBound(degreesOfFreedom: 5))
    }

    /// Poisson(rate) has mean and variance `rate`. Standard errors: sqrt(rate / n) for the mean;
    /// for the sample variance sqrt((mu4 - sigma^4) / n) with mu4 = rate (1 + 3 rate), that is
    /// sqrt((rate + 2 rate^2) / n). Rates below 30 use Knuth's method, 30 and above PTRS.
    @Test(arguments: [0.5, 3.5, 29.5, 30, 50, 1000])
    func poissonHasItsMeanAndVariance(rate: Double) {
        var generator = SplitMix64(seed: 6)
        let n = 100_000
        let values = (0..<n).map { _ in Double(generator.nextPoisson(rate: rate)) }
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(abs(Stats.mean(values) - rate) < 5 * (rate / Double(n)).squareRoot())
        #expect(abs(Stats.variance(values) - rate) < 5 * ((rate + 2 * rate * rate) / Double(n)).squareRoot())
    }

    /// Frequencies of each count against the probability mass e^-rate rate^k / k!, on the counts
    /// expected at least 5 times with the two tails pooled into one bin each.
    @Test(arguments: [3.5, 50])
    func poissonMatchesItsMassFunction(rate: Double) {
        var generator = SplitMix64(seed: 7)
        let n = 100_000
        let mass = { (k: Int) in exp(Double(k) * log(rate) - rate - lgamma(Double(k) + 1)) }
        let inner = (0...Int(rate * 4 + 20)).filter { Double(n) * mass($0) >= 5 }
        let low = inner.first!
        let high = inner.last!
        var counts = [Int](repeating: 0, count: high - low + 1)
        for _ in 0..<n {
            counts[min(max(generator.nextPoisson(rate: rate), low), high) - low] += 1
        }
        var probabilities = (low...high).map(mass)
        probabilities[0] = (0...low).map(mass).reduce(0, +)
        probabilities[probabilities.count - 1] = 1 - (0..<high).map(mass).reduce(0, +)
        let expected = probabilities.map { $0 * Double(n) }
        #expect(Stats.chiSquare(observed: counts, expected: expected) < Stats.chiSquareBound(degreesOfFreedom: counts.count - 1))
    }

    @Test(arguments: [0.0, -1, .infinity, .nan])
    func poissonOfInvalidRateIsZero(rate: Double) {
        var generator = SplitMix64(seed: 8)
        #expect(generator.nextPoisson(rate: rate) == 0)
    }
}
