/// Descriptive statistics of one sample, such as a final loss across seeds.
///
/// Non-finite values (NaN from a diverged run, ±∞) are not part of the sample: they are counted in
/// `nonFiniteCount` and every other statistic describes the `count` finite values. With no finite
/// value every statistic is NaN.
///
/// - `mean` = Σ xᵢ / n, refined by adding Σ (xᵢ - mean) / n, which recovers most of the rounding
///   of the first sum.
/// - `standardDeviation` = √(Σ (xᵢ - mean)² / (n - 1)), Bessel's n - 1 denominator
///   (`numpy.std(ddof=1)`); 0 for a single value.
/// - `standardError` = standardDeviation / √n (`scipy.stats.sem`).
/// - `median`, `lowerQuartile`, `upperQuartile`: the 0.5, 0.25 and 0.75 quantiles by
///   `quantile(ofSorted:probability:)` (NumPy's linear interpolation), the box of a box plot.
/// - `confidenceInterval95`: mean ± t(0.975, n - 1) · standardError, nil for n < 2.
public struct SampleSummary: Sendable, Hashable {
    public let count: Int
    public let nonFiniteCount: Int
    public let mean: Double
    public let standardDeviation: Double
    public let standardError: Double
    public let median: Double
    public let lowerQuartile: Double
    public let upperQuartile: Double
    public let minimum: Double
    public let maximum: Double
    public let confidenceInterval95: ConfidenceInterval?

    public init(_ values: [Double]) {
        let finite = values.filter(\.isFinite).sorted()
        count = finite.count
        nonFiniteCount = values.count - finite.count
        guard let first = finite.first, let last = finite.last else {
            mean = .nan
            standardDeviation = .nan
            standardError = .nan
            median = .nan
            lowerQuartile = .nan
            upperQuartile = .nan
            minimum = .nan
            maximum = .nan
            confidenceInterval95 = nil
            return
        }
        let n = Double(count)
        let roughMean = finite.reduce(0, +) / n
        let mean = roughMean + finite.reduce(0) { $0 + ($1 - roughMean) } / n
        self.mean = mean
        minimum = first
        maximum = last
        median = quantile(ofSorted: finite, probability: 0.5)
        lowerQuartile = quantile(ofSorted: finite, probability: 0.25)
        upperQuartile = quantile(ofSorted: finite, probability: 0.75)
        guard count >= 2 else {
            standardDeviation = 0
            standardError = 0
            confidenceInterval95 = nil
            return
        }
        let squares = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = (squares / (n - 1)).squareRoot()
        standardError = standardDeviation / n.squareRoot()
        confidenceInterval95 = ConfidenceInterval(
            mean: mean, standardError: standardError, degreesOfFreedom: n - 1)
    }
}
