import Foundation
import LossCore

/// One timed repetition of one workload: a row of `results/bench/history.csv` and of
/// `losslab bench --format csv`.
///
/// The column names are a contract: `losslab compare` groups bench CSV files by `workload` (and
/// `threads`) and runs a Mann-Whitney test on the `seconds` rows, and `scripts/bench_ratios.py`
/// joins them with the peers' CSV by `workload`.
public struct BenchRecord: Sendable, Equatable {
    public static let columns = ["date", "commit", "build", "workload", "threads", "repetition", "seconds",
                                 "samples_per_second", "gflops", "metric", "metric_value"]

    /// ISO 8601 with seconds and time zone, the same for every row of one invocation.
    public var date: String
    /// `git rev-parse HEAD` of the working tree, empty outside a checkout.
    public var commit: String
    /// ``BuildIdentity/current``: the version and a hash of the executable.
    public var build: String
    public var workload: BenchWorkload
    /// Threads the workload ran on: 1 for W1 to W4, `--jobs` for W5.
    public var threads: Int
    /// 1-based; the warm-up is not recorded.
    public var repetition: Int
    public var seconds: Double
    public var metricValue: Double

    public init(date: String, commit: String, build: String, workload: BenchWorkload, threads: Int, repetition: Int,
                seconds: Double, metricValue: Double) {
        self.date = date
        self.commit = commit
        self.build = build
        self.workload = workload
        self.threads = threads
        self.repetition = repetition
        self.seconds = seconds
        self.metricValue = metricValue
    }

    public var samplesPerSecond: Double { Double(workload.samples) / seconds }
    public var gflops: Double? { workload.flops.map { $0 / seconds / 1e9 } }

    /// The fields in ``columns`` order: seconds with 6 decimals (microseconds), rates rounded.
    public var fields: [String] {
        [date, commit, build, workload.name, String(threads), String(repetition), String(format: "%.6f", seconds),
         String(format: "%.0f", samplesPerSecond), gflops.map { String(format: "%.2f", $0) } ?? "",
         workload.metricName, String(format: "%.4f", metricValue)]
    }

    public static var header: String { CSV.row(columns) }
    public var csvLine: String { CSV.row(fields) }
}

/// The repetitions of one workload at one thread count, summarised as the peers summarise theirs.
public struct BenchSummary: Sendable {
    public var workload: BenchWorkload
    public var threads: Int
    /// The warm-up run's seconds (W5: a cold run like the others).
    public var firstSeconds: Double
    public var seconds: [Double]
    /// The metric of the last repetition (every repetition computes the same value).
    public var metricValue: Double
    /// The metric of the data-generating model (``BenchData/truthMetric``), when known.
    public var truthMetric: Double?

    public init(workload: BenchWorkload, threads: Int, firstSeconds: Double, seconds: [Double], metricValue: Double,
                truthMetric: Double? = nil) {
        precondition(!seconds.isEmpty)
        self.workload = workload
        self.threads = threads
        self.firstSeconds = firstSeconds
        self.seconds = seconds
        self.metricValue = metricValue
        self.truthMetric = truthMetric
    }

    public var minimum: Double { seconds.min()! }
    /// The median (the mean of the two middle values for an even count).
    public var median: Double { SummaryStatistics.median(seconds) }
    public var samplesPerSecond: Double { Double(workload.samples) / median }
    public var gflops: Double? { workload.flops.map { $0 / median / 1e9 } }

    public static let tableHeader = ["workload", "threads", "reps", "first s", "min s", "median s", "samples/s",
                                     "GFLOP/s", "metric", "value", "truth"]

    /// A row of the text table: samples/s and GFLOP/s at the median, as the peers report them.
    public var tableRow: [String] {
        [workload.name, String(threads), String(seconds.count), String(format: "%.4f", firstSeconds),
         String(format: "%.4f", minimum), String(format: "%.4f", median), String(format: "%.3gM", samplesPerSecond / 1e6),
         gflops.map { String(format: "%.1f", $0) } ?? "-", workload.metricName, String(format: "%.4f", metricValue),
         truthMetric.map { String(format: "%.4f", $0) } ?? "-"]
    }

    /// Rows as an aligned text table (first column left-aligned, the others right-aligned).
    public static func table(_ rows: [[String]]) -> String {
        let all = [tableHeader] + rows
        let widths = tableHeader.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c == 0 || c == 8 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
