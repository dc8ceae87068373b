extension Metric {
    /// `log_loss`: the mean negative log-likelihood of the true classes, ``logLoss(probabilities:trueLabels:)``.
    public static let logLoss = Metric(
        id: "log_loss",
        summary: "mean -log p(true class), p clipped to [1e-7, 1 - 1e-7]",
        higherIsBetter: false, tasks: .classification
    ) {
        LossCore.logLoss(probabilities: $0.probabilities, trueLabels: $0.trueLabels)
    }
}
