#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts from a Poisson regression with log link: the setting in which the Poisson loss is the
/// likelihood.
///
/// World: `w ~ N(0, coefficient_scale^2 I)`, `intercept = log(mean_count)`. Each sample:
/// `x ~ N(0, I)`, `rate = exp(x . w + intercept)`, `y ~ Poisson(rate)`
/// (``SplitMix64/nextPoisson(rate:)``). `mean_count` is the rate at `x = 0`, the median rate; the
/// average rate over `x` is `mean_count * exp(|w|^2 / 2)` (about 1.25 times larger with the
/// defaults). The rate is capped at 10^7 so that counts stay exact in float32 (with the defaults
/// the cap is 23 standard deviations of `x . w` away).
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `features` | 5 | 1...1000 |
/// | `coefficient_scale` | 0.3 | (0, 10], standard deviation of each true coefficient |
/// | `mean_count` | 2 | (0, 1e6], the rate at `x = 0` |
///
/// Ground truth: `coefficients = w`, `intercept = log(mean_count)`, `conditionalMean = rate`.
public struct PoissonGenerator: DataGenerator {
    public static let name = "poisson"
    public static let summary = "counts y ~ Poisson(exp(x.w + log mean_count)) (the Poisson loss is the likelihood)"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("features", .number(5), "number of standard normal features (1...1000)"),
        ParameterInfo("coefficient_scale", .number(0.3), "standard deviation of each true coefficient ((0, 10])"),
        ParameterInfo("mean_count", .number(2), "Poisson rate at x = 0, so intercept = log(mean_count) ((0, 1e6])"),
    ]

    /// The largest rate drawn.
    public static let maximumRate = 1e7

    public let features: Int
    public let coefficientScale: Double
    public let meanCount: Double

    public init(features: Int = 5, coefficientScale: Double = 0.3, meanCount: Double = 2) {
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition(coefficientScale > 0 && coefficientScale <= 10, "coefficient scale must be in (0, 10]")
        precondition(meanCount > 0 && meanCount <= 1e6, "mean count must be in (0, 1e6]")
        self.features = features
        self.coefficientScale = coefficientScale
        self.meanCount = meanCount
    }

    public init(parameters: Parameters) throws {
        try self.init(
            features: parameters.integer("features", default: 5, in: 1...1000),
            coefficientScale: parameters.number("coefficient_scale", default: 0.3, in: .leastNonzeroMagnitude...10,
                                                "a number in (0, 10]"),
            meanCount: parameters.number("mean_count", default: 2, in: .leastNonzeroMagnitude...1e6,
                                         "a number in (0, 1000000]"))
    }

    public var task: Task { .counts }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        precondition(count >= 0)
        var streams = GeneratorStreams(splitting: &generator)
        let coefficients = GaussianDesign.normalVector(count: features, scale: coefficientScale, generator: &streams.world)
        let intercept = log(meanCount)
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var targets = [Float]()
        targets.reserveCapacity(count)
        var rates = [Float]()
        rates.reserveCapacity(count)
        var row = [Float](repeating: 0, count: features)
        for _ in 0..<count {
            GaussianDesign.fillStandardNormal(&row, generator: &streams.samples)
            let rate = min(exp(GaussianDesign.dot(row, coefficients) + intercept), Self.maximumRate)
            targets.append(Float(streams.samples.nextPoisson(rate: rate)))
            rates.append(Float(rate))
            storage.append(contentsOf: row)
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(column: targets),
                       task: task,
                       truth: GroundTruth(coefficients: coefficients, intercept: intercept, conditionalMean: rates))
    }
}
