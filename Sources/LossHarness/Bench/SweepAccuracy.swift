/// W5's check that the same work was done: the mean test accuracy of the sweep's classification
/// trials, read from the `trials.csv` that `losslab run` wrote (the peers' `mean_acc_cls`, about
/// 0.78, over bce, cce, sqhinge and focal).
///
/// A trial's accuracy is its `accuracy` column, or `subset_accuracy` for a one-label multilabel
/// dataset (the same number); trials with neither (the regression losses) are left out.
public enum SweepAccuracy {
    /// The mean, or `nil` when no trial has an accuracy (or the header lacks both columns).
    public static func mean(trialsCSV text: String) -> Double? {
        let rows = CSV.parse(text)
        guard let header = rows.first else { return nil }
        let columns = ["accuracy", "subset_accuracy"].compactMap { header.firstIndex(of: $0) }
        var sum = 0.0
        var count = 0
        for row in rows.dropFirst() {
            for column in columns where column < row.count {
                if let value = Double(row[column]), value.isFinite {
                    sum += value
                    count += 1
                    break
                }
            }
        }
        return count == 0 ? nil : sum / Double(count)
    }
}
