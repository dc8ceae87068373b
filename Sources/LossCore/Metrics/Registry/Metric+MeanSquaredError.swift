extension Metric {
    /// `mse`: the mean squared error of the predictions against the targets,
    /// ``meanSquaredError(predicted:expected:)``.
    public static let meanSquaredError = Metric(
        id: "mse",
        summary: "mean (p - y)^2",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.meanSquaredError(predicted: $0.predictions, expected: $0.targets)
    }
}
