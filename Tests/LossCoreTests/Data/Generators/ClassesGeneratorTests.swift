import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct ClassesGeneratorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var parameters: [String: ParameterValue]
        var proportions: [Double]
        var testDescription: String { "\(parameters)" }
    }

    static let cases = [
        Case(parameters: [:], proportions: [1.0 / 3, 1.0 / 3, 1.0 / 3]),
        Case(parameters: ["proportions": .list([5, 3, 2])], proportions: [0.5, 0.3, 0.2]),
        Case(parameters: ["classes": .number(4), "minority_fraction": .number(0.05)],
             proportions: [0.95 / 3, 0.95 / 3, 0.95 / 3, 0.05]),
        Case(parameters: ["classes": .number(2), "features": .number(5), "minority_fraction": .number(0.01)],
             proportions: [0.99, 0.01]),
    ]

    /// Each class frequency is a Bernoulli(p_c) mean: within 5 sqrt(p_c (1 - p_c) / n).
    @Test(arguments: cases)
    func labelsFollowTheRequestedProportions(_ testCase: Case) throws {
        let generator = try ClassesGenerator(parameters: Parameters(testCase.parameters))
        let n = 50_000
        let dataset = Stats.draw(generator, count: n, seed: 71)
        let classes = testCase.proportions.count
        #expect(dataset.task == .classification(classes: classes))
        var counts = [Int](repeating: 0, count: classes)
        for label in dataset.targets.storage {
            #expect(label >= 0 && label < Float(classes) && label == label.rounded())
            counts[Int(label)] += 1
        }
        for (count, p) in zip(counts, testCase.proportions) {
            #expect(abs(Double(count) / Double(n) - p) < 5 * Stats.proportionError(p, count: n))
        }
    }

    /// Class means estimated from the data sit a mean pairwise distance `separation` apart, and
    /// features scatter around them with unit variance. A distance between two estimated means has
    /// standard deviation sqrt(1/n_a + 1/n_b) (one per feature direction of the difference) and an
    /// upward bias of about features (1/n_a + 1/n_b) / (2 separation), under 0.001 here; the mean
    /// over pairs is checked to 5 of the largest standard deviation. The pooled within-class
    /// variance has standard error sqrt(2 / n).
    @Test(arguments: cases)
    func centresAreSeparationApartWithUnitSpread(_ testCase: Case) throws {
        let generator = try ClassesGenerator(parameters: Parameters(testCase.parameters))
        let n = 50_000
        let dataset = Stats.draw(generator, count: n, seed: 72)
        let classes = generator.classes
        let features = generator.features
        var sums = [[Double]](repeating: [Double](repeating: 0, count: features), count: classes)
        var counts = [Int](repeating: 0, count: classes)
        for r in 0..<n {
            let label = Int(dataset.targets[r, 0])
            counts[label] += 1
            for j in 0..<features { sums[label][j] += Double(dataset.features[r, j]) }
        }
        let means = zip(sums, counts).map { sum, count in sum.map { $0 / Double(count) } }
        var distances = [Double]()
        var worstDeviation = 0.0
        for a in 0..<classes {
            for b in (a + 1)..<classes {
                distances.append(zip(means[a], means[b]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
                worstDeviation = max(worstDeviation, (1 / Double(counts[a]) + 1 / Double(counts[b])).squareRoot())
            }
        }
        #expect(abs(Stats.mean(distances) - 3) < 5 * worstDeviation)
        var squares = 0.0
        for r in 0..<n {
            let label = Int(dataset.targets[r, 0])
            for j in 0..<features {
                let deviation = Double(dataset.features[r, j]) - means[label][j]
                squares += deviation * deviation
            }
        }
        let pooledCount = n * features
        let pooledVariance = squares / Double(pooledCount - classes * features)
        #expect(abs(pooledVariance - 1) < 5 * (2 / Double(pooledCount)).squareRoot())
    }

    @Test func centresHaveTheExactMeanPairwiseDistance() {
        for (classes, features) in [(2, 1), (3, 2), (10, 7)] {
            let generator = ClassesGenerator(classes: classes, features: features, separation: 2.5)
            var world = SplitMix64(seed: 73)
            let centres = generator.centres(world: &world)
            var total = 0.0
            for a in 0..<classes {
                for b in (a + 1)..<classes {
                    total += zip(centres[a], centres[b]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                }
            }
            #expect(abs(total / Double(classes * (classes - 1) / 2) - 2.5) < 1e-12)
        }
    }

    @Test func proportionsAndMinorityFractionTogetherAreRejected() {
        let error = #expect(throws: ParameterError.self) {
            _ = try ClassesGenerator(parameters: Parameters(["proportions": .list([1, 1, 2]),
                                                             "minority_fraction": .number(0.1)]))
        }
        #expect(error?.parameter == "minority_fraction")
    }

    @Test func minorityProportionsSumToOne() {
        #expect(ClassesGenerator.minorityProportions(fraction: 0.1, classes: 3) == [0.45, 0.45, 0.1])
    }
}
