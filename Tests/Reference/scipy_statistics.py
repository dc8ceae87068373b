"""Reference values for Tests/LossHarnessTests/Statistics, computed with SciPy and NumPy.

Run with any Python that has scipy, numpy and mpmath (outside the repository, e.g.
`python3 -m venv /tmp/stats-venv && /tmp/stats-venv/bin/pip install scipy numpy mpmath`):

    /tmp/stats-venv/bin/python Tests/Reference/scipy_statistics.py

Every value is printed with repr(), the shortest decimal that reads back as the same double, as
Swift tuple or initialiser literals ready to paste into the `*Tests.swift` tables. The inputs are
literal arrays (no random generator), so the output depends only on the SciPy/NumPy versions.

The special functions are also evaluated with mpmath at 50 digits (the t distribution function
only up to 1000 degrees of freedom). Where SciPy differs from that by
more than 1e-13 relative, the mpmath value is printed instead, followed by a comment with SciPy's
value, so that the Swift tests do not enshrine a SciPy inaccuracy.
"""

import functools
import math
import operator
import warnings

import mpmath
import numpy as np
import scipy
from scipy import special, stats


def lit(x):
    x = float(x)
    if math.isnan(x):
        return ".nan"
    if math.isinf(x):
        return ".infinity" if x > 0 else "-.infinity"
    return repr(x)


def array(values):
    return "[" + ", ".join(lit(v) for v in values) + "]"


mpmath.mp.dps = 50


def checked(scipy_value, exact):
    """SciPy's value, or mpmath's with a comment when they differ by more than 1e-13 relative."""
    scipy_value = float(scipy_value)
    if exact is None:
        return lit(scipy_value)
    exact = float(exact)
    if scipy_value == exact or abs(scipy_value - exact) <= 1e-13 * abs(exact):
        return lit(scipy_value)
    error = abs(scipy_value - exact) / abs(exact)
    return f"{lit(exact)} /* mpmath; SciPy {lit(scipy_value)}, relative error {error:.1e} */"


def exact_t_cdf(t, df):
    """The t distribution function at 50 digits; None (no check) for df > 1000, where mpmath's
    hypergeometric series for the incomplete beta function takes too long."""
    if df > 1000:
        return None
    t, df = mpmath.mpf(t), mpmath.mpf(df)
    tail = mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return tail if t < 0 else 1 - tail


def header(title):
    print()
    print(f"// ---- {title}")


print(f"// scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mpmath.__version__}")

# ---------------------------------------------------------------- Student t
DEGREES = [0.5, 1.0, 2.0, 3.5, 9.0, 29.0, 1000.0, 1e6]
T_VALUES = [-1e6, -40.0, -5.0, -2.5, -1.0, -0.1, -1e-8, 0.0, 0.3, 1.5, 4.0, 12.0, 300.0]
header("StudentT cumulative probability: (degreesOfFreedom, t, expected) = stats.t.cdf")
for df in DEGREES:
    for t in T_VALUES:
        print(f"({lit(df)}, {lit(t)}, {checked(stats.t.cdf(t, df), exact_t_cdf(t, df))}),")

PROBABILITIES = [1e-12, 1e-6, 0.001, 0.025, 0.1, 0.25, 0.4, 0.49, 0.5, 0.6, 0.75, 0.9, 0.975,
                 0.999, 1 - 1e-9]
header("StudentT quantile: (degreesOfFreedom, p, expected) = stats.t.ppf")
for df in DEGREES:
    for p in PROBABILITIES:
        print(f"({lit(df)}, {lit(p)}, {lit(stats.t.ppf(p, df))}),")

header("StudentT density: (degreesOfFreedom, t, expected) = stats.t.pdf")
for df in [1.0, 2.0, 9.0, 1000.0]:
    for t in [-3.0, 0.0, 0.5, 20.0]:
        print(f"({lit(df)}, {lit(t)}, {lit(stats.t.pdf(t, df))}),")

# ---------------------------------------------------------------- incomplete beta, log gamma
BETA_CASES = [(0.5, 0.5, 0.2), (2.0, 3.0, 0.4), (10.0, 0.5, 0.99), (0.1, 10.0, 0.01),
              (50.0, 60.0, 0.45), (500.0, 0.5, 0.999), (1.0, 1.0, 0.3), (5.0, 2.0, 0.9999),
              (3.0, 7.0, 1e-5), (0.5, 14.5, 0.7), (200.0, 300.0, 0.38), (1e4, 2.5, 0.9995)]
header("regularizedIncompleteBeta: (a, b, x, expected) = special.betainc(a, b, x)")
for a, b, x in BETA_CASES:
    exact = mpmath.betainc(a, b, 0, x, regularized=True)
    print(f"({lit(a)}, {lit(b)}, {lit(x)}, {checked(special.betainc(a, b, x), exact)}),")

header("logGamma: (x, expected) = special.gammaln")
for x in [0.5, 1.0, 2.5, 10.0, 171.5, 1e5]:
    print(f"({lit(x)}, {checked(special.gammaln(x), mpmath.loggamma(x))}),")

header("logBeta: (a, b, expected) = special.betaln")
for a, b in [(0.5, 0.5), (3.0, 4.0), (12.0, 0.5), (500.0, 0.5), (5e5, 0.5), (40.0, 25.0),
             (1e4, 3e4)]:
    exact = mpmath.log(mpmath.beta(a, b))
    print(f"({lit(a)}, {lit(b)}, {checked(special.betaln(a, b), exact)}),")

# ---------------------------------------------------------------- standard normal
header("StandardNormal cumulative probability: (z, expected) = special.ndtr")
for z in [-37.0, -20.0, -10.0, -3.0, -1.0, -1e-3, 0.0, 0.5, 2.0, 8.0]:
    print(f"({lit(z)}, {checked(special.ndtr(z), mpmath.ncdf(z))}),")

header("StandardNormal quantile: (p, expected) = special.ndtri")
for p in [1e-300, 1e-20, 1e-5, 0.02425, 0.025, 0.3, 0.4999, 0.5, 0.8, 0.97575, 0.999999,
          1 - 2**-40]:
    exact = mpmath.sqrt(2) * mpmath.erfinv(2 * mpmath.mpf(p) - 1)
    print(f"({lit(p)}, {checked(special.ndtri(p), exact)}),")

# ---------------------------------------------------------------- quantiles
QUANTILE_SAMPLES = [
    [1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0],
    [3.5],
    [-2.0, 7.25],
    [0.1, 0.7, 0.2, 0.3, 0.15, 0.9, 0.05, 0.4, 0.33, 0.21, 0.6],
]
header("quantile: (sorted, p, expected) = np.quantile (method='linear')")
for sample in QUANTILE_SAMPLES:
    s = sorted(sample)
    for q in [0.0, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.99, 1.0]:
        print(f"({array(s)}, {lit(q)}, {lit(np.quantile(s, q))}),")

# ---------------------------------------------------------------- sample summaries
SUMMARY_SAMPLES = [
    [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],
    [0.2314, 0.2281, 0.2402, 0.2255, 0.2339, 0.2297, 0.2421, 0.2263, 0.2308, 0.2376],
    [1e9 + 0.125, 1e9 + 0.5, 1e9 + 0.375, 1e9 - 0.25, 1e9 + 1.0],
    [3.0, 1.0],
    [0.731, float("nan"), 0.702, float("inf"), 0.744, 0.698, float("nan"), 0.715, -float("inf")],
]
header("SampleSummary: SummaryReference(values:, count:, nonFiniteCount:, mean:, "
       "standardDeviation:, standardError:, median:, lowerQuartile:, upperQuartile:, minimum:, "
       "maximum:, lower95:, upper95:)")
for sample in SUMMARY_SAMPLES:
    v = np.array(sample)
    f = v[np.isfinite(v)]
    n = len(f)
    mean = np.mean(f)
    sem = stats.sem(f)
    lower, upper = stats.t.interval(0.95, n - 1, loc=mean, scale=sem)
    print("SummaryReference(")
    print(f"    values: {array(sample)},")
    print(f"    count: {n}, nonFiniteCount: {len(v) - n},")
    print(f"    mean: {lit(mean)}, standardDeviation: {lit(np.std(f, ddof=1))}, "
          f"standardError: {lit(sem)},")
    print(f"    median: {lit(np.median(f))}, lowerQuartile: {lit(np.quantile(f, 0.25))}, "
          f"upperQuartile: {lit(np.quantile(f, 0.75))},")
    print(f"    minimum: {lit(f.min())}, maximum: {lit(f.max())}, "
          f"lower95: {lit(lower)}, upper95: {lit(upper)}),")

# ---------------------------------------------------------------- paired comparisons


def paired(name, baseline, candidate):
    return name, [float(x) for x in baseline], [float(x) for x in candidate]


def shifted(baseline, differences):
    return [b + d for b, d in zip(baseline, differences)]


LOSSES_10 = [0.2314, 0.2281, 0.2402, 0.2255, 0.2339, 0.2297, 0.2421, 0.2263, 0.2308, 0.2376]
LOSSES_10_CANDIDATE = [0.2291, 0.2288, 0.2365, 0.2240, 0.2301, 0.2299, 0.2398, 0.2270, 0.2281,
                       0.2344]
BASE_30 = [1.0 + 0.037 * i + 0.0011 * (i * i % 7) for i in range(30)]
DIFF_30 = [0.013 * ((7 * i) % 11) - 0.05 + 0.0007 * i for i in range(30)]
BASE_60 = [2.0 + 0.021 * i + 0.0013 * (i * i % 13) for i in range(60)]
DIFF_60 = [0.011 * ((5 * i) % 17) - 0.07 + 0.00031 * i for i in range(60)]
BASE_INTEGER = [10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 12.0, 11.0, 10.0, 9.0, 12.0, 14.0, 7.0,
                10.0, 11.0, 12.0, 9.0, 10.0, 13.0]
PAIRED_CASES = [
    paired("losses, n = 10, exact", LOSSES_10, LOSSES_10_CANDIDATE),
    paired("n = 30, no ties, exact", BASE_30, shifted(BASE_30, DIFF_30)),
    paired("n = 60, normal approximation", BASE_60, shifted(BASE_60, DIFF_60)),
    paired("ties and zeros, n = 12, exact with ties", BASE_INTEGER[:12],
           shifted(BASE_INTEGER[:12], [-2, 0, 1, -1, -2, 0, 2, -3, -1, -2, 1, -2])),
    paired("zeros without ties, n = 8, exact with ties", BASE_INTEGER[:8],
           shifted(BASE_INTEGER[:8], [0, 1.5, -0.25, 2, 3.5, 0, 4, -0.75])),
    paired("ties, n = 20, normal approximation", BASE_INTEGER,
           shifted(BASE_INTEGER, [1, 2, -1, 3, 2, 1, 4, -2, 2, 3, 1, 5, -1, 2, 3, 1, 2, -2, 4, 2])),
    paired("zeros and ties, n = 20, normal approximation", BASE_INTEGER,
           shifted(BASE_INTEGER, [0, 2, -1, 3, 0, 1, 4, -2, 2, 0, 1, 5, -1, 2, 3, 0, 2, -2, 4, 2])),
    paired("constant non-zero difference, n = 5", [1.0, 2.0, 3.0, 4.0, 5.0],
           [1.5, 2.5, 3.5, 4.5, 5.5]),
    paired("two pairs", [1.0, 2.0], [1.25, 2.75]),
]
header("PairedComparison: PairedReference(name:, baseline:, candidate:, meanDifference:, "
       "standardDeviation:, tStatistic:, pValue:, lower95:, upper95:, wilcoxonStatistic:, "
       "wilcoxonPValue:) from stats.ttest_rel(candidate, baseline) and "
       "stats.wilcoxon(candidate, baseline)")
for name, baseline, candidate in PAIRED_CASES:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = np.array(candidate) - np.array(baseline)
        t = stats.ttest_rel(candidate, baseline)
        ci = t.confidence_interval(0.95)
        w = stats.wilcoxon(candidate, baseline)
    print("PairedReference(")
    print(f"    name: {name!r},".replace("'", '"'))
    print(f"    baseline: {array(baseline)},")
    print(f"    candidate: {array(candidate)},")
    print(f"    meanDifference: {lit(np.mean(d))}, standardDeviation: {lit(np.std(d, ddof=1))},")
    print(f"    tStatistic: {lit(t.statistic)}, pValue: {lit(t.pvalue)},")
    print(f"    lower95: {lit(ci.low)}, upper95: {lit(ci.high)},")
    print(f"    wilcoxonStatistic: {lit(w.statistic)}, wilcoxonPValue: {lit(w.pvalue)}),")

# ---------------------------------------------------------------- Mann-Whitney
TIMINGS_A = [1.912, 2.034, 1.877, 2.101, 1.958]
TIMINGS_B = [2.045, 2.187, 1.999, 2.230, 2.076, 2.154, 2.119]
MANY = [0.5 + 0.0137 * ((13 * i) % 29) + 0.00001 * i for i in range(20)]
# Generated identically on the Swift side (`MannWhitneyTestTests.hundredValues`), which checks its
# left-to-right sum against the one printed here.
HUNDREDS = [1.0 + 0.001 * ((37 * i) % 400) + 1e-7 * i for i in range(400)]
WHITNEY_CASES = [
    ("5 vs 7, exact", TIMINGS_A, TIMINGS_B),
    ("3 vs 20, exact", [0.61, 0.93, 0.7], MANY),
    ("8 vs 8, exact", [3.1, 2.7, 3.4, 2.9, 3.3, 2.8, 3.6, 3.0],
     [3.25, 3.5, 3.15, 3.7, 3.45, 3.05, 3.8, 3.35]),
    ("1 vs 4, exact", [2.5], [1.0, 2.0, 3.0, 4.0]),
    ("6 vs 6 separated, exact", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
     [7.0, 8.0, 9.0, 10.0, 11.0, 12.0]),
    ("8 vs 400, exact with counts past 2^53", [1.05, 1.0031, 1.2, 1.333, 1.01, 1.39, 1.111, 1.0007],
     HUNDREDS),
    ("9 vs 10, normal approximation", [2.1, 2.4, 1.9, 2.6, 2.2, 2.8, 2.0, 2.5, 2.3],
     [2.65, 2.95, 2.45, 3.1, 2.75, 2.55, 3.3, 2.85, 3.0, 2.7]),
    ("12 vs 15 with ties, normal approximation",
     [3.0, 4.0, 4.0, 5.0, 2.0, 3.0, 6.0, 4.0, 5.0, 3.0, 4.0, 7.0],
     [5.0, 6.0, 4.0, 7.0, 6.0, 5.0, 8.0, 6.0, 7.0, 5.0, 6.0, 9.0, 4.0, 6.0, 7.0]),
    ("4 vs 6 with ties, normal approximation", [1.0, 2.0, 2.0, 3.0],
     [2.0, 3.0, 4.0, 4.0, 5.0, 6.0]),
    ("all equal, normal approximation", [1.5, 1.5, 1.5], [1.5, 1.5, 1.5, 1.5]),
]
header("MannWhitneyTest: WhitneyReference(name:, first:, second:, uStatistic:, pValue:) = "
       "stats.mannwhitneyu(first, second)")
print(f"// hundredValues left-to-right sum: {lit(functools.reduce(operator.add, HUNDREDS))}")
for name, first, second in WHITNEY_CASES:
    r = stats.mannwhitneyu(first, second)
    print("WhitneyReference(")
    print(f"    name: {name!r},".replace("'", '"'))
    print(f"    first: {array(first)},")
    print(f"    second: {'hundredValues' if second is HUNDREDS else array(second)},")
    print(f"    uStatistic: {lit(r.statistic)}, pValue: {lit(r.pvalue)}),")
