import LossHarness

/// The options `compare` and `check` share: output format, tolerances, significance level and
/// whether unchanged rows are listed.
struct CompareOptions {
    enum Format: String, CaseIterable {
        case table
        case markdown
        case csv
    }

    var format: Format
    var comparison: ComparisonOptions
    var includeUnchanged: Bool

    /// The help lines of these options.
    static let help = """
      --format F               table (default: aligned, for a terminal), markdown (a PR comment)
                               or csv (tidy: every group and metric with every number)
      --tolerance METRIC=T     tolerance of one metric: T% relative (mse=0.5%) or T absolute
                               (accuracy=0.002); repeatable; wins over --thresholds
      --thresholds FILE        JSON5 object of tolerances, e.g. { "mse": "2%", "accuracy": 0.01,
                               "train_seconds": "25%" }
      --alpha A                significance level, 0 < A <= 1 (default 0.05)
      --likely count|ignore    whether likely regressions and improvements of quality metrics
                               (beyond tolerance, not significant) decide the exit code as
                               regressions and improvements do (count, the default) or are only
                               listed (ignore); likely timing changes are always only listed
      --all                    list unchanged rows too (the table and markdown count them otherwise)
    """

    /// Reads the shared options; a bad value is a usage error (64), a thresholds file that does
    /// not exist or cannot be read is exit 66.
    static func parse(_ arguments: inout Arguments, command: String) throws -> CompareOptions {
        let formatText = try arguments.value("format") ?? Format.table.rawValue
        guard let format = Format(rawValue: formatText) else {
            throw CommandError("\(command): --format \(formatText): expected one of " + Format.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var alpha = ComparisonOptions.standardAlpha
        if let text = try arguments.value("alpha") {
            guard let value = Double(text), value > 0 && value <= 1 else {
                throw CommandError("\(command): --alpha \(text): expected a significance level with 0 < alpha <= 1, e.g. 0.05")
            }
            alpha = value
        }
        var tolerances = Tolerances()
        do {
            if let file = try arguments.path("thresholds") { try tolerances.apply(thresholdsFile: file) }
            for entry in try arguments.values("tolerance") { try tolerances.apply(entry: entry) }
        } catch let error as TrackingError {
            throw CommandError("\(command): " + error.description, code: TrackingExitCodes.code(for: error, baselineSide: false))
        }
        let likely = try arguments.value("likely") ?? "count"
        guard likely == "count" || likely == "ignore" else {
            throw CommandError("\(command): --likely \(likely): expected count or ignore")
        }
        let includeUnchanged = arguments.flag("all")
        return CompareOptions(format: format, comparison: ComparisonOptions(alpha: alpha, tolerances: tolerances,
                                                                            countsLikelyChanges: likely == "count"),
                              includeUnchanged: includeUnchanged)
    }
}

/// The exit code of each ``TrackingError``: its kind's (``ExitCode/init(_:)``), except that a
/// missing baseline is exit code 5.
enum TrackingExitCodes {
    /// `baselineSide`: the error concerns the baseline, whose absence is exit code 5.
    static func code(for error: TrackingError, baselineSide: Bool) -> ExitCode {
        if case .notFound = error, baselineSide { return .baselineMissing }
        return ExitCode(error.kind)
    }
}
