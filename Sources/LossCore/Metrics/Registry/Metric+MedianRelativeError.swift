extension Metric {
    /// `median_relative_error`: the median relative error of the predictions against the non-zero targets,
    /// ``medianRelativeError(predicted:expected:)``; no value when every target is 0.
    public static let medianRelativeError = Metric(
        id: "median_relative_error",
        summary: "median |p - y| / |y| over y != 0",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.medianRelativeError(predicted: $0.predictions, expected: $0.targets)
    }
}
