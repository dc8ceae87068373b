extension Metric {
    /// `r2`: the coefficient of determination of the predictions against the targets,
    /// ``coefficientOfDetermination(predicted:expected:)``; no value for constant targets.
    public static let coefficientOfDetermination = Metric(
        id: "r2",
        summary: "R^2 = 1 - SS_res / SS_tot; 1 is perfect, 0 predicts the mean",
        higherIsBetter: true, tasks: .regressionAndCounts
    ) {
        LossCore.coefficientOfDetermination(predicted: $0.predictions, expected: $0.targets)
    }
}
