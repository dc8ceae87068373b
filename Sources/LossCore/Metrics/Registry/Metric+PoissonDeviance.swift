extension Metric {
    /// `poisson_deviance`: the mean Poisson deviance of the predictions (the rates) against the targets (the counts),
    /// ``meanPoissonDeviance(predicted:expected:)``.
    public static let poissonDeviance = Metric(
        id: "poisson_deviance",
        summary: "mean 2 (y log(y/mu) - (y - mu)), mu = max(p, 1e-8); 0 is perfect",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.meanPoissonDeviance(predicted: $0.predictions, expected: $0.targets)
    }
}
