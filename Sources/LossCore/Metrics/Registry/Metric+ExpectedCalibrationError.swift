extension Metric {
    /// `ece`: the expected calibration error over 15 equal-width confidence bins,
    /// ``expectedCalibrationError(probabilities:trueLabels:bins:)``.
    public static let expectedCalibrationError = Metric(
        id: "ece",
        summary: "expected calibration error, 15 equal-width confidence bins",
        higherIsBetter: false, tasks: .classification
    ) {
        LossCore.expectedCalibrationError(probabilities: $0.probabilities, trueLabels: $0.trueLabels)
    }
}
