/// Linear regression with Gaussian noise: the setting in which mean squared error is the
/// maximum-likelihood loss.
///
/// World: `w ~ N(0, coefficient_scale^2 I)`. Each sample: `x ~ N(0, I)`, `eps ~ N(0, 1)`,
/// `y = x . w + intercept + noise * eps`.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `features` | 5 | 1...1000 |
/// | `noise` | 1 | [0, 1e6], standard deviation of the additive noise |
/// | `coefficient_scale` | 1 | (0, 1e6], standard deviation of each true coefficient |
/// | `intercept` | 0 | [-1e6, 1e6] |
///
/// Ground truth: `coefficients = w`, `intercept`, `conditionalMean = x . w + intercept`.
public struct GaussianGenerator: DataGenerator {
    public static let name = "gaussian"
    public static let summary = "linear regression, y = x.w + intercept + Gaussian noise (MSE is the likelihood)"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("features", .number(5), "number of standard normal features (1...1000)"),
        ParameterInfo("noise", .number(1), "standard deviation of the Gaussian noise on y (>= 0)"),
        ParameterInfo("coefficient_scale", .number(1), "standard deviation of each true coefficient (> 0)"),
        ParameterInfo("intercept", .number(0), "true intercept"),
    ]

    public let features: Int
    public let noise: Double
    public let coefficientScale: Double
    public let intercept: Double

    public init(features: Int = 5, noise: Double = 1, coefficientScale: Double = 1, intercept: Double = 0) {
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition(noise >= 0 && noise <= 1e6, "noise must be in [0, 1e6]")
        precondition(coefficientScale > 0 && coefficientScale <= 1e6, "coefficient scale must be in (0, 1e6]")
        precondition(abs(intercept) <= 1e6, "intercept must be in [-1e6, 1e6]")
        self.features = features
        self.noise = noise
        self.coefficientScale = coefficientScale
        self.intercept = intercept
    }

    public init(parameters: Parameters) throws {
        try self.init(
            features: parameters.integer("features", default: 5, in: 1...1000),
            noise: parameters.number("noise", default: 1, in: 0...1e6),
            coefficientScale: parameters.number("coefficient_scale", default: 1, in: .leastNonzeroMagnitude...1e6,
                                                "a number in (0, 1000000]"),
            intercept: parameters.number("intercept", default: 0, in: -1e6...1e6))
    }

    public var task: Task { .regression }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        var streams = GeneratorStreams(splitting: &generator)
        return generate(count: count, streams: &streams)
    }

    /// The samples drawn from given streams, for variants that add to them (``OutliersGenerator``).
    func generate(count: Int, streams: inout GeneratorStreams) -> Dataset {
        precondition(count >= 0)
        let coefficients = GaussianDesign.normalVector(count: features, scale: coefficientScale, generator: &streams.world)
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var targets = [Float]()
        targets.reserveCapacity(count)
        var conditionalMean = [Float]()
        conditionalMean.reserveCapacity(count)
        var row = [Float](repeating: 0, count: features)
        for _ in 0..<count {
            GaussianDesign.fillStandardNormal(&row, generator: &streams.samples)
            let mean = GaussianDesign.dot(row, coefficients) + intercept
            targets.append(Float(mean + noise * streams.samples.nextNormal()))
            conditionalMean.append(Float(mean))
            storage.append(contentsOf: row)
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(column: targets),
                       task: task,
                       truth: GroundTruth(coefficients: coefficients, intercept: intercept, conditionalMean: conditionalMean))
    }
}
