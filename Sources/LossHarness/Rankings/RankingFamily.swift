/// A family of metrics on which losses are ranked across settings and studies: each study
/// contributes the first metric of the list that it measured, so that regression studies with and
/// without fitted coefficients, or balanced and imbalanced classification studies, rank on the
/// metric that fits them best. Ranks are scale-free, so blocks measured on different metrics of a
/// family can be ranked together.
///
/// The families are listed once, here (``all``); adding one is one entry.
public struct RankingFamily: Sendable, Hashable {
    /// The id in file names and CSV files.
    public var id: String
    public var title: String
    /// In order of preference.
    public var metrics: [String]
    public var higherIsBetter: Bool

    public init(id: String, title: String, metrics: [String], higherIsBetter: Bool) {
        self.id = id
        self.title = title
        self.metrics = metrics
        self.higherIsBetter = higherIsBetter
    }

    public static let all = [
        RankingFamily(id: "regression-error", title: "Regression losses on the error of the fit (coefficient error, else error against the truth, else RMSE)",
                      metrics: ["coefficient_error", "truth_rmse", "rmse"], higherIsBetter: false),
        RankingFamily(id: "classification", title: "Classification losses on balanced accuracy (accuracy for balanced classes)",
                      metrics: ["balanced_accuracy", "accuracy"], higherIsBetter: true),
    ]
}

/// One study's values on a family's metric, per setting and loss (series), from its `summary.csv`.
public struct RankingStudy: Sendable, Hashable {
    public var name: String
    /// The metric of the family that the study measured.
    public var metric: String
    /// Settings (the swept non-loss values, written `path=value;...`, or `(single setting)`), in
    /// order of appearance.
    public var settings: [String]
    /// Loss series with a value in every setting, in order of appearance.
    public var losses: [String]
    /// `values[setting][loss]`: the mean over seeds; ±∞ (the worst) when a seed did not give a
    /// finite value.
    public var values: [[Double]]
    /// Seeds behind each value.
    public var seeds: [[Int]]

    public init(name: String, metric: String, settings: [String], losses: [String], values: [[Double]], seeds: [[Int]]) {
        self.name = name
        self.metric = metric
        self.settings = settings
        self.losses = losses
        self.values = values
        self.seeds = seeds
    }

    /// Reads a study's `summary.csv` for `family`; `nil` when it measured none of its metrics.
    public static func read(_ table: StrictCSVTable, study: String, family: RankingFamily) throws(ResultsFileError) -> RankingStudy? {
        let metricColumn = try table.column("metric")
        let seriesColumn = try table.column("series")
        let sweptColumns = Array((seriesColumn + 1)..<metricColumn).filter { !table.header[$0].hasPrefix("loss.") }
        let present = Set(table.rows.map { $0[metricColumn].text })
        guard let metric = family.metrics.first(where: present.contains) else { return nil }
        var settings: [String] = [], losses: [String] = []
        var cells: [String: [String: (Double, Int)]] = [:]
        for row in table.rows where row[metricColumn].text == metric {
            let setting = sweptColumns.isEmpty ? "(single setting)"
                : sweptColumns.map { "\(table.header[$0])=\(row[$0].text)" }.joined(separator: ";")
            let loss = row[seriesColumn].text
            let trials = try table.integer(row, "trials")!, finite = try table.integer(row, "n")!
            let mean = try table.number(row, "mean")
            let worst = family.higherIsBetter ? -Double.infinity : Double.infinity
            let value = finite == trials && finite > 0 ? (mean ?? worst) : worst
            if !settings.contains(setting) { settings.append(setting) }
            if !losses.contains(loss) { losses.append(loss) }
            cells[setting, default: [:]][loss] = (value.isNaN ? worst : value, finite)
        }
        let complete = losses.filter { loss in settings.allSatisfy { cells[$0]?[loss] != nil } }
        guard !settings.isEmpty else { return nil }
        return RankingStudy(name: study, metric: metric, settings: settings, losses: complete,
                            values: settings.map { setting in complete.map { cells[setting]![$0]!.0 } },
                            seeds: settings.map { setting in complete.map { cells[setting]![$0]!.1 } })
    }
}
