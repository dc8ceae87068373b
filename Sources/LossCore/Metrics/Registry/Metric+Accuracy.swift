extension Metric {
    /// `accuracy`: the fraction of correct predicted labels, ``accuracy(predictedLabels:trueLabels:)``.
    public static let accuracy = Metric(
        id: "accuracy",
        summary: "fraction of samples whose argmax is the true class",
        higherIsBetter: true, tasks: .classification
    ) {
        LossCore.accuracy(predictedLabels: $0.predictedLabels, trueLabels: $0.trueLabels)
    }
}
