extension Metric {
    /// `median_absolute_error`: the median absolute error of the predictions against the targets,
    /// ``medianAbsoluteError(predicted:expected:)``.
    public static let medianAbsoluteError = Metric(
        id: "median_absolute_error",
        summary: "median |p - y|; ignores a minority of wild errors",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.medianAbsoluteError(predicted: $0.predictions, expected: $0.targets)
    }
}
