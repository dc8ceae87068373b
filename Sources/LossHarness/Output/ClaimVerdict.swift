import LossCore

/// The verdict on one expectation of an experiment file.
///
/// The trials of `better` and `than` whose swept values match the expectation's conditions are
/// paired by context (the other swept values) and repetition. A condition on a loss parameter
/// (`loss.gamma`) applies to the side whose loss has that parameter; validation makes sure each
/// side is then a single series in each context. On the paired differences
/// `d = better - than` (sign flipped for metrics where higher is better, so that `d < 0` always
/// favours `better`), a two-sided paired t-test gives the p-value. The claim is **supported** when
/// the mean difference favours `better` with p < 0.05, **contradicted** when it favours `than` with
/// p < 0.05, and **inconclusive** otherwise (including when fewer than two pairs exist).
public struct ClaimVerdict: Sendable {
    public enum Verdict: String, Sendable {
        case supported
        case contradicted
        case inconclusive
    }

    public var expectation: Expectation
    public var pairs: Int
    public var meanBetter: Double?
    public var meanThan: Double?
    /// Mean of `better - than`, in the metric's own direction.
    public var meanDifference: Double?
    /// `meanDifference / |meanThan|`.
    public var relativeDifference: Double?
    public var pValue: Double?
    public var verdict: Verdict

    public static let significanceLevel = 0.05

    init(expectation: Expectation, summary: SummaryTable) {
        self.expectation = expectation
        let metric = expectation.metric.rawValue
        let conditionIndices: [(index: Int, value: String, isLossParameter: Bool)] = expectation.conditions.compactMap { path, value in
            summary.sweptPaths.firstIndex(of: path).map { ($0, value.text, path.hasPrefix("loss.")) }
        }
        func matches(_ key: GroupKey) -> Bool {
            conditionIndices.allSatisfy { condition in
                let written = key.values[condition.index]
                return written == condition.value || (condition.isLossParameter && written.isEmpty)
            }
        }
        var betterValues: [Double] = [], thanValues: [Double] = []
        let candidates = summary.order.filter { $0.label == expectation.better && matches($0) }
        for candidate in candidates {
            let context = candidate.context(sweptPaths: summary.sweptPaths)
            guard let opponent = summary.order.first(where: {
                $0.label == expectation.than && matches($0) && $0.context(sweptPaths: summary.sweptPaths) == context
            }) else { continue }
            let a = summary.groups[candidate]!.byRepetition(metric)
            let b = summary.groups[opponent]!.byRepetition(metric)
            for repetition in a.keys.sorted() {
                if let x = a[repetition], let y = b[repetition], x.isFinite, y.isFinite {
                    betterValues.append(x)
                    thanValues.append(y)
                }
            }
        }
        pairs = betterValues.count
        verdict = .inconclusive
        guard pairs > 0 else { return }
        let mean = { (xs: [Double]) in xs.reduce(0, +) / Double(xs.count) }
        meanBetter = mean(betterValues)
        meanThan = mean(thanValues)
        meanDifference = meanBetter! - meanThan!
        if let meanThan, meanThan != 0 { relativeDifference = meanDifference! / abs(meanThan) }
        guard let comparison = PairedComparison(baseline: thanValues, candidate: betterValues) else { return }
        pValue = comparison.pValue
        let favoursBetter = expectation.metric.higherIsBetter ? comparison.meanDifference > 0 : comparison.meanDifference < 0
        let favoursThan = expectation.metric.higherIsBetter ? comparison.meanDifference < 0 : comparison.meanDifference > 0
        if comparison.pValue < Self.significanceLevel {
            verdict = favoursBetter ? .supported : (favoursThan ? .contradicted : .inconclusive)
        }
    }

    /// `claims.csv`.
    static func csv(_ claims: [ClaimVerdict]) -> String {
        var text = CSV.row(["statement", "metric", "better", "than", "conditions", "pairs", "mean_better", "mean_than",
                            "difference", "relative_difference", "p_value", "test", "verdict"])
        for claim in claims {
            let conditions = claim.expectation.conditions.keys.sorted().map { "\($0)=\(claim.expectation.conditions[$0]!)" }
                .joined(separator: ";")
            text += CSV.row([claim.expectation.statement, claim.expectation.metric.rawValue, claim.expectation.better,
                             claim.expectation.than, conditions, String(claim.pairs), CSV.number(claim.meanBetter),
                             CSV.number(claim.meanThan), CSV.number(claim.meanDifference), CSV.number(claim.relativeDifference),
                             CSV.number(claim.pValue), "paired t-test", claim.verdict.rawValue])
        }
        return text
    }
}
