/// The claims of every study of the report adjusted together for multiplicity (the **report
/// family**; ``ClaimFamily`` describes the study family of each `claims.csv`): every claim with a
/// p-value that is not a duplicate within its study counts once in m. Verdicts use the adjusted
/// p-value of `correction` (Holm by default) at 0.05; the seeds for 80% power are recomputed at
/// 0.05 / m from each claim's standardized effect.
///
/// `results/claims.csv` (``csv``) holds every claim with the inputs and outputs of this step.
public struct ReportFamily: Sendable {
    public struct Entry: Sendable {
        public var study: String
        /// 0-based within the study.
        public var index: Int
        public var record: ClaimRecord
        public var holm: Double?
        public var benjaminiHochberg: Double?
        public var seedsFor80Power: Int?
        public var uncorrectedVerdict: ClaimVerdict.Verdict
        public var verdict: ClaimVerdict.Verdict
    }

    public var correction: MultiplicityCorrection
    public var entries: [Entry]
    /// m.
    public var familySize: Int

    public init(studies: [(name: String, claims: [ClaimRecord])], correction: MultiplicityCorrection = .holm) {
        self.correction = correction
        var entries: [Entry] = []
        for (name, claims) in studies {
            for (index, record) in claims.enumerated() {
                entries.append(Entry(study: name, index: index, record: record, uncorrectedVerdict: .inconclusive, verdict: .inconclusive))
            }
        }
        let members = entries.indices.filter { entries[$0].record.pValue != nil && entries[$0].record.duplicateOf == nil }
        let raw = members.map { entries[$0].record.pValue! }
        let holm = MultiplicityCorrection.holm.adjusted(raw), bh = MultiplicityCorrection.benjaminiHochberg.adjusted(raw)
        var adjusted: [String: (Double, Double)] = [:]
        for (position, index) in members.enumerated() {
            adjusted["\(entries[index].study)#\(entries[index].index)"] = (holm[position], bh[position])
        }
        familySize = members.count
        for position in entries.indices {
            let entry = entries[position]
            let source = "\(entry.study)#\(entry.record.duplicateOf ?? entry.index)"
            entries[position].holm = adjusted[source]?.0
            entries[position].benjaminiHochberg = adjusted[source]?.1
            entries[position].uncorrectedVerdict = Self.decide(entry.record, p: entry.record.pValue)
            entries[position].verdict = Self.decide(entry.record, p: correction == .holm ? adjusted[source]?.0 : adjusted[source]?.1)
            entries[position].seedsFor80Power = ClaimFamily.seeds(effect: entry.record.effectSize, design: entry.record.powerDesign,
                                                                  familySize: members.count)
        }
        self.entries = entries
    }

    static func decide(_ record: ClaimRecord, p: Double?) -> ClaimVerdict.Verdict {
        guard let p, p < ClaimVerdict.significanceLevel, let favours = record.favoursBetter else { return .inconclusive }
        return favours ? .supported : .contradicted
    }

    /// The entries of one study, in its order.
    public func entries(of study: String) -> [Entry] {
        entries.filter { $0.study == study }
    }

    public func count(_ verdict: ClaimVerdict.Verdict, uncorrected: Bool = false) -> Int {
        entries.filter { (uncorrected ? $0.uncorrectedVerdict : $0.verdict) == verdict }.count
    }

    public static let csvHeader = ["study", "claim", "statement", "metric", "direction", "better", "than", "conditions", "units", "test",
                                   "scale", "effect", "effect_ci95_low", "effect_ci95_high", "effect_size", "p_value",
                                   "study_family_size", "study_p_holm", "study_p_bh", "duplicate_of", "report_family_size",
                                   "report_p_holm", "report_p_bh", "correction", "seeds_for_80_power", "verdict_uncorrected",
                                   "verdict"]

    /// `results/claims.csv`: one row per claim of the report (`claim` numbers within the study;
    /// `duplicate_of` names a claim of the same study).
    public var csv: String {
        var text = CSV.row(Self.csvHeader)
        for entry in entries {
            let r = entry.record
            text += CSV.row([entry.study, String(entry.index + 1), r.statement, r.metric, r.higherIsBetter ? "higher" : "lower",
                             r.better, r.than, r.conditions, String(r.units), r.test, r.scale, CSV.number(r.effect),
                             CSV.number(r.effectLow), CSV.number(r.effectHigh), CSV.number(r.effectSize), CSV.number(r.pValue),
                             String(r.studyFamilySize), CSV.number(r.studyHolm), CSV.number(r.studyBenjaminiHochberg),
                             r.duplicateOf.map { String($0 + 1) } ?? "", String(familySize), CSV.number(entry.holm),
                             CSV.number(entry.benjaminiHochberg), correction.rawValue,
                             entry.seedsFor80Power.map(String.init) ?? "", entry.uncorrectedVerdict.rawValue, entry.verdict.rawValue])
        }
        return text
    }
}
