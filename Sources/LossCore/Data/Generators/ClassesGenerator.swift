/// Gaussian clusters, one per class: the setting of the classification losses (crossentropy,
/// focal, hinge), with imbalance controlled by the class proportions.
///
/// World: `K` centres drawn `N(0, I)`, moved so that their average is the origin and scaled so
/// that the mean distance between pairs of centres is `separation` (in units of the within-class
/// standard deviation, 1). Each sample: a label `c` drawn with the class proportions, then
/// `x = centre[c] + N(0, I)`. The label is stored as a float in one column.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `classes` | 3 | 2...100 |
/// | `features` | 2 | 1...1000 |
/// | `separation` | 3 | [0, 1000], mean distance between class centres |
/// | `proportions` | "equal" | "equal" or `classes` positive numbers, normalised to sum to 1 |
/// | `minority_fraction` | "none" | "none" or a number in (0, 1): the proportion of the last class, the others sharing the rest equally |
///
/// `proportions` and `minority_fraction` cannot both be given; `minority_fraction` is the one to
/// sweep in an experiment grid.
///
/// Ground truth: none (the Bayes classifier depends on the centres, which are not kept).
public struct ClassesGenerator: DataGenerator {
    public static let name = "classes"
    public static let summary = "one Gaussian cluster per class, centres a mean distance `separation` apart, optional imbalance"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("classes", .number(3), "number of classes (2...100)"),
        ParameterInfo("features", .number(2), "number of features (1...1000)"),
        ParameterInfo("separation", .number(3), "mean distance between class centres, in within-class standard deviations (>= 0)"),
        ParameterInfo("proportions", .text("equal"), "\"equal\" or one positive weight per class, normalised"),
        ParameterInfo("minority_fraction", .text("none"), "\"none\" or the proportion (0, 1) of the last class, the others equal"),
    ]

    public let classes: Int
    public let features: Int
    public let separation: Double
    /// The probability of each class, summing to 1.
    public let proportions: [Double]

    /// `proportions` are positive weights, one per class (normalised here); `nil` means equal.
    public init(classes: Int = 3, features: Int = 2, separation: Double = 3, proportions: [Double]? = nil) {
        precondition((2...100).contains(classes), "classes must be in 2...100")
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition(separation >= 0 && separation <= 1000, "separation must be in [0, 1000]")
        let weights = proportions ?? [Double](repeating: 1, count: classes)
        precondition(weights.count == classes && weights.allSatisfy { $0 > 0 && $0.isFinite },
                     "proportions must be one positive number per class")
        let total = weights.reduce(0, +)
        self.classes = classes
        self.features = features
        self.separation = separation
        self.proportions = weights.map { $0 / total }
    }

    public init(parameters: Parameters) throws {
        let classes = try parameters.integer("classes", default: 3, in: 2...100)
        let weights = try Self.proportions(parameters, classes: classes)
        let minority = try Self.minorityFraction(parameters)
        if let minority, weights != nil {
            throw ParameterError(parameter: "minority_fraction", value: formatNumber(minority),
                                 expected: "\"none\" when proportions are given")
        }
        try self.init(
            classes: classes,
            features: parameters.integer("features", default: 2, in: 1...1000),
            separation: parameters.number("separation", default: 3, in: 0...1000),
            proportions: minority.map { Self.minorityProportions(fraction: $0, classes: classes) } ?? weights)
    }

    /// The proportions with `fraction` for the last class and the rest shared equally.
    public static func minorityProportions(fraction: Double, classes: Int) -> [Double] {
        precondition(fraction > 0 && fraction < 1 && classes >= 2)
        return [Double](repeating: (1 - fraction) / Double(classes - 1), count: classes - 1) + [fraction]
    }

    private static func proportions(_ parameters: Parameters, classes: Int) throws -> [Double]? {
        guard let value = parameters.values["proportions"], value != .text("equal") else { return nil }
        let expected = "\"equal\" or a list of \(classes) positive numbers"
        guard let weights = try? parameters.numbers("proportions", default: nil),
              weights.count == classes, weights.allSatisfy({ $0 > 0 }) else {
            throw ParameterError(parameter: "proportions", value: value.description, expected: expected)
        }
        return weights
    }

    private static func minorityFraction(_ parameters: Parameters) throws -> Double? {
        guard let value = parameters.values["minority_fraction"], value != .text("none") else { return nil }
        guard case .number(let fraction) = value, fraction > 0, fraction < 1 else {
            throw ParameterError(parameter: "minority_fraction", value: value.description,
                                 expected: "\"none\" or a number in (0, 1)")
        }
        return fraction
    }

    public var task: Task { .classification(classes: classes) }

    /// The class centres, `classes` rows of `features` values, drawn from the world stream.
    func centres(world: inout SplitMix64) -> [[Double]] {
        var centres = (0..<classes).map { _ in GaussianDesign.normalVector(count: features, generator: &world) }
        let average = (0..<features).map { j in centres.reduce(0) { $0 + $1[j] } / Double(classes) }
        centres = centres.map { centre in zip(centre, average).map { $0 - $1 } }
        var distanceSum = 0.0
        for a in 0..<classes {
            for b in (a + 1)..<classes {
                distanceSum += zip(centres[a], centres[b]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            }
        }
        let meanDistance = distanceSum / Double(classes * (classes - 1) / 2)
        guard meanDistance > 0 else { return centres }
        return centres.map { centre in centre.map { $0 * separation / meanDistance } }
    }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        precondition(count >= 0)
        var streams = GeneratorStreams(splitting: &generator)
        let centres = centres(world: &streams.world)
        var cumulative = [Double]()
        var total = 0.0
        for proportion in proportions {
            total += proportion
            cumulative.append(total)
        }
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var labels = [Float]()
        labels.reserveCapacity(count)
        for _ in 0..<count {
            let u = streams.samples.nextUniform()
            let label = cumulative.firstIndex { u < $0 } ?? classes - 1
            for j in 0..<features {
                storage.append(Float(centres[label][j] + streams.samples.nextNormal()))
            }
            labels.append(Float(label))
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(column: labels),
                       task: task)
    }
}
