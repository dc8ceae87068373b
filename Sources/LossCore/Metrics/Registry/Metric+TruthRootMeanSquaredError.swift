extension Metric {
    /// `truth_rmse`: the root mean squared error of the predictions against the noiseless truth `E[y | x]`,
    /// ``rootMeanSquaredError(predicted:expected:)``; no value when the dataset has no such truth.
    public static let truthRootMeanSquaredError = Metric(
        id: "truth_rmse",
        summary: "RMSE against the noiseless truth E[y|x], not the noisy targets",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) { evaluation in
        guard let truth = evaluation.conditionalMean else { return nil }
        return LossCore.rootMeanSquaredError(predicted: evaluation.predictions, expected: truth)
    }
}
