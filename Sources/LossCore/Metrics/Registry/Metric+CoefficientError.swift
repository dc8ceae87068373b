extension Metric {
    /// `coefficient_error`: the distance between the fitted and the true linear coefficients,
    /// ``coefficientError(fitted:truth:)``; no value without both, or when their lengths differ. It reads
    /// no output, so a diverged model with finite coefficients still has a value.
    public static let coefficientError = Metric(
        id: "coefficient_error",
        summary: "||w_fitted - w_true||_2, intercept excluded; needs a linear truth",
        higherIsBetter: false, tasks: .regressionAndCounts, readsOutputs: false
    ) { evaluation in
        guard let coefficients = evaluation.coefficients else { return nil }
        return LossCore.coefficientError(fitted: coefficients.fitted, truth: coefficients.truth)
    }
}
