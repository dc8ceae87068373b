"""The single-core float32 GEMM peak of this machine, in GFLOP/s, as the peers measure it.

usage: sgemm_peak.py PYTHON PEERS_DIR   (PYTHON: a venv with the peers' requirements)

Runs the peers' peak.py (NumPy/OpenBLAS sgemm, n = 4096, best of 5; memory bandwidth skipped)
with OpenBLAS's own kernel choice and, on a CPU with AVX-512, again with its SkylakeX kernel, as
run_all.sh does, and prints the best 1-thread value (the roofline of `losslab bench --scaling`).
The measurements go to standard error.
"""
import os
import subprocess
import sys
import tempfile

from bench_ratios import peak


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().split("\n\n")[1])
    python, peers = sys.argv[1], sys.argv[2]
    with open("/proc/cpuinfo") as f:
        avx512 = " avx512f" in f.read()
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "peak.csv")
        for coretype in [None, "SkylakeX"] if avx512 else [None]:
            env = dict(os.environ)
            if coretype:
                env["OPENBLAS_CORETYPE"] = coretype
            subprocess.run(["taskset", "-c", "0,1", python, os.path.join(peers, "peak.py"), "--skip-bw", "--out", out],
                           env=env, check=True, stdout=sys.stderr)
        best = peak(out)
    if best is None:
        sys.exit("sgemm_peak.py: peak.py wrote no 1-thread PEAK_sgemm_4096 row")
    print(f"{best:.1f}")


if __name__ == "__main__":
    main()
