extension Metric {
    /// `msle`: the mean squared logarithmic error of the predictions against the targets,
    /// ``meanSquaredLogarithmicError(predicted:expected:)``.
    public static let meanSquaredLogarithmicError = Metric(
        id: "msle",
        summary: "mean (log1p(max(p,0)) - log1p(max(y,0)))^2",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.meanSquaredLogarithmicError(predicted: $0.predictions, expected: $0.targets)
    }
}
