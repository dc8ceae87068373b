import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

/// The contract every generator shares: determinism, the seeding layout, parameter defaults and
/// validation. Each test runs over the whole catalogue.
struct DataGeneratorTests {
    static let names = DataGenerators.all.map { $0.name }

    static func makeDefault(_ name: String) throws -> any DataGenerator {
        try DataGenerators.named(name)!.init(parameters: Parameters())
    }

    @Test(arguments: names)
    func sameSeedGivesIdenticalBytes(name: String) throws {
        let generator = try Self.makeDefault(name)
        let first = Stats.draw(generator, count: 300, seed: 7)
        let second = Stats.draw(generator, count: 300, seed: 7)
        #expect(first.features.storage == second.features.storage)
        #expect(first.targets.storage == second.targets.storage)
        #expect(first == second)
        #expect(first.count == 300)
        #expect(first.task == generator.task)
    }

    @Test(arguments: names)
    func differentSeedsGiveDifferentData(name: String) throws {
        let generator = try Self.makeDefault(name)
        let first = Stats.draw(generator, count: 300, seed: 7)
        let other = Stats.draw(generator, count: 300, seed: 8)
        #expect(first.features.storage != other.features.storage)
        #expect(first.targets.storage != other.targets.storage)
    }

    /// The world comes from its own stream and samples are drawn one after another, so a smaller
    /// count gives the same truth and the first rows of a larger one.
    @Test(arguments: names)
    func smallerCountIsAPrefixWithTheSameWorld(name: String) throws {
        let generator = try Self.makeDefault(name)
        let large = Stats.draw(generator, count: 300, seed: 9)
        let small = Stats.draw(generator, count: 100, seed: 9)
        #expect(small == large.subset(Array(0..<100)))
        #expect(small.truth.coefficients == large.truth.coefficients)
        #expect(small.truth.intercept == large.truth.intercept)
    }

    /// A call advances the generator by exactly one word, so the next call draws afresh.
    @Test(arguments: names)
    func generateAdvancesTheGeneratorByOneWord(name: String) throws {
        let generator = try Self.makeDefault(name)
        var random = SplitMix64(seed: 10)
        var expected = random
        _ = expected.next()
        let first = generator.generate(count: 50, generator: &random)
        #expect(random.state == expected.state)
        #expect(generator.generate(count: 50, generator: &random) != first)
    }

    @Test(arguments: names)
    func shapesFollowTheTask(name: String) throws {
        let generator = try Self.makeDefault(name)
        let dataset = Stats.draw(generator, count: 200, seed: 11)
        #expect(dataset.features.isFinite && dataset.targets.isFinite)
        switch generator.task {
        case .regression:
            #expect(dataset.targets.columns == 1)
        case .counts:
            #expect(dataset.targets.columns == 1)
            #expect(dataset.targets.storage.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
        case .classification(let classes):
            #expect(dataset.targets.columns == 1)
            #expect(dataset.targets.storage.allSatisfy { $0 >= 0 && $0 < Float(classes) && $0 == $0.rounded() })
        case .multilabel(let labels):
            #expect(dataset.targets.columns == labels)
            #expect(dataset.targets.storage.allSatisfy { $0 == 0 || $0 == 1 })
        }
        if let mean = dataset.truth.conditionalMean {
            #expect(mean.count == dataset.count)
        }
        if let coefficients = dataset.truth.coefficients {
            #expect(coefficients.count == dataset.featureCount)
        }
    }

    /// Passing every listed default explicitly changes nothing: the list tells the truth.
    @Test(arguments: names)
    func listedDefaultsAreTheDefaults(name: String) throws {
        let type = DataGenerators.named(name)!
        let listed = Dictionary(uniqueKeysWithValues: type.parameters.map { ($0.name, $0.defaultValue) })
        let explicit = try type.init(parameters: Parameters(listed))
        let implicit = try type.init(parameters: Parameters())
        #expect(Stats.draw(explicit, count: 100, seed: 12) == Stats.draw(implicit, count: 100, seed: 12))
    }

    /// Every listed parameter is read: a value of the wrong kind is rejected under its name.
    @Test(arguments: names)
    func everyListedParameterIsRead(name: String) {
        let type = DataGenerators.named(name)!
        for info in type.parameters {
            let error = #expect(throws: ParameterError.self) {
                _ = try type.init(parameters: Parameters([info.name: .text("bogus")]))
            }
            #expect(error?.parameter == info.name)
            #expect(error?.value == "bogus")
        }
    }

    struct InvalidParameter: Sendable, CustomTestStringConvertible {
        var generator: String
        var parameter: String
        var value: ParameterValue
        var testDescription: String { "\(generator).\(parameter) = \(value)" }

        init(_ generator: String, _ parameter: String, _ value: ParameterValue) {
            self.generator = generator
            self.parameter = parameter
            self.value = value
        }
    }

    static let invalidParameters: [InvalidParameter] = [
        InvalidParameter("gaussian", "features", .number(0)),
        InvalidParameter("gaussian", "features", .number(1001)),
        InvalidParameter("gaussian", "features", .number(2.5)),
        InvalidParameter("gaussian", "noise", .number(-1)),
        InvalidParameter("gaussian", "coefficient_scale", .number(0)),
        InvalidParameter("gaussian", "intercept", .number(.infinity)),
        InvalidParameter("outliers", "noise", .number(-0.1)),
        InvalidParameter("outliers", "outlier_fraction", .number(1.5)),
        InvalidParameter("outliers", "outlier_scale", .number(-1)),
        InvalidParameter("outliers", "sided", .text("three")),
        InvalidParameter("wide_range", "log_mean", .number(100)),
        InvalidParameter("wide_range", "log_spread", .number(-1)),
        InvalidParameter("wide_range", "noise", .number(4)),
        InvalidParameter("poisson", "mean_count", .number(0)),
        InvalidParameter("poisson", "coefficient_scale", .number(-0.3)),
        InvalidParameter("classes", "classes", .number(1)),
        InvalidParameter("classes", "classes", .number(101)),
        InvalidParameter("classes", "separation", .number(-1)),
        InvalidParameter("classes", "proportions", .list([1, 2])),
        InvalidParameter("classes", "proportions", .list([1, 0, 1])),
        InvalidParameter("classes", "minority_fraction", .number(0)),
        InvalidParameter("classes", "minority_fraction", .number(1)),
        InvalidParameter("multilabel", "labels", .number(0)),
        InvalidParameter("multilabel", "density", .number(0)),
        InvalidParameter("multilabel", "density", .number(1)),
        InvalidParameter("multilabel", "signal", .number(-1)),
        InvalidParameter("bimodal", "mode_gap", .number(-1)),
        InvalidParameter("bimodal", "mode_weight", .number(1.1)),
        InvalidParameter("bimodal", "noise", .number(-1)),
    ]

    @Test(arguments: invalidParameters)
    func outOfRangeValueIsRejectedByName(_ invalid: InvalidParameter) {
        let type = DataGenerators.named(invalid.generator)!
        let error = #expect(throws: ParameterError.self) {
            _ = try type.init(parameters: Parameters([invalid.parameter: invalid.value]))
        }
        #expect(error?.parameter == invalid.parameter)
        #expect(error?.value == invalid.value.description)
        #expect(error?.expected.isEmpty == false)
    }
}
