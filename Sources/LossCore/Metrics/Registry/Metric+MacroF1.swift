extension Metric {
    /// `macro_f1`: the unweighted mean per-class F1, ``macroF1(predictedLabels:trueLabels:classes:)``.
    public static let macroF1 = Metric(
        id: "macro_f1",
        summary: "unweighted mean F1 over classes present or predicted",
        higherIsBetter: true, tasks: .classification
    ) {
        LossCore.macroF1(predictedLabels: $0.predictedLabels, trueLabels: $0.trueLabels, classes: $0.classCount)
    }
}
