extension Metric {
    /// `rate_error`: the mean relative error of the predictions against the noiseless truth (the Poisson rate),
    /// ``meanRelativeError(predicted:expected:)``; no value without a truth or a non-zero rate.
    public static let rateError = Metric(
        id: "rate_error",
        summary: "mean |p - mu| / mu against the true Poisson rate mu",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) { evaluation in
        guard let truth = evaluation.conditionalMean else { return nil }
        return LossCore.meanRelativeError(predicted: evaluation.predictions, expected: truth)
    }
}
