extension Metric {
    /// `mae`: the mean absolute error of the predictions against the targets,
    /// ``meanAbsoluteError(predicted:expected:)``.
    public static let meanAbsoluteError = Metric(
        id: "mae",
        summary: "mean |p - y|",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.meanAbsoluteError(predicted: $0.predictions, expected: $0.targets)
    }
}
