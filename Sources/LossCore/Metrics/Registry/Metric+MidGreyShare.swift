extension Metric {
    /// `mid_grey_share`: for targets in [0, 1] such as pixel intensities, the share of predicted
    /// values in [0.25, 0.75], ``midGreyShare(predicted:)``: a measure of blur. Where several
    /// completions of an image are plausible, MSE predicts their mean, a grey; MAE their median,
    /// which for near-binary pixels is black or white.
    public static let midGreyShare = Metric(
        id: "mid_grey_share",
        summary: "share of predictions in [0.25, 0.75] (targets in [0, 1], e.g. pixels): blur",
        higherIsBetter: false, tasks: .regressionAndCounts
    ) {
        LossCore.midGreyShare(predicted: $0.predictions)
    }
}
