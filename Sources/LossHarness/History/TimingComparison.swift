import Foundation

/// The decision of `losslab bench --against REV`: for each workload, the repeated timings of the
/// baseline binary (REV's) and of the current one, taken interleaved, compared by the ratio of
/// their medians and a two-sided ``MannWhitneyTest``.
///
/// A workload has **regressed** when p < alpha and median(current) / median(baseline) > 1 + t, and
/// **improved** when p < alpha and the ratio < 1 / (1 + t), with t the `--threshold` (default 5%:
/// smaller differences are within what a shared machine's load moves from run to run even when the
/// test finds them). Otherwise it is unchanged. The run as a whole is a regression when any workload
/// regressed, an improvement when some improved and none regressed (exit codes 2 and 4, those of
/// `losslab compare`).
public struct TimingComparison: Sendable {
    public static let defaultAlpha = 0.05
    public static let defaultThreshold = 0.05

    public enum Verdict: String, Sendable, Hashable {
        case unchanged
        case regression
        case improvement
    }

    /// One workload's samples, test and verdict.
    public struct Row: Sendable {
        public var series: String
        public var baseline: [Double]
        public var current: [Double]
        /// median(current) / median(baseline): above 1 is slower.
        public var ratio: Double
        public var test: MannWhitneyTest?
        public var verdict: Verdict
    }

    public var rows: [Row]
    public var alpha: Double
    public var threshold: Double

    /// Compares each series present on both sides (in `series` order); a series with no finite
    /// time on one side is left out.
    public init(series: [String], baseline: [String: [Double]], current: [String: [Double]],
                alpha: Double = defaultAlpha, threshold: Double = defaultThreshold) {
        precondition(alpha > 0 && alpha <= 1 && threshold >= 0)
        self.alpha = alpha
        self.threshold = threshold
        rows = series.compactMap { name in
            let before = (baseline[name] ?? []).filter(\.isFinite), after = (current[name] ?? []).filter(\.isFinite)
            guard !before.isEmpty, !after.isEmpty else { return nil }
            let ratio = SampleSummary(after).median / SampleSummary(before).median
            let test = MannWhitneyTest(first: before, second: after)
            var verdict = Verdict.unchanged
            if let test, test.pValue < alpha {
                if ratio > 1 + threshold { verdict = .regression } else if ratio < 1 / (1 + threshold) { verdict = .improvement }
            }
            return Row(series: name, baseline: before, current: after, ratio: ratio, test: test, verdict: verdict)
        }
    }

    /// Regression if any row regressed, else improvement if any improved, else unchanged.
    public var verdict: Verdict {
        if rows.contains(where: { $0.verdict == .regression }) { return .regression }
        if rows.contains(where: { $0.verdict == .improvement }) { return .improvement }
        return .unchanged
    }

    /// `5%` or `0.05` as a fraction; nil for anything else or a negative value.
    public static func parseThreshold(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value
    }

    public static let tableHeader = ["workload", "n base", "n current", "median base s", "median current s", "ratio", "p", "verdict"]

    public var tableRows: [[String]] {
        rows.map { row in
            [row.series, String(row.baseline.count), String(row.current.count),
             String(format: "%.4f", SampleSummary(row.baseline).median), String(format: "%.4f", SampleSummary(row.current).median),
             String(format: "%.3f", row.ratio), row.test.map { String(format: "%.3g", $0.pValue) } ?? "-", row.verdict.rawValue]
        }
    }
}
