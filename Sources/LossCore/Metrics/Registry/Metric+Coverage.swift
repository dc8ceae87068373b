extension Metric {
    /// `coverage`: the share of targets at or below the prediction, ``coverage(predicted:expected:)``:
    /// the quantile level the predictions reach. A loss that estimates the `tau`-quantile (pinball)
    /// aims at `tau`, the mean (MSE) of symmetric noise at 1/2. Higher means "predicts higher", not
    /// "better": a claim reads it as such.
    public static let coverage = Metric(
        id: "coverage",
        summary: "share of y <= p (the quantile level reached; pinball at tau aims at tau)",
        higherIsBetter: true, tasks: .regressionAndCounts
    ) {
        LossCore.coverage(predicted: $0.predictions, expected: $0.targets)
    }
}
