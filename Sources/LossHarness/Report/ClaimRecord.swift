/// One row of `claims.csv`, as the report reads it back (see ``ClaimVerdict`` for how it was
/// decided).
public struct ClaimRecord: Sendable, Equatable {
    public var statement: String
    public var metric: String
    public var better: String
    public var than: String
    public var conditions: String
    public var pairs: Int
    public var meanBetter: Double?
    public var meanThan: Double?
    /// Mean of `better - than` over the pairs, in the metric's units.
    public var difference: Double?
    /// `difference / |mean of than|`.
    public var relativeDifference: Double?
    public var pValue: Double?
    /// `supported`, `contradicted` or `inconclusive`.
    public var verdict: String

    public init(statement: String, metric: String, better: String, than: String, conditions: String = "", pairs: Int,
                meanBetter: Double? = nil, meanThan: Double? = nil, difference: Double?, relativeDifference: Double?,
                pValue: Double?, verdict: String) {
        self.statement = statement
        self.metric = metric
        self.better = better
        self.than = than
        self.conditions = conditions
        self.pairs = pairs
        self.meanBetter = meanBetter
        self.meanThan = meanThan
        self.difference = difference
        self.relativeDifference = relativeDifference
        self.pValue = pValue
        self.verdict = verdict
    }

    /// The rows of a `claims.csv` table (unknown or empty numbers read as `nil`).
    public static func records(_ table: CSVTable) -> [ClaimRecord] {
        table.rows.map { row in
            func text(_ name: String) -> String { table.value(row, name) ?? "" }
            func number(_ name: String) -> Double? { Double(text(name)) }
            return ClaimRecord(statement: text("statement"), metric: text("metric"), better: text("better"), than: text("than"),
                               conditions: text("conditions"), pairs: Int(text("pairs")) ?? 0, meanBetter: number("mean_better"),
                               meanThan: number("mean_than"), difference: number("difference"),
                               relativeDifference: number("relative_difference"), pValue: number("p_value"), verdict: text("verdict"))
        }
    }

    /// The loss that won the claim, `nil` when it is inconclusive.
    public var winner: String? {
        switch verdict {
        case ClaimVerdict.Verdict.supported.rawValue: better
        case ClaimVerdict.Verdict.contradicted.rawValue: than
        default: nil
        }
    }

    /// The loss that lost the claim, `nil` when it is inconclusive.
    public var loser: String? {
        switch verdict {
        case ClaimVerdict.Verdict.supported.rawValue: than
        case ClaimVerdict.Verdict.contradicted.rawValue: better
        default: nil
        }
    }
}
