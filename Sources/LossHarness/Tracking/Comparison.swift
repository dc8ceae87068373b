/// The settings of a comparison.
public struct ComparisonOptions: Sendable, Equatable {
    /// The significance level: a change is significant when its test's p < alpha.
    public var alpha: Double
    public var tolerances: Tolerances
    /// Whether likely regressions and improvements of quality metrics (beyond tolerance, not
    /// significant) count for the outcome as regressions and improvements do (the default), or are
    /// only listed. Likely changes of timings and throughputs are always only listed: a machine's
    /// noise moves them beyond tolerance all the time, and with 2 repetitions a side no timing test
    /// can be significant, so a timing fails only on a significant test.
    public var countsLikelyChanges: Bool

    public static let standardAlpha = 0.05

    public init(alpha: Double = standardAlpha, tolerances: Tolerances = Tolerances(), countsLikelyChanges: Bool = true) {
        precondition(alpha > 0 && alpha <= 1, "alpha lies in (0, 1]")
        self.alpha = alpha
        self.tolerances = tolerances
        self.countsLikelyChanges = countsLikelyChanges
    }
}

/// Two result sets compared group by group and measure by measure (`losslab compare`).
///
/// Groups are matched by ``GroupIdentity`` (experiment name and group column values); every
/// measure present in both is judged by a ``ComparisonRow``: mean over seeds on each side, the
/// change, its test (``ChangeEvidence``) and a ``Verdict``. A group or measure on one side only is
/// `missing` (baseline only) or `new` (current only).
///
/// ``rows`` are in listing order: regressions, improvements, missing and new, unchanged; within
/// each verdict, the baseline's order (experiment, then group, then column), with what is only in
/// the current results after.
public struct Comparison: Sendable {
    public var baselinePath: String
    public var currentPath: String
    public var options: ComparisonOptions
    public var rows: [ComparisonRow]
    /// Whether groups carry experiment names (results roots were compared).
    public var comparesExperiments: Bool
    /// The group columns of either side, in order of appearance (the columns of the CSV format).
    public var groupColumns: [String]
    /// What was read but not compared.
    public var notes: [String]

    /// What the comparison found, as an exit code will tell it.
    public enum Outcome: Sendable, Hashable {
        /// No regression and no improvement (missing and new groups do not count).
        case unchanged
        /// At least one regression (or likely regression, when they count).
        case regression
        /// Improvements and no regression (likely ones too, when they count).
        case improvementsOnly
    }

    /// Compares `current` against `baseline`; both must be of the same shape (two roots, two
    /// experiments or two bench files).
    public init(baseline: ResultSet, current: ResultSet, options: ComparisonOptions = ComparisonOptions()) throws(TrackingError) {
        guard baseline.shape == current.shape else {
            throw .incomparable(baseline: "\(baseline.path) (\(Self.describe(baseline.shape)))",
                                current: "\(current.path) (\(Self.describe(current.shape)))",
                                reason: "give two results roots, two experiments (folders or trials.csv files) or two bench CSV files")
        }
        baselinePath = baseline.path
        currentPath = current.path
        self.options = options
        comparesExperiments = baseline.shape == .root
        notes = Self.unique(baseline.notes + current.notes)
        var columns: [String] = []
        for group in baseline.groups + current.groups {
            for column in group.identity.columns where !columns.contains(column) { columns.append(column) }
        }
        groupColumns = columns

        var currentByIdentity: [GroupIdentity: ResultGroup] = [:]
        for group in current.groups where currentByIdentity[group.identity] == nil { currentByIdentity[group.identity] = group }
        var matched: Set<GroupIdentity> = []
        var rows: [ComparisonRow] = []
        // Result sets hold known measures only (their readers report the other columns).
        func measure(_ name: String) -> Measure? { Measure.named(name) }
        for group in baseline.groups where !matched.contains(group.identity) {
            matched.insert(group.identity)
            guard let other = currentByIdentity[group.identity] else {
                for name in group.measureNames {
                    guard let measure = measure(name) else { continue }
                    rows.append(ComparisonRow(group: group.identity, measure: measure, onlyBaseline: group.samples[name], onlyCurrent: nil,
                                              tolerance: options.tolerances.tolerance(for: measure)))
                }
                continue
            }
            let seconds = Measure.repetitionSeconds
            let repetitionSeconds = group.samples[seconds].flatMap { b in other.samples[seconds].map { (b, $0) } }
            let names = group.measureNames + other.measureNames.filter { !group.measureNames.contains($0) }
            for name in names {
                guard let measure = measure(name) else { continue }
                let tolerance = options.tolerances.tolerance(for: measure)
                // The current side's identity shows the newer columns (a swept path added since).
                let identity = other.identity
                switch (group.samples[name], other.samples[name]) {
                case (let b?, let c?):
                    rows.append(ComparisonRow(group: identity, measure: measure, baseline: b, current: c, tolerance: tolerance,
                                              alpha: options.alpha, repetitionSeconds: repetitionSeconds))
                case (let b, let c):
                    rows.append(ComparisonRow(group: identity, measure: measure, onlyBaseline: b, onlyCurrent: c, tolerance: tolerance))
                }
            }
        }
        var added: Set<GroupIdentity> = []
        for group in current.groups where !matched.contains(group.identity) && !added.contains(group.identity) {
            added.insert(group.identity)
            for name in group.measureNames {
                guard let measure = measure(name) else { continue }
                rows.append(ComparisonRow(group: group.identity, measure: measure, onlyBaseline: nil, onlyCurrent: group.samples[name],
                                          tolerance: options.tolerances.tolerance(for: measure)))
            }
        }
        // A stable sort by verdict keeps the reading order within each verdict.
        self.rows = rows.enumerated().sorted { ($0.element.verdict.rank, $0.offset) < ($1.element.verdict.rank, $1.offset) }.map(\.element)
    }

    /// Rows with this verdict.
    public func count(_ verdict: Verdict) -> Int {
        rows.reduce(0) { $0 + ($1.verdict == verdict ? 1 : 0) }
    }

    public var outcome: Outcome {
        if count(.regressed) > 0 || countedLikely(.likelyRegressed) > 0 { return .regression }
        if count(.improved) > 0 || countedLikely(.likelyImproved) > 0 { return .improvementsOnly }
        return .unchanged
    }

    /// Likely changes that decide the outcome: those of quality metrics, unless they are ignored.
    func countedLikely(_ verdict: Verdict) -> Int {
        guard options.countsLikelyChanges else { return 0 }
        return rows.reduce(0) { $0 + ($1.verdict == verdict && $1.measure.kind == .quality ? 1 : 0) }
    }

    /// `2 regressed, 1 improved, 0 missing, 3 new, 120 unchanged`.
    public var tally: String {
        Verdict.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    static func describe(_ shape: ResultSet.Shape) -> String {
        switch shape {
        case .root: "a results root"
        case .experiment: "one experiment"
        case .bench: "a bench CSV"
        }
    }

    static func unique(_ lines: [String]) -> [String] {
        var seen: Set<String> = []
        return lines.filter { seen.insert($0).inserted }
    }
}
