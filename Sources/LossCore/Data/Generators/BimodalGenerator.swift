/// Regression with two modes around a line: the setting in which mean absolute error and mean
/// squared error disagree about what to predict.
///
/// World: `w ~ N(0, I)`. Each sample: `x ~ N(0, I)`, the upper mode with probability
/// `mode_weight`, `eps ~ N(0, 1)`, `y = x . w + (upper ? +mode_gap/2 : -mode_gap/2) + noise * eps`.
/// When the modes are well separated (`mode_gap` several times `noise`), MAE predicts the
/// conditional median, the upper mode when `mode_weight > 1/2`, while MSE predicts the
/// conditional mean, `x . w + (2 mode_weight - 1) mode_gap / 2`, a value between the modes that is
/// rarely observed.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `features` | 3 | 1...1000 |
/// | `mode_gap` | 4 | [0, 1e6], distance between the two modes |
/// | `mode_weight` | 0.7 | [0, 1], probability of the upper mode |
/// | `noise` | 0.3 | [0, 1e6], standard deviation of each mode |
///
/// Ground truth: `coefficients = w` (the line between the modes), `intercept = (2 mode_weight - 1)
/// mode_gap / 2` and `conditionalMean = x . w + intercept`, the conditional **mean** (the line
/// alone is `conditionalMean - intercept`).
public struct BimodalGenerator: DataGenerator {
    public static let name = "bimodal"
    public static let summary = "two modes mode_gap apart around a line (MAE picks the heavier mode, MSE the mean between)"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("features", .number(3), "number of standard normal features (1...1000)"),
        ParameterInfo("mode_gap", .number(4), "distance between the two modes (>= 0)"),
        ParameterInfo("mode_weight", .number(0.7), "probability of the upper mode ([0, 1])"),
        ParameterInfo("noise", .number(0.3), "standard deviation of the noise around each mode (>= 0)"),
    ]

    public let features: Int
    public let modeGap: Double
    public let modeWeight: Double
    public let noise: Double

    public init(features: Int = 3, modeGap: Double = 4, modeWeight: Double = 0.7, noise: Double = 0.3) {
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition(modeGap >= 0 && modeGap <= 1e6, "mode gap must be in [0, 1e6]")
        precondition((0...1).contains(modeWeight), "mode weight must be in [0, 1]")
        precondition(noise >= 0 && noise <= 1e6, "noise must be in [0, 1e6]")
        self.features = features
        self.modeGap = modeGap
        self.modeWeight = modeWeight
        self.noise = noise
    }

    public init(parameters: Parameters) throws {
        try self.init(
            features: parameters.integer("features", default: 3, in: 1...1000),
            modeGap: parameters.number("mode_gap", default: 4, in: 0...1e6),
            modeWeight: parameters.number("mode_weight", default: 0.7, in: 0...1),
            noise: parameters.number("noise", default: 0.3, in: 0...1e6))
    }

    public var task: Task { .regression }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        precondition(count >= 0)
        var streams = GeneratorStreams(splitting: &generator)
        let coefficients = GaussianDesign.normalVector(count: features, generator: &streams.world)
        let meanOffset = (2 * modeWeight - 1) * modeGap / 2
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var targets = [Float]()
        targets.reserveCapacity(count)
        var conditionalMean = [Float]()
        conditionalMean.reserveCapacity(count)
        var row = [Float](repeating: 0, count: features)
        for _ in 0..<count {
            GaussianDesign.fillStandardNormal(&row, generator: &streams.samples)
            let line = GaussianDesign.dot(row, coefficients)
            let upper = streams.samples.nextBernoulli(modeWeight)
            let mode = upper ? modeGap / 2 : -modeGap / 2
            targets.append(Float(line + mode + noise * streams.samples.nextNormal()))
            conditionalMean.append(Float(line + meanOffset))
            storage.append(contentsOf: row)
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(column: targets),
                       task: task,
                       truth: GroundTruth(coefficients: coefficients, intercept: meanOffset, conditionalMean: conditionalMean))
    }
}
