extension Metric {
    /// `rmse`: the root mean squared error of the predictions against the targets,
    /// ``rootMeanSquaredError(predicted:expected:)``.
    public static let rootMeanSquaredError = Metric(
        id: "rmse",
        summary: "sqrt(mean (p - y)^2), in the target's unit",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.rootMeanSquaredError(predicted: $0.predictions, expected: $0.targets)
    }
}
