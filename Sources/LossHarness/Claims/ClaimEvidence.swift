import Foundation

/// The test of a claim, on its independent units, and what it found.
///
/// **The unit is the repetition.** Within a repetition every loss sees the same data and the same
/// initial weights, and a repetition's seed is shared by every setting of the study (the swept
/// values of the non-loss fields). So the pairs of one repetition in several settings are not
/// independent (their differences correlate), and a claim pooled over settings has as many
/// independent units as repetitions, not as pairs. Which test (``ClaimTest``):
///
/// | pairs | unit value uᵣ of repetition r | test |
/// | --- | --- | --- |
/// | one setting | the difference dᵣ = better - than | paired t-test on the dᵣ |
/// | several settings of a common scale | the mean over the settings of dᵣ,ₛ | t-test on the uᵣ (`pairedTOnSettingMeans`) |
/// | several settings whose scales differ by a factor of 2 or more, values positive | the mean over the settings of ln(better / than) | t-test on the uᵣ (`pairedTOnLogRatios`) |
/// | resampled splits of one data set | as above | ``CorrectedResampledTTest`` on the uᵣ |
///
/// A setting's scale is the mean of both losses' values there; the log-ratio makes a relative
/// effect (MAE's error 20% above MSE's at every noise level) one number instead of letting the
/// noisiest setting dominate. Averaging over the settings present in a repetition stratifies by
/// setting (each setting weighs the same in every unit), a fixed-effects summary; a repetition with
/// no finite pair is left out.
///
/// The effect is the mean unit value with its 95% interval (in the metric's units, or as a
/// log-ratio), and d = mean / sd of the units, the standardized effect that sets the power.
public struct ClaimEvidence: Sendable, Hashable {
    public enum Scale: String, Sendable, Hashable {
        /// better - than, in the metric's units.
        case difference
        /// ln(better / than).
        case logRatio = "log_ratio"
    }

    public var test: ClaimTest
    /// Why this test, in words (the `test_reason` column).
    public var reason: String
    public var scale: Scale
    /// One value per repetition, with the number of settings averaged into it.
    public var units: [Unit]
    /// The mean unit value; `nil` without units.
    public var effect: Double?
    public var interval: ConfidenceInterval?
    /// mean / sd of the units (±∞ when they do not vary and the mean is not 0).
    public var standardizedEffect: Double?
    public var tStatistic: Double?
    public var degreesOfFreedom: Int?
    /// Two-sided; `nil` with fewer than 2 units.
    public var pValue: Double?

    public struct Unit: Sendable, Hashable {
        public var repetition: Int
        public var settings: Int
        public var value: Double
    }

    /// The design of the power computation that matches the test.
    public var powerDesign: TTestPower.Design {
        if case .correctedResampled(let ratio) = test.kind { return .correctedResampled(testToTrainRatio: ratio) }
        return .oneSample
    }

    init(claim: Claim, observations: ClaimObservations) {
        let settings = observations.settings
        let levels = settings.map { setting in
            let pairs = observations.pairs.filter { $0.setting == setting }
            return pairs.reduce(0) { $0 + ($1.better + $1.than) / 2 } / Double(max(1, pairs.count))
        }
        let positive = observations.pairs.allSatisfy { $0.better > 0 && $0.than > 0 }
        let spread = levels.count > 1 && positive ? (levels.max()! / levels.min()!) : 1
        scale = settings.count > 1 && positive && spread >= 2 ? .logRatio : .difference
        units = Self.units(observations, scale: scale)
        let values = units.map(\.value)
        if case .resampledSplits(let train, let test) = claim.sampling {
            self.test = ClaimTest(kind: .correctedResampled(testToTrainRatio: test / train), pooled: settings.count > 1, scale: scale)
        } else {
            self.test = ClaimTest(kind: .paired, pooled: settings.count > 1, scale: scale)
        }
        reason = Self.reason(claim: claim, settings: settings.count, units: units.count, scale: scale, levels: levels, positive: positive)
        effect = values.isEmpty ? nil : SampleSummary(values).mean
        switch test.kind {
        case .paired:
            guard let comparison = PairedComparison(differences: values) else { return }
            record(mean: comparison.meanDifference, deviation: comparison.standardDeviation, t: comparison.tStatistic,
                   p: comparison.pValue, interval: comparison.confidenceInterval95, count: comparison.count)
        case .correctedResampled:
            guard case .resampledSplits(let train, let testFraction) = claim.sampling,
                  let corrected = CorrectedResampledTTest(differences: values, trainFraction: train, testFraction: testFraction) else { return }
            record(mean: corrected.meanDifference, deviation: corrected.standardDeviation, t: corrected.tStatistic,
                   p: corrected.pValue, interval: corrected.confidenceInterval95, count: corrected.count)
        }
    }

    private mutating func record(mean: Double, deviation: Double, t: Double, p: Double, interval: ConfidenceInterval, count: Int) {
        effect = mean
        self.interval = interval
        standardizedEffect = deviation > 0 ? mean / deviation : (mean == 0 ? 0 : (mean > 0 ? .infinity : -.infinity))
        tStatistic = t
        degreesOfFreedom = count - 1
        pValue = p
    }

    /// One value per repetition: the mean over its pairs of the difference or log-ratio.
    static func units(_ observations: ClaimObservations, scale: Scale) -> [Unit] {
        var sums: [Int: (sum: Double, count: Int)] = [:]
        for pair in observations.pairs {
            let value = scale == .logRatio ? log(pair.better / pair.than) : pair.better - pair.than
            guard value.isFinite else { continue }
            sums[pair.repetition, default: (0, 0)].sum += value
            sums[pair.repetition, default: (0, 0)].count += 1
        }
        return sums.keys.sorted().map { Unit(repetition: $0, settings: sums[$0]!.count, value: sums[$0]!.sum / Double(sums[$0]!.count)) }
    }

    static func reason(claim: Claim, settings: Int, units: Int, scale: Scale, levels: [Double], positive: Bool) -> String {
        var text: String
        if settings <= 1 {
            text = "one setting: each repetition is one independent pair"
        } else {
            text = "\(settings) settings pooled; they share their seeds, so the unit is the repetition (\(units) units), "
            let range = String(format: "%.3g to %.3g", levels.min() ?? .nan, levels.max() ?? .nan)
            switch scale {
            case .logRatio:
                text += "its log-ratio better/than averaged over the settings, whose scales differ (setting means \(range))"
            case .difference:
                text += "its difference averaged over the settings"
                    + (positive ? " (setting means \(range), within a factor of 2)" : " (values not all positive: no log-ratio)")
            }
        }
        if case .resampledSplits(let train, let test) = claim.sampling {
            text += String(format: "; repetitions are overlapping train/test splits of one data set (train %g, test %g): the variance is corrected for their overlap (Nadeau & Bengio 2003)", train, test)
        }
        return text
    }
}

/// Which test judged a claim; its ``description`` is the `test` column.
public struct ClaimTest: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The paired t-test on independent repetitions.
        case paired
        /// The corrected resampled t-test, n₂/n₁ = the ratio.
        case correctedResampled(testToTrainRatio: Double)
    }

    public var kind: Kind
    /// Whether several settings were averaged into each unit.
    public var pooled: Bool
    public var scale: ClaimEvidence.Scale

    public var description: String {
        let base: String
        switch kind {
        case .paired: base = "paired t-test"
        case .correctedResampled: base = "corrected resampled t-test"
        }
        guard pooled else { return base }
        return base + (scale == .logRatio ? " on per-repetition mean log-ratios" : " on per-repetition mean differences")
    }
}
