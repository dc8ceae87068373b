/// The paired values a claim is judged on: for every setting (context: the swept values of the
/// non-loss fields) that matches the claim's conditions and every repetition where both losses have
/// a finite value, one ``Pair``.
public struct ClaimObservations: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        /// The setting, as the values of the swept non-loss fields.
        public var setting: [String]
        public var repetition: Int
        public var better: Double
        public var than: Double
        /// The bit patterns of every metric of the two trials, to recognise claims whose trials are
        /// identical (``ClaimFamily``).
        var betterTrial: [UInt64]
        var thanTrial: [UInt64]
    }

    /// In setting order (the grid's), then by repetition.
    public var pairs: [Pair]

    public init(pairs: [Pair]) {
        self.pairs = pairs
    }

    /// The settings, in order of appearance.
    public var settings: [[String]] {
        var seen: Set<[String]> = [], result: [[String]] = []
        for pair in pairs where seen.insert(pair.setting).inserted { result.append(pair.setting) }
        return result
    }

    /// The trials of the pairs, keyed by setting and repetition, as (better, than) bit patterns.
    var trialKey: [PairKey: [[UInt64]]] {
        Dictionary(pairs.map { (PairKey(setting: $0.setting, repetition: $0.repetition), [$0.betterTrial, $0.thanTrial]) },
                   uniquingKeysWith: { first, _ in first })
    }

    struct PairKey: Hashable {
        var setting: [String]
        var repetition: Int
    }
}

extension ClaimObservations {
    /// The pairs of `claim` in an experiment's summary: trials of `better` and of `than` whose swept
    /// values match the conditions, paired by setting and repetition.
    init(claim: Claim, summary: SummaryTable) {
        let conditionIndices: [(index: Int, value: String, isLossParameter: Bool)] = claim.conditions.compactMap { path, value in
            summary.sweptPaths.firstIndex(of: path).map { ($0, value, path.hasPrefix("loss.")) }
        }
        func matches(_ key: GroupKey) -> Bool {
            conditionIndices.allSatisfy { condition in
                let written = key.values[condition.index]
                return written == condition.value || (condition.isLossParameter && written.isEmpty)
            }
        }
        var pairs: [Pair] = []
        for candidate in summary.order where candidate.label == claim.better && matches(candidate) {
            let setting = candidate.context(sweptPaths: summary.sweptPaths)
            guard let opponent = summary.order.first(where: {
                $0.label == claim.than && matches($0) && $0.context(sweptPaths: summary.sweptPaths) == setting
            }) else { continue }
            let a = summary.groups[candidate]!, b = summary.groups[opponent]!
            let betterValues = a.byRepetition(claim.metric), thanValues = b.byRepetition(claim.metric)
            for repetition in betterValues.keys.sorted() {
                guard let x = betterValues[repetition], let y = thanValues[repetition], x.isFinite, y.isFinite else { continue }
                pairs.append(Pair(setting: setting, repetition: repetition, better: x, than: y,
                                  betterTrial: a.fingerprint(repetition: repetition, metrics: summary.metrics),
                                  thanTrial: b.fingerprint(repetition: repetition, metrics: summary.metrics)))
            }
        }
        self.init(pairs: pairs)
    }
}

extension GroupValues {
    /// Every metric of one repetition's trial, as bit patterns (NaN for an absent value).
    func fingerprint(repetition: Int, metrics: [String]) -> [UInt64] {
        metrics.map { metric in (values[metric]?.first { $0.repetition == repetition }?.value ?? .nan).bitPattern }
    }
}
