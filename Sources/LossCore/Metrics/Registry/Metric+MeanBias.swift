extension Metric {
    /// `mean_bias`: calibration in the large, ``relativeMeanBias(predicted:expected:)``: how far the
    /// mean prediction is from the mean target, relative to it. A count model fitted by its
    /// likelihood (Poisson with a log link and an intercept) predicts the observed mean exactly on
    /// its training data; MSLE's log(1 + y) predicts a lower one.
    public static let meanBias = Metric(
        id: "mean_bias",
        summary: "|mean p - mean y| / |mean y|: calibration of the predicted mean",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.relativeMeanBias(predicted: $0.predictions, expected: $0.targets)
    }
}
