/// One row of a study's `claims.csv`, as the report reads it back (see ``ClaimVerdict`` for how it
/// was decided and ``ClaimVerdict/csvHeader`` for the columns).
public struct ClaimRecord: Sendable, Equatable {
    public var statement: String
    public var metric: String
    /// Whether higher values of the metric are better (the `direction` column).
    public var higherIsBetter = false
    public var better: String
    public var than: String
    public var conditions: String = ""
    public var settings = 1
    public var pairs: Int
    public var units: Int
    public var meanBetter: Double?
    public var meanThan: Double?
    /// Mean of `better - than` over the pairs, in the metric's units.
    public var difference: Double?
    /// `difference / |mean of than|`.
    public var relativeDifference: Double?
    public var test = "paired t-test"
    public var testReason = ""
    /// `difference` or `log_ratio`.
    public var scale = "difference"
    public var effect: Double?
    public var effectLow: Double?
    public var effectHigh: Double?
    /// mean / sd of the units.
    public var effectSize: Double?
    /// n₂ / n₁ for resampled splits (the corrected test), else `nil`.
    public var testToTrainRatio: Double?
    public var pValue: Double?
    public var studyFamilySize = 1
    public var studyHolm: Double?
    public var studyBenjaminiHochberg: Double?
    /// The 0-based index of the claim of the same study with identical trials.
    public var duplicateOf: Int?
    public var verdict: ClaimVerdict.Verdict

    public init(statement: String, metric: String, better: String, than: String, pairs: Int, units: Int? = nil,
                difference: Double?, effect: Double? = nil, pValue: Double?, verdict: ClaimVerdict.Verdict) {
        self.statement = statement
        self.metric = metric
        self.better = better
        self.than = than
        self.pairs = pairs
        self.units = units ?? pairs
        self.difference = difference
        self.effect = effect ?? difference
        self.pValue = pValue
        self.verdict = verdict
    }

    /// The rows of a `claims.csv`, read strictly: every column of ``ClaimVerdict/csvHeader``
    /// present, numbers that parse, known verdicts and corrections, claims numbered 1, 2, ... .
    public static func records(_ table: StrictCSVTable) throws(ResultsFileError) -> [ClaimRecord] {
        for name in ClaimVerdict.csvHeader { _ = try table.column(name) }
        var records: [ClaimRecord] = []
        for (index, row) in table.rows.enumerated() {
            let numberCell = row[try table.column("claim")]
            guard Int(numberCell.text) == index + 1 else {
                throw table.error(numberCell, "claim = \(numberCell.text): expected \(index + 1) (claims are numbered from 1 in order)")
            }
            let verdictCell = row[try table.column("verdict")]
            guard let verdict = ClaimVerdict.Verdict(rawValue: verdictCell.text) else {
                throw table.error(verdictCell, "verdict = \(verdictCell.text.isEmpty ? "(empty)" : verdictCell.text): expected one of "
                                  + ClaimVerdict.Verdict.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let uncorrected = row[try table.column("verdict_uncorrected")]
            guard ClaimVerdict.Verdict(rawValue: uncorrected.text) != nil else {
                throw table.error(uncorrected, "verdict_uncorrected = \(uncorrected.text): expected one of "
                                  + ClaimVerdict.Verdict.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let correction = row[try table.column("correction")]
            guard MultiplicityCorrection(rawValue: correction.text) != nil else {
                throw table.error(correction, "correction = \(correction.text): expected holm or bh")
            }
            var record = ClaimRecord(statement: try table.text(row, "statement"), metric: try table.text(row, "metric"),
                                     better: try table.text(row, "better"), than: try table.text(row, "than"),
                                     pairs: try table.integer(row, "pairs")!, units: try table.integer(row, "units")!,
                                     difference: try table.number(row, "difference"), effect: nil,
                                     pValue: try table.number(row, "p_value"), verdict: verdict)
            record.effect = try table.number(row, "effect")
            let direction = row[try table.column("direction")]
            guard direction.text == "lower" || direction.text == "higher" else {
                throw table.error(direction, "direction = \(direction.text): expected lower or higher")
            }
            record.higherIsBetter = direction.text == "higher"
            record.conditions = try table.text(row, "conditions")
            record.settings = try table.integer(row, "settings")!
            record.meanBetter = try table.number(row, "mean_better")
            record.meanThan = try table.number(row, "mean_than")
            record.relativeDifference = try table.number(row, "relative_difference")
            record.test = try table.text(row, "test")
            record.testReason = try table.text(row, "test_reason")
            record.scale = try table.text(row, "scale")
            record.effectLow = try table.number(row, "effect_ci95_low")
            record.effectHigh = try table.number(row, "effect_ci95_high")
            record.effectSize = try table.number(row, "effect_size")
            _ = try table.number(row, "t_statistic")
            _ = try table.integer(row, "df", optional: true)
            if let train = try table.number(row, "train_fraction"), let test = try table.number(row, "test_fraction"), train > 0 {
                record.testToTrainRatio = test / train
            }
            record.studyFamilySize = try table.integer(row, "family_size")!
            record.studyHolm = try table.number(row, "p_holm")
            record.studyBenjaminiHochberg = try table.number(row, "p_bh")
            _ = try table.integer(row, "seeds_for_80_power", optional: true)
            if let duplicate = try table.integer(row, "duplicate_of", optional: true) {
                let cell = row[try table.column("duplicate_of")]
                guard duplicate >= 1 && duplicate <= index else {
                    throw table.error(cell, "duplicate_of = \(duplicate): expected the number of an earlier claim (1 to \(index))")
                }
                record.duplicateOf = duplicate - 1
            }
            if let p = record.pValue, !(p >= 0 && p <= 1) {
                throw table.error(row[try table.column("p_value")], "p_value = \(p): expected a probability in [0, 1]")
            }
            records.append(record)
        }
        return records
    }

    /// Whether the claim's effect favours `better`; `nil` for no effect.
    public var favoursBetter: Bool? {
        guard let effect, effect != 0, !effect.isNaN else { return nil }
        return higherIsBetter ? effect > 0 : effect < 0
    }

    /// The power design of the claim's test.
    public var powerDesign: TTestPower.Design {
        testToTrainRatio.map { .correctedResampled(testToTrainRatio: $0) } ?? .oneSample
    }
}
