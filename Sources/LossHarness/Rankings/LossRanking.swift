import Foundation
import LossCore

/// Losses ranked over blocks (settings of one study, or the settings of several studies), with the
/// tests Demšar (JMLR 2006) recommends: mean ranks, the Friedman and Iman-Davenport tests, Nemenyi's
/// critical difference and Holm's pairwise tests (``FriedmanTest``, ``FriedmanPostHoc``), and for
/// each pair the Bayesian signed-rank test of Benavoli et al. (JMLR 2017) on the log-ratios of the
/// two losses' values with a ROPE of ±1% (``BayesianSignedRankTest``; only when every value is
/// positive and finite).
///
/// Losses whose values are bit-identical in every block (two labels for one training, such as
/// `focal_g2` and `focal_g2_a0.25` in `imbalanced`) are ranked once, named `a = b`.
///
/// The blocks are not independent data sets: settings of one generator share its seeds and its
/// structure, so a ranking over them describes these studies, not losses in general; only rankings
/// over real data sets would carry that weight.
public struct LossRanking: Sendable {
    public struct Block: Sendable, Hashable {
        public var study: String
        public var setting: String
        public var metric: String
        public var seeds: [Int]
    }

    public struct BayesianPair: Sendable, Hashable {
        public var first: Int
        public var second: Int
        public var test: BayesianSignedRankTest
    }

    public var id: String
    public var family: RankingFamily
    /// The study, or `across studies`.
    public var scope: String
    public var losses: [String]
    public var blocks: [Block]
    /// `values[block][loss]`.
    public var values: [[Double]]
    public var friedman: FriedmanTest
    public var posthoc: FriedmanPostHoc
    public var bayesian: [BayesianPair]

    public static let alpha = 0.05
    public static let rope = 0.01

    /// Ranks `losses` of the studies' blocks; `nil` with fewer than 2 losses or 2 blocks.
    init?(id: String, family: RankingFamily, scope: String, losses wanted: [String], studies: [RankingStudy]) {
        var blocks: [Block] = [], columns: [[Double]] = []
        for study in studies {
            let indices = wanted.map { study.losses.firstIndex(of: $0)! }
            for (row, setting) in study.settings.enumerated() {
                blocks.append(Block(study: study.name, setting: setting, metric: study.metric, seeds: indices.map { study.seeds[row][$0] }))
                columns.append(indices.map { study.values[row][$0] })
            }
        }
        // Merge losses identical in every block.
        var kept: [Int] = [], names: [String] = []
        for (index, loss) in wanted.enumerated() {
            if let twin = kept.firstIndex(where: { k in columns.allSatisfy { $0[k].bitPattern == $0[index].bitPattern } }) {
                names[twin] += " = " + loss
            } else {
                kept.append(index)
                names.append(loss)
            }
        }
        guard kept.count >= 2, blocks.count >= 2 else { return nil }
        self.id = id
        self.family = family
        self.scope = scope
        losses = names
        self.blocks = blocks.map { block in var b = block; b.seeds = kept.map { block.seeds[$0] }; return b }
        values = columns.map { row in kept.map { row[$0] } }
        let finite = values.map { row in row.map { $0.isFinite ? $0 : ($0 > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude) } }
        friedman = FriedmanTest(values: finite, lowerIsBetter: !family.higherIsBetter)
        posthoc = FriedmanPostHoc(meanRanks: friedman.meanRanks, blocks: blocks.count, alpha: Self.alpha)
        var bayesian: [BayesianPair] = []
        let positive = values.allSatisfy { $0.allSatisfy { $0.isFinite && $0 > 0 } }
        if positive {
            for pair in posthoc.pairs {
                let differences = values.map { row in
                    family.higherIsBetter ? log(row[pair.first] / row[pair.second]) : log(row[pair.second] / row[pair.first])
                }
                let seed = SplitMix64.derive(seed: 15, UInt64(pair.first), UInt64(pair.second), UInt64(blocks.count))
                bayesian.append(BayesianPair(first: pair.first, second: pair.second,
                                             test: BayesianSignedRankTest(differences: differences, rope: Self.rope, seed: seed)))
            }
        }
        self.bayesian = bayesian
    }

    /// Every ranking of the studies: for each family, one per study with at least 2 settings, and
    /// one across studies on the largest set of losses that at least two studies share (ties: more
    /// studies, then more blocks, then the names), over every setting of the studies that have them.
    public static func all(studies summaries: [String: StrictCSVTable], order: [String]) throws(ResultsFileError) -> [LossRanking] {
        var rankings: [LossRanking] = []
        for family in RankingFamily.all {
            var studies: [RankingStudy] = []
            for name in order {
                guard let table = summaries[name], let study = try RankingStudy.read(table, study: name, family: family) else { continue }
                studies.append(study)
            }
            for study in studies where study.settings.count >= 2 {
                if let ranking = LossRanking(id: "\(family.id)-\(study.name)", family: family, scope: study.name,
                                             losses: study.losses, studies: [study]) {
                    rankings.append(ranking)
                }
            }
            if let shared = sharedLosses(studies) {
                let members = studies.filter { Set($0.losses).isSuperset(of: shared) }
                let losses = members[0].losses.filter(shared.contains)
                if let ranking = LossRanking(id: "\(family.id)-across-studies", family: family, scope: "across studies",
                                             losses: losses, studies: members) {
                    rankings.append(ranking)
                }
            }
        }
        return rankings
    }

    /// The largest loss set (at least 2) contained in at least two studies' sets.
    static func sharedLosses(_ studies: [RankingStudy]) -> Set<String>? {
        var best: (set: Set<String>, key: (Int, Int, Int, String))?
        for i in studies.indices {
            for j in studies.indices where j > i {
                let shared = Set(studies[i].losses).intersection(studies[j].losses)
                guard shared.count >= 2 else { continue }
                let members = studies.filter { Set($0.losses).isSuperset(of: shared) }
                let key = (shared.count, members.count, members.reduce(0) { $0 + $1.settings.count }, shared.sorted().joined(separator: ","))
                if let current = best, current.key.0 > key.0 || (current.key.0 == key.0 && (current.key.1, current.key.2) > (key.1, key.2))
                    || (current.key.0 == key.0 && (current.key.1, current.key.2) == (key.1, key.2) && current.key.3 <= key.3) {
                    continue
                }
                best = (shared, key)
            }
        }
        return best?.set
    }
}
