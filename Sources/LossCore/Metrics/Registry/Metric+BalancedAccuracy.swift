extension Metric {
    /// `balanced_accuracy`: the mean per-class recall, ``balancedAccuracy(predictedLabels:trueLabels:classes:)``.
    public static let balancedAccuracy = Metric(
        id: "balanced_accuracy",
        summary: "mean per-class recall over the classes present",
        higherIsBetter: true, tasks: .classification
    ) {
        LossCore.balancedAccuracy(predictedLabels: $0.predictedLabels, trueLabels: $0.trueLabels,
                                  classes: $0.classCount)
    }
}
