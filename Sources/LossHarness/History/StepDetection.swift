import Foundation

/// Steps in a benchmark's history: where its time moved from one level to another and stayed
/// there, as opposed to a single noisy point.
///
/// Method (a penalised piecewise-constant fit, the idea of asv's `step_detect`): the series is
/// `y_i = log(t_i)`, `t_i` a commit's time (the minimum of its repetitions, the least disturbed by
/// other load). Of all partitions of `y` into consecutive segments of at least ``minimumSegment``
/// points, the one minimising
///
///     Σ_segments Σ_{i in segment} |y_i - median(segment)|  +  β · (number of segments - 1)
///
/// is found exactly by dynamic programming (optimal partitioning, O(n²) segment costs). The L1
/// cost and the median make one far-off point cost only its distance, never a squared one; the
/// minimum segment length means a single point can never be a segment, so a single outlier is not a
/// step however large it is (a step at the last commit is therefore only reported once a second
/// commit confirms it: `losslab bench --against` is the test for one new commit). The penalty is
///
///     β = κ · σ · ln(n),   σ = max(1.4826 · median_i |y_i - y_{i-1}| / √2, σ_floor)
///
/// σ is a robust estimate of the per-point noise from the first differences (the few differences
/// that straddle a step do not move their median), κ = ``penaltyFactor`` (default 3), σ_floor =
/// ``noiseFloor`` (default 0.005, half a percent, so that an almost noiseless series does not split
/// at rounding-level changes). A step of relative size s between segments of m points lowers the
/// cost by about m·|ln(1 + s)|, so it is found when that exceeds β.
///
/// Each change point is reported with the commit that starts the new level and the ratio of the
/// two segments' median times (`after / before`: above 1 is slower).
public struct StepDetection: Sendable {
    public static let minimumSegment = 2
    public static let defaultPenaltyFactor = 3.0
    public static let defaultNoiseFloor = 0.005

    /// One detected step.
    public struct Step: Sendable, Equatable {
        /// Index in the series of the first point of the new level.
        public var index: Int
        /// The median time of the segment before and of the one from `index` on.
        public var before: Double
        public var after: Double
        /// `after / before`.
        public var ratio: Double { after / before }
    }

    /// The fitted segments as half-open index ranges, in order.
    public var segments: [Range<Int>]
    public var steps: [Step]
    /// σ and β as used.
    public var noise: Double
    public var penalty: Double

    /// Fits `times` (positive seconds, one per commit, in commit order); non-positive or
    /// non-finite values are a precondition failure (the caller drops missing commits first).
    public init(times: [Double], penaltyFactor: Double = defaultPenaltyFactor, noiseFloor: Double = defaultNoiseFloor) {
        precondition(times.allSatisfy { $0.isFinite && $0 > 0 }, "times must be positive and finite")
        let y = times.map { Foundation.log($0) }
        let n = y.count
        let differences = zip(y.dropFirst(), y).map { abs($0 - $1) }
        let noise = max(differences.isEmpty ? 0 : 1.4826 * Self.median(differences) / 2.0.squareRoot(), noiseFloor)
        let penalty = penaltyFactor * noise * Foundation.log(Double(max(n, 2)))
        self.noise = noise
        self.penalty = penalty
        let m = Self.minimumSegment
        guard n >= 2 * m else {
            segments = n == 0 ? [] : [0..<n]
            steps = []
            return
        }
        // best[j]: the least cost of y[0..<j]; start[j]: where its last segment starts.
        var best = [Double](repeating: .infinity, count: n + 1)
        var start = [Int](repeating: 0, count: n + 1)
        best[0] = -penalty
        for end in stride(from: m, through: n, by: 1) {
            for begin in stride(from: 0, through: end - m, by: 1) where best[begin].isFinite {
                let cost = best[begin] + penalty + Self.absoluteDeviation(y[begin..<end])
                if cost < best[end] {
                    best[end] = cost
                    start[end] = begin
                }
            }
        }
        var ranges: [Range<Int>] = []
        var end = n
        while end > 0 {
            ranges.append(start[end]..<end)
            end = start[end]
        }
        segments = ranges.reversed()
        steps = zip(segments, segments.dropFirst()).map { left, right in
            Step(index: right.lowerBound, before: Foundation.exp(Self.median(Array(y[left]))),
                 after: Foundation.exp(Self.median(Array(y[right]))))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Σ |y_i - median(y)|.
    static func absoluteDeviation(_ values: ArraySlice<Double>) -> Double {
        let center = median(Array(values))
        return values.reduce(0) { $0 + abs($1 - center) }
    }
}
