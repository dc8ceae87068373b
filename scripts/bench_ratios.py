#!/usr/bin/env python3
"""Ratio table of the peers' times to LossLab's: peer seconds / LossLab seconds, per workload.

usage: bench_ratios.py LOSSLAB_CSV PEERS_CSV [--fallback OLD_PEERS_CSV] [--statistic median|min]
                       [--rounds LOSSLAB_ROUNDS_CSV JAX_ROUNDS_CSV]

LOSSLAB_CSV is `losslab bench --format csv` (one row per repetition: date, commit, build, workload,
threads, repetition, seconds, ...). PEERS_CSV is what shared/peers/run_all.sh writes (common.py's
CSV_FIELDS: one row per library/variant/workload/threads with min_s, median_s, first_s, ...).
Rows of a library missing from PEERS_CSV (PyTorch, unless run with WITH_TORCH=1) are taken from
--fallback and marked with '*' and their date: they were measured in another run.

Medians against medians (--statistic min: minimums against minimums, the steadier pair on a
loaded machine). W1-W4: LossLab on one thread against each peer's 1-thread row. W5:
LossLab's cold `losslab run` at --jobs 1 and 2 against the peers' sweep on 1 core (seq) and 2 cores
(pool2), both their cold first sweep (first_s, process start to end, as ours) and their warm
median (later sweeps in an already started, compiled process), the harder comparison. A ratio
above 1 means LossLab is faster. Standard library only.
"""
import argparse
import csv
import statistics
import sys

W14 = ["W1_logistic", "W2_softmax", "W3_mlp", "W4_poisson"]


def read_losslab(path):
    """{(workload, threads): [seconds...]} and the metric of each group."""
    groups, metrics = {}, {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["workload"], int(row["threads"]))
            groups.setdefault(key, []).append(float(row["seconds"]))
            metrics[key] = (row["metric"], row["metric_value"])
    return groups, metrics


def read_peers(path):
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(f) if not r["workload"].startswith("PEAK")]


# W3's FLOP count as losslab bench counts it (41,532 FLOP/sample x 200,000 samples).
W3_FLOP = 8.3064e9


def peak(path):
    """Best 1-thread sgemm GFLOP/s in a peers CSV, or None."""
    best = None
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["workload"] == "PEAK_sgemm_4096" and r["threads"] == "1":
                value = float(r["metric_value"].split(";")[0])
                best = value if best is None else max(best, value)
    return best


def targets(ours, ours_of, peers, column, statistic, best_peak, title=None):
    """The speed targets of issue #16, each checked from this run: W1-W4 at least 2x JAX jit+scan
    (one core each), W3 at least 75% of the 1-thread sgemm peak measured by peak.py in the same
    run, and the cold W5 sweep under 0.25 s on 2 cores. Several JAX rows of one workload (the
    interleaved rounds) count as one sample: the minimum of their minimums, or the median of their
    medians."""
    lines = [f"\n{title or 'Targets'} ({statistic}s of this run):"]

    def verdict(ok):
        return "pass" if ok else "FAIL"

    for workload in W14:
        key = (workload, 1)
        jax = [r for r in peers if r["workload"] == workload and r["threads"] == "1"
               and r["library"] == "jax" and r["variant"] == "jit-scan"]
        if key not in ours or not jax:
            lines.append(f"  {workload:12s} >= 2x JAX jit-scan: not measured")
            continue
        ratio = ours_of([float(r[column]) for r in jax]) / ours_of(ours[key])
        lines.append(f"  {workload:12s} >= 2x JAX jit-scan: {ratio:.2f}x  {verdict(ratio >= 2)}")
    if ("W3_mlp", 1) in ours and best_peak:
        share = 100 * W3_FLOP / ours_of(ours[("W3_mlp", 1)]) / 1e9 / best_peak
        lines.append(f"  W3_mlp       >= 75% of sgemm peak ({best_peak:.1f} GFLOP/s): {share:.1f}%  {verdict(share >= 75)}")
    else:
        lines.append("  W3_mlp       >= 75% of sgemm peak: not measured (no PEAK_sgemm_4096 row)")
    if ("W5_sweep", 2) in ours:
        seconds = ours_of(ours[("W5_sweep", 2)])
        lines.append(f"  W5_sweep     cold, 2 cores, < 0.25 s: {seconds:.3f} s  {verdict(seconds < 0.25)}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("losslab_csv")
    ap.add_argument("peers_csv")
    ap.add_argument("--fallback", help="an older peers CSV for libraries missing from PEERS_CSV")
    ap.add_argument("--statistic", choices=["median", "min"], default="median",
                    help="compare medians (default) or minimums of the repetitions")
    ap.add_argument("--rounds", nargs=2, metavar=("LOSSLAB_ROUNDS_CSV", "JAX_ROUNDS_CSV"),
                    help="W1-W4 timed in alternating rounds, LossLab then JAX jit-scan: the targets "
                         "again from these, where host noise falls on both alike")
    a = ap.parse_args()
    ours_of = statistics.median if a.statistic == "median" else min
    column = "median_s" if a.statistic == "median" else "min_s"

    ours, our_metrics = read_losslab(a.losslab_csv)
    peers = read_peers(a.peers_csv)
    libraries = {r["library"] for r in peers}
    if a.fallback:
        for r in read_peers(a.fallback):
            if r["library"] not in libraries:
                r = dict(r, variant=r["variant"] + "*", library=r["library"])
                r["notes"] = "from " + a.fallback + " (" + r["date"][:10] + ")"
                peers.append(r)

    lines = []
    header = (f"{'workload':12s} {'thr':>3s} {'LossLab s':>10s}  {'peer (' + a.statistic + ' s)':32s} {'peer s':>9s} "
              f"{'ratio':>8s}")
    lines.append(header)
    lines.append("-" * len(header))
    for workload in W14:
        key = (workload, 1)
        if key not in ours:
            continue
        mine = ours_of(ours[key])
        rows = [r for r in peers if r["workload"] == workload and r["threads"] == "1"]
        rows.sort(key=lambda r: float(r[column]))
        for r in rows:
            theirs = float(r[column])
            lines.append(f"{workload:12s} {1:3d} {mine:10.4f}  {r['library'] + ' ' + r['variant']:32s} {theirs:9.4f} "
                         f"{theirs / mine:7.1f}x")
    for threads, mode in ((1, "seq"), (2, "pool2")):
        key = ("W5_sweep", threads)
        if key not in ours:
            continue
        mine = ours_of(ours[key])
        rows = [r for r in peers if r["workload"] == "W5_sweep" and r["variant"].rstrip("*").endswith("/" + mode)]
        rows.sort(key=lambda r: float(r[column]))
        for r in rows:
            cold, warm = float(r["first_s"]), float(r[column])
            name = r["library"] + " " + r["variant"]
            lines.append(f"{'W5_sweep':12s} {threads:3d} {mine:10.4f}  {name + ' cold':32s} {cold:9.4f} {cold / mine:7.1f}x")
            lines.append(f"{'W5_sweep':12s} {threads:3d} {mine:10.4f}  {name + ' warm':32s} {warm:9.4f} {warm / mine:7.1f}x")
    if ("W5_sweep", 1) in ours and ("W5_sweep", 2) in ours:
        scaling = ours_of(ours[("W5_sweep", 1)]) / ours_of(ours[("W5_sweep", 2)])
        lines.append(f"\nLossLab W5 scaling, --jobs 1 / --jobs 2 ({a.statistic}): {scaling:.2f}x")
    best = peak(a.peers_csv)
    if ("W3_mlp", 1) in ours:
        w3 = W3_FLOP / min(ours[("W3_mlp", 1)]) / 1e9
        share = f" = {100 * w3 / best:.0f}% of the 1-thread sgemm peak {best:.1f} GFLOP/s" if best else ""
        lines.append(f"LossLab W3 best: {w3:.1f} GFLOP/s{share}")
    lines.extend(targets(ours, ours_of, peers, column, a.statistic, best))
    if a.rounds:
        round_ours, _ = read_losslab(a.rounds[0])
        round_jax = read_peers(a.rounds[1])
        count = sum(1 for r in round_jax if r["workload"] == "W1_logistic")
        if ("W5_sweep", 2) in ours:
            round_ours[("W5_sweep", 2)] = ours[("W5_sweep", 2)]
        lines.extend(targets(round_ours, ours_of, round_jax, column, a.statistic, best,
                             title=f"Targets, {count} interleaved rounds of LossLab then JAX jit-scan"))
    lines.append("\nLossLab metrics: " + ", ".join(f"{w}/{t}: {m}={v}" for (w, t), (m, v) in sorted(our_metrics.items())))
    if any(r["variant"].endswith("*") for r in peers):
        lines.append("* measured in an earlier run (" + a.fallback + "), not in this one")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
