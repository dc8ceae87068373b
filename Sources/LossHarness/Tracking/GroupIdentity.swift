/// What identifies a group of rows on both sides of a comparison: the experiment (when results
/// roots are compared) and the values of the group columns (`loss`, `series` and the swept paths of
/// a trials.csv; `workload` and `threads` of a bench CSV).
///
/// Two identities are equal when their experiments are equal and they have the same non-empty
/// column values: an empty cell means "does not apply", so a swept column that a newer run added
/// (empty for the groups it does not concern) does not split the groups that both runs share.
public struct GroupIdentity: Sendable, Hashable {
    public var experiment: String?
    /// Group column names, in file order.
    public var columns: [String]
    /// The value of each column ("" where it does not apply).
    public var values: [String]

    public init(experiment: String?, columns: [String], values: [String]) {
        precondition(columns.count == values.count, "one value per group column")
        self.experiment = experiment
        self.columns = columns
        self.values = values
    }

    /// The non-empty (column, value) pairs, sorted by column.
    var matchingPairs: [String] {
        zip(columns, values).filter { !$0.1.isEmpty }.map { $0.0 + "\u{1F}" + $0.1 }.sorted()
    }

    public static func == (left: GroupIdentity, right: GroupIdentity) -> Bool {
        left.experiment == right.experiment && left.matchingPairs == right.matchingPairs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(experiment)
        hasher.combine(matchingPairs)
    }

    /// The value of a column, `""` when the group has no such column.
    public func value(_ column: String) -> String {
        columns.firstIndex(of: column).map { values[$0] } ?? ""
    }

    /// A short label for tables: the series (which already names the loss and its swept
    /// parameters) or the workload bare, then every other non-empty `column=value`.
    ///
    /// `huber(delta=1), dataset.outlier_fraction=0.2`; `W1, threads=4`.
    public var label: String {
        let hasSeries = columns.contains("series")
        var parts: [String] = []
        for (column, value) in zip(columns, values) where !value.isEmpty {
            if hasSeries && (column == "loss" || column.hasPrefix("loss.")) { continue }
            parts.append(column == "series" || column == "workload" || column == "loss" ? value : "\(column)=\(value)")
        }
        return parts.joined(separator: ", ")
    }
}
