/// The ranking files, the inputs and outputs of every ranking, for a referee to recompute:
///
/// - `rankings.csv`, one row per ranking: `ranking`, `family`, `scope`, `direction`, `losses`
///   (k), `blocks` (N), `alpha`, `chi_squared`, `df`, `p_value` (Friedman, tie-corrected as
///   SciPy), `iman_davenport`, `df1`, `df2`, `iman_davenport_p`, `q_alpha`, `critical_difference`;
/// - `ranking-values.csv`, one row per ranking, block and loss: `ranking`, `block`, `study`,
///   `setting`, `metric`, `loss`, `seeds`, `value` (mean over seeds; ±inf when a seed had no
///   finite value), `rank` (1 = best, ties averaged), and `mean_rank`;
/// - `ranking-pairs.csv`, one row per ranking and pair: `ranking`, `first`, `second`,
///   `rank_difference` (mean rank of first - second), `z`, `p_value`, `p_holm` (over the
///   ranking's pairs), `p_nemenyi`, `beyond_cd`, `rope`, `p_first_better`, `p_equivalent`,
///   `p_second_better` (Bayesian signed-rank on log-ratios; empty when a value is not positive).
extension LossRanking {
    public static func rankingsCSV(_ rankings: [LossRanking]) -> String {
        var text = CSV.row(["ranking", "family", "scope", "direction", "losses", "blocks", "alpha", "chi_squared", "df", "p_value",
                            "iman_davenport", "df1", "df2", "iman_davenport_p", "q_alpha", "critical_difference"])
        for r in rankings {
            let f = r.friedman
            text += CSV.row([r.id, r.family.id, r.scope, r.family.higherIsBetter ? "higher" : "lower", String(r.losses.count),
                             String(r.blocks.count), CSV.number(alpha), CSV.number(f.chiSquared), String(f.degreesOfFreedom),
                             CSV.number(f.pValue), CSV.number(f.imanDavenport), String(f.imanDavenportDegreesOfFreedom.numerator),
                             String(f.imanDavenportDegreesOfFreedom.denominator), CSV.number(f.imanDavenportPValue),
                             CSV.number(r.posthoc.criticalRange), CSV.number(r.posthoc.criticalDifference)])
        }
        return text
    }

    public static func valuesCSV(_ rankings: [LossRanking]) -> String {
        var text = CSV.row(["ranking", "block", "study", "setting", "metric", "loss", "seeds", "value", "rank", "mean_rank"])
        for r in rankings {
            for (b, block) in r.blocks.enumerated() {
                for (l, loss) in r.losses.enumerated() {
                    text += CSV.row([r.id, String(b + 1), block.study, block.setting, block.metric, loss, String(block.seeds[l]),
                                     CSV.number(r.values[b][l]), CSV.number(r.friedman.ranks[b][l]), CSV.number(r.friedman.meanRanks[l])])
                }
            }
        }
        return text
    }

    public static func pairsCSV(_ rankings: [LossRanking]) -> String {
        var text = CSV.row(["ranking", "first", "second", "rank_difference", "z", "p_value", "p_holm", "p_nemenyi", "beyond_cd", "rope",
                            "p_first_better", "p_equivalent", "p_second_better"])
        for r in rankings {
            for pair in r.posthoc.pairs {
                let bayes = r.bayesian.first { $0.first == pair.first && $0.second == pair.second }?.test
                text += CSV.row([r.id, r.losses[pair.first], r.losses[pair.second], CSV.number(pair.rankDifference), CSV.number(pair.z),
                                 CSV.number(pair.pValue), CSV.number(pair.holmPValue), CSV.number(pair.nemenyiPValue),
                                 String(pair.exceedsCriticalDifference), bayes == nil ? "" : CSV.number(rope),
                                 CSV.number(bayes?.firstBetter), CSV.number(bayes?.equivalent), CSV.number(bayes?.secondBetter)])
            }
        }
        return text
    }
}
