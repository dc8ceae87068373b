"""Recomputes, from the committed CSV files alone, every adjusted p-value, unit t-test, Friedman
statistic and critical difference that `losslab run` and `losslab report` wrote, with SciPy and
statsmodels, and prints the largest discrepancy of each kind (all should be ~1e-15).

    /tmp/stats-venv/bin/python Tests/Reference/recompute_results.py   # from the repository root
"""

import glob

import numpy as np
import pandas as pd
import scipy.stats as ss
from statsmodels.stats.multitest import multipletests

report = pd.read_csv("results/claims.csv")
family = report[report.duplicate_of.isna() & report.p_value.notna()]
print("report family: m =", len(family),
      "Holm error", np.max(np.abs(multipletests(family.p_value, method="holm")[1] - family.report_p_holm)),
      "BH error", np.max(np.abs(multipletests(family.p_value, method="fdr_bh")[1] - family.report_p_bh)))

worst_holm = worst_t = 0.0
for path in sorted(glob.glob("results/*/claims.csv")):
    claims = pd.read_csv(path)
    members = claims[claims.duplicate_of.isna() & claims.p_value.notna()]
    if len(members):
        worst_holm = max(worst_holm, np.max(np.abs(multipletests(members.p_value, method="holm")[1] - members.p_holm)))
    units = pd.read_csv(path.replace("claims.csv", "claim-units.csv"))
    for _, claim in claims.iterrows():
        values = units[units.claim == claim.claim].value
        if len(values) > 1 and claim.test.startswith("paired") and not np.isnan(claim.p_value) and values.std() > 0:
            p = ss.ttest_1samp(values, 0).pvalue
            worst_t = max(worst_t, abs(p - claim.p_value) / p)
print("study families: Holm error", worst_holm, "; unit t-tests: relative p error", worst_t)

values = pd.read_csv("results/ranking-values.csv")
for _, ranking in pd.read_csv("results/rankings.csv").iterrows():
    table = values[values.ranking == ranking.ranking].pivot(index="block", columns="loss", values="value")
    data = table.values if ranking.direction == "lower" else -table.values
    n, k = data.shape
    ranks = ss.rankdata(data, axis=1)
    rank_sums = ranks.sum(axis=0)
    ties = sum(t ** 3 - t for row in ranks for t in np.unique(row, return_counts=True)[1])
    chi = (12 / (n * k * (k + 1)) * np.sum(rank_sums ** 2) - 3 * n * (k + 1)) / (1 - ties / (n * k * (k * k - 1)))
    p = ss.chi2.sf(chi, k - 1)
    cd = ss.studentized_range.ppf(0.95, k, np.inf) / np.sqrt(2) * np.sqrt(k * (k + 1) / (6 * n))
    print(f"{ranking.ranking}: k = {k}, N = {n}, chi2 {chi:.6g} (error {abs(chi - ranking.chi_squared):.1g}), "
          f"p error {abs(p - ranking.p_value):.1g}, CD error {abs(cd - ranking.critical_difference):.1g}")
