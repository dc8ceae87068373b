extension Metric {
    /// Every metric, registered here once, in the order of `losslab list metrics` and of the metric
    /// columns of `trials.csv`, `summary.csv` and `history.csv`. Append a new metric: moving one
    /// would reorder the columns of every results file written from then on.
    public static let allCases: [Metric] = [
        // Regression and counts.
        .meanSquaredError,
        .rootMeanSquaredError,
        .meanAbsoluteError,
        .medianAbsoluteError,
        .meanSquaredLogarithmicError,
        .coefficientOfDetermination,
        .poissonDeviance,
        .medianRelativeError,
        .coefficientError,
        .truthRootMeanSquaredError,
        .rateError,
        // Classification.
        .accuracy,
        .balancedAccuracy,
        .macroF1,
        .minorityRecall,
        .logLoss,
        .brierScore,
        .expectedCalibrationError,
        .areaUnderROCCurve,
        // Multi-label.
        .hammingLoss,
        .subsetAccuracy,
        .microF1,
        // Regression, appended: quantiles.
        .coverage,
        // Regression, appended: images.
        .midGreyShare,
        // Regression and counts, appended: calibration of the mean.
        .meanBias,
    ]
}
