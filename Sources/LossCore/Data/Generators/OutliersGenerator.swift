/// ``GaussianGenerator``'s data with a fraction of the targets corrupted by large errors: the
/// setting in which mean absolute error and Huber beat mean squared error.
///
/// Each sample is corrupted independently with probability `outlier_fraction`; a corrupted target
/// gets `sign * outlier_scale * |z|` added, `z ~ N(0, 1)`, with `sign = +1` when `sided` is "one"
/// and a fair random sign when it is "two". Every sample draws its corruption indicator,
/// magnitude and sign from the perturbation stream (see ``GeneratorStreams``), so at the same seed
/// the features, coefficients and clean targets are exactly those of ``GaussianGenerator`` with the
/// same base parameters, and changing `outlier_fraction` changes which samples are corrupted and
/// nothing else.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `features`, `noise`, `coefficient_scale`, `intercept` | as ``GaussianGenerator`` | |
/// | `outlier_fraction` | 0.1 | [0, 1] |
/// | `outlier_scale` | 20 | [0, 1e6] |
/// | `sided` | "one" | "one" (errors always positive) or "two" (random sign) |
///
/// Ground truth: `coefficients`, `intercept` and `conditionalMean` of the **clean** line
/// `x . w + intercept`, so that error on clean data can be measured.
public struct OutliersGenerator: DataGenerator {
    public static let name = "outliers"
    public static let summary = "gaussian regression with a fraction of targets hit by large one- or two-sided errors"
    public static let parameters: [ParameterInfo] = GaussianGenerator.parameters + [
        ParameterInfo("outlier_fraction", .number(0.1), "probability that a sample's target is corrupted ([0, 1])"),
        ParameterInfo("outlier_scale", .number(20), "a corrupted target gets +- outlier_scale * |N(0,1)| added (>= 0)"),
        ParameterInfo("sided", .text("one"), "\"one\": errors always positive; \"two\": random sign"),
    ]

    public let clean: GaussianGenerator
    public let outlierFraction: Double
    public let outlierScale: Double
    public let twoSided: Bool

    public init(clean: GaussianGenerator = GaussianGenerator(), outlierFraction: Double = 0.1,
                outlierScale: Double = 20, twoSided: Bool = false) {
        precondition((0...1).contains(outlierFraction), "outlier fraction must be in [0, 1]")
        precondition(outlierScale >= 0 && outlierScale <= 1e6, "outlier scale must be in [0, 1e6]")
        self.clean = clean
        self.outlierFraction = outlierFraction
        self.outlierScale = outlierScale
        self.twoSided = twoSided
    }

    public init(parameters: Parameters) throws {
        try self.init(
            clean: GaussianGenerator(parameters: parameters),
            outlierFraction: parameters.number("outlier_fraction", default: 0.1, in: 0...1),
            outlierScale: parameters.number("outlier_scale", default: 20, in: 0...1e6),
            twoSided: parameters.choice("sided", default: "one", among: ["one", "two"]) == "two")
    }

    public var task: Task { .regression }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        var streams = GeneratorStreams(splitting: &generator)
        var dataset = clean.generate(count: count, streams: &streams)
        for i in 0..<count {
            let corrupted = streams.perturbations.nextBernoulli(outlierFraction)
            let magnitude = outlierScale * abs(streams.perturbations.nextNormal())
            let positive = streams.perturbations.nextBernoulli(0.5)
            if corrupted {
                let sign: Double = !twoSided || positive ? 1 : -1
                dataset.targets.storage[i] = Float(Double(dataset.targets.storage[i]) + sign * magnitude)
            }
        }
        return dataset
    }
}
