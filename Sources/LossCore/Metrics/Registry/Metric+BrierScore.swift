extension Metric {
    /// `brier`: the Brier score of the class probabilities, ``brierScore(probabilities:trueLabels:)``.
    public static let brierScore = Metric(
        id: "brier",
        summary: "mean squared error of the probabilities; binary (p1 - y)^2",
        higherIsBetter: false, tasks: .classification
    ) {
        LossCore.brierScore(probabilities: $0.probabilities, trueLabels: $0.trueLabels)
    }
}
