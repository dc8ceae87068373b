#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-normal regression targets spanning orders of magnitude, like house prices: the setting in
/// which mean squared logarithmic error fits relative error and mean squared error is dominated
/// by the largest targets.
///
/// World: `w` drawn `N(0, I)` then rescaled to length `log_spread`, so that with `x ~ N(0, I)`
/// the log-space signal `x . w` is exactly `N(0, log_spread^2)`. Each sample:
/// `log y = log_mean + x . w + noise * eps`, `eps ~ N(0, 1)`. With the defaults the 1st and 99th
/// percentiles of `y` are `2 * 2.326 * sqrt(1.5^2 + 0.1^2) / ln 10 = 3.04` decades apart.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `features` | 5 | 1...1000 |
/// | `log_mean` | 12 | [-30, 30], mean of `log y` (e^12 is about 163,000) |
/// | `log_spread` | 1.5 | [0, 6], standard deviation of `x . w` in log space |
/// | `noise` | 0.1 | [0, 3], standard deviation of the log-space noise |
///
/// The ranges keep targets finite and nonzero in float32: at the extremes `log y` has mean +-30 and
/// standard deviation sqrt(6^2 + 3^2) = 6.7, and reaches float32's limit (+-88) only 8.6 standard
/// deviations out (probability below 1e-17 per sample).
///
/// Ground truth, **in log space**: `coefficients = w`, `intercept = log_mean`. `conditionalMean`
/// is `exp(log_mean + x . w)`, the conditional **median** of `y`; the conditional mean is larger
/// by the factor `exp(noise^2 / 2)` (1.005 with the defaults).
public struct WideRangeGenerator: DataGenerator {
    public static let name = "wide_range"
    public static let summary = "log-normal targets over orders of magnitude, log y = log_mean + x.w + noise (MSLE's home)"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("features", .number(5), "number of standard normal features (1...1000)"),
        ParameterInfo("log_mean", .number(12), "mean of log y ([-30, 30])"),
        ParameterInfo("log_spread", .number(1.5), "standard deviation of x.w in log space ([0, 6])"),
        ParameterInfo("noise", .number(0.1), "standard deviation of the noise on log y ([0, 3])"),
    ]

    public let features: Int
    public let logMean: Double
    public let logSpread: Double
    public let noise: Double

    public init(features: Int = 5, logMean: Double = 12, logSpread: Double = 1.5, noise: Double = 0.1) {
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition((-30...30).contains(logMean), "log mean must be in [-30, 30]")
        precondition((0...6).contains(logSpread), "log spread must be in [0, 6]")
        precondition((0...3).contains(noise), "noise must be in [0, 3]")
        self.features = features
        self.logMean = logMean
        self.logSpread = logSpread
        self.noise = noise
    }

    public init(parameters: Parameters) throws {
        try self.init(
            features: parameters.integer("features", default: 5, in: 1...1000),
            logMean: parameters.number("log_mean", default: 12, in: -30...30),
            logSpread: parameters.number("log_spread", default: 1.5, in: 0...6),
            noise: parameters.number("noise", default: 0.1, in: 0...3))
    }

    public var task: Task { .regression }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        precondition(count >= 0)
        var streams = GeneratorStreams(splitting: &generator)
        let coefficients = GaussianDesign.rescaled(GaussianDesign.normalVector(count: features, generator: &streams.world),
                                                   toLength: logSpread)
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var targets = [Float]()
        targets.reserveCapacity(count)
        var median = [Float]()
        median.reserveCapacity(count)
        var row = [Float](repeating: 0, count: features)
        for _ in 0..<count {
            GaussianDesign.fillStandardNormal(&row, generator: &streams.samples)
            let logMedian = logMean + GaussianDesign.dot(row, coefficients)
            targets.append(Float(exp(logMedian + noise * streams.samples.nextNormal())))
            median.append(Float(exp(logMedian)))
            storage.append(contentsOf: row)
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(column: targets),
                       task: task,
                       truth: GroundTruth(coefficients: coefficients, intercept: logMean, conditionalMean: median))
    }
}
