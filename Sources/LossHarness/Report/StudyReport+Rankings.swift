/// The rankings section of the report, which replaces a count of won claims: mean ranks over
/// settings and studies with the Friedman, Iman-Davenport, Nemenyi and Holm tests, a
/// critical-difference diagram, and the Bayesian signed-rank probabilities of each pair.
extension StudyReport {
    var rankingSection: [String] {
        var lines = ["## Rankings across settings and studies", ""]
        guard !rankings.isEmpty else {
            return lines + ["No ranking yet: it needs a study with at least two settings, or two studies that share losses on a metric family.", ""]
        }
        lines += [
            "Losses are ranked in every block (a setting of a study: its swept values), 1 for the best mean over seeds, on",
            "the metric of a family that the study measured; the ranking is their mean rank (Demšar, JMLR 2006). The Friedman",
            "test (and its Iman-Davenport F form) asks whether the losses differ at all; Nemenyi's critical difference (CD) and",
            "Holm's pairwise tests say which pairs do; the diagram joins losses that no test at α = 0.05 separates. For each",
            "pair, the Bayesian signed-rank test (Benavoli et al., JMLR 2017) on the log-ratios of their values gives the",
            "probability that one is practically better (by more than 1%), that they are equivalent, or that the other is.",
            "Losses are matched across studies by their labels; labels with identical values everywhere are ranked once.",
            "",
            "**Read these rankings for what they are.** The settings of one generator are not independent data sets: they",
            "share the generator, its seeds and its structure, and a loss that wins at one noise level is likely to win at the",
            "next. A ranking over them describes these synthetic studies; it is real-data studies, each an independent data",
            "set, that would give a ranking its weight, and there are none in this report yet. Every number is in",
            "`results/rankings.csv`, `results/ranking-values.csv` and `results/ranking-pairs.csv`.",
            "",
        ]
        for ranking in rankings { lines += section(ranking) }
        return lines
    }

    func section(_ ranking: LossRanking) -> [String] {
        var lines = ["### " + MarkdownText.line(ranking.family.title) + ": " + MarkdownText.line(ranking.scope), ""]
        var studies: [(String, Int, String)] = []
        for block in ranking.blocks {
            if let last = studies.last, last.0 == block.study { studies[studies.count - 1].1 += 1 } else { studies.append((block.study, 1, block.metric)) }
        }
        lines.append("\(ranking.blocks.count) blocks: " + studies.map { "`\($0.0)` (\($0.1) setting\($0.1 == 1 ? "" : "s"), \($0.2))" }
            .joined(separator: ", ") + ".")
        lines.append("")
        if let image = rankingImages[ranking.id] {
            lines += ["![Critical-difference diagram: \(MarkdownText.linkText(ranking.id))](\(MarkdownText.destination(image)))", ""]
        }
        let f = ranking.friedman, posthoc = ranking.posthoc
        let ranks = f.meanRanks
        let order = ranks.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        lines.append("| Loss | Mean rank |")
        lines.append("| --- | ---: |")
        for index in order { lines.append("| \(MarkdownText.cell(ranking.losses[index])) | \(String(format: "%.2f", ranks[index])) |") }
        lines.append("")
        let df = f.imanDavenportDegreesOfFreedom
        lines.append(String(format: "Friedman χ² = %.3f (%d df), p = %@; Iman-Davenport F = %.3f (%d, %d df), p = %@; Nemenyi CD = %.3f (q = %.3f, k = %d, N = %d).",
                            f.chiSquared, f.degreesOfFreedom, Self.pValue(f.pValue), f.imanDavenport, df.numerator, df.denominator,
                            Self.pValue(f.imanDavenportPValue), posthoc.criticalDifference, posthoc.criticalRange, ranks.count,
                            ranking.blocks.count))
        lines.append("")
        lines.append("| Pair | Rank difference | Holm p | Nemenyi p | P(first better) | P(equivalent) | P(second better) |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for pair in posthoc.pairs {
            let bayes = ranking.bayesian.first { $0.first == pair.first && $0.second == pair.second }?.test
            let probability = { (x: Double?) in x.map { String(format: "%.3f", $0) } ?? "n/a" }
            lines.append("| \(MarkdownText.cell(ranking.losses[pair.first])) vs \(MarkdownText.cell(ranking.losses[pair.second])) | "
                         + String(format: "%+.2f", pair.rankDifference) + " | \(Self.pValue(pair.holmPValue)) | \(Self.pValue(pair.nemenyiPValue)) | "
                         + "\(probability(bayes?.firstBetter)) | \(probability(bayes?.equivalent)) | \(probability(bayes?.secondBetter)) |")
        }
        lines.append("")
        return lines
    }
}
