# LossLab: `make reproduce` regenerates every study's results, figures and report;
# `make test` runs the whole test suite. See README.md.
SWIFT ?= swift
RELEASE_BIN := .build/release/losslab
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := gnuplot-nox
# The fast build flavour for this machine (see Package.swift): every build the Makefile starts uses
# it, so results, the quick gate and the benchmarks come from one flavour. A plain `swift build`
# (as when LossLab is a dependency) uses no unsafe flags. LOSSLAB_TARGET_CPU=x86-64 make ... builds
# the portable flavour.
export LOSSLAB_TARGET_CPU ?= auto

.PHONY: all deps build release reproduce test test-release gate baseline bench bench-history quality-history bench-peers bench-scaling test-slurm fuzz example clean help

all: build

help:
	@echo "make reproduce   install what is missing, build (release), run every experiment, write results/ plots/ and results/REPORT.md"
	@echo "make test        the whole test suite (unit tests, the command-line suites on the release build, the quick gate)"
	@echo "make test-release the command-line suites against the release binary"
	@echo "make example     build examples/custom-loss against LossLab by version tag, run its study (part of make test)"
	@echo "make gate        the quick regression gate alone: every study with run --quick, compared with results/baselines/quick"
	@echo "make baseline    regenerate the committed quick baseline after an intended change to the numerics"
	@echo "make bench       run losslab bench and record it in results/bench/history.csv"
	@echo "make bench-history COMMITS=A..B  build and bench every commit of a git range into the history, then list its steps"
	@echo "make quality-history COMMITS=A..B  run --quick at every commit of a range into results/quality-history.csv"
	@echo "make bench-peers run losslab bench and the Python peers one after the other, then alternating rounds, print the ratios and targets"
	@echo "make bench-scaling time per sample of the MLP against width and batch size, with the sgemm peak as roofline"
	@echo "make test-slurm  start a throwaway Slurm cluster, run a study as a job array, check the merge"
	@echo "make fuzz        fuzz the experiment-file loader for FUZZ_SECONDS (default 60) and grow Fuzz/corpus"

# Installs the Debian packages LossLab needs when they are missing (gnuplot renders the figures).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

reproduce: deps release
	@start=$$(date +%s.%N); \
	$(RELEASE_BIN) run --jobs $(JOBS) experiments/*.json5 && \
	$(RELEASE_BIN) report && \
	echo "make reproduce: experiments took $$(echo "$$(date +%s.%N) - $$start" | bc) s (build excluded)"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory test-release
	@$(MAKE) --no-print-directory gate
	@$(MAKE) --no-print-directory example

# A package of one's own that depends on LossLab by version tag and adds a Swift loss
# (examples/custom-loss): built from a tagged clone of the committed HEAD, without unsafe flags,
# and run on a tiny study. See scripts/example.sh.
example:
	SWIFT=$(SWIFT) scripts/example.sh

# The command-line suites again, against the release binary a user builds (what ships: its
# optimiser settings, not the debug build's): every odd path, damaged input, bad file and signal
# must give an exit code of losslab's, never a trap.
RELEASE_SUITES := LossCommandTests|RobustnessTests|PathArgumentTests|ResultsDefinitionTests|DamagedInputTests|CommandLineConsistencyTests|InterruptionTests
test-release: release
	$(SWIFT) build --build-tests
	LOSSLAB_EXECUTABLE=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build --filter '$(RELEASE_SUITES)'

# The quick regression gate: every study of experiments/ with `losslab run --quick` (2 seeds, at
# most 3 epochs and 400 training and test samples; see `losslab run --help`), compared with the
# committed quick baseline. Runs are deterministic, so the gate is exact: every quality metric must
# match the baseline to 1e-9 (scripts/gate-thresholds.json5) and every difference counts (--alpha 1);
# a regression, an improvement or a missing baseline fails, with the comparison table in the log.
# Changing the numerics on purpose means `make baseline` and committing results/baselines/quick in
# the same commit. The debug build runs both the gate and `make baseline`, so their numbers match.
# GATE_FLAGS replaces the comparison options, e.g. GATE_FLAGS="--tolerance mse=2%".
QUICK_BIN := .build/debug/losslab
GATE_FLAGS ?= --alpha 1 --thresholds scripts/gate-thresholds.json5
QUICK_RESULTS := .build/quick-results
QUICK_BASELINE := results/baselines/quick
QUICK_RUN := $(QUICK_BIN) run --quick --results $(QUICK_RESULTS) --plots .build/quick-plots --no-plots --quiet

# The build's rounding (losslab --version: fma, or separate without fused multiply-adds) picks the
# baseline: results/baselines/quick for fma (every x86-64 machine with AVX2, AVX-512 or not, and
# arm64), results/baselines/quick-separate for a build without FMA (LOSSLAB_TARGET_CPU=x86-64).
# The vector width does not change a bit, so one baseline serves AVX2 and AVX-512 builds.
QUICK_ROUNDING = $$($(QUICK_BIN) --version | sed -n 's/.*(rounding: \([a-z]*\)).*/\1/p')
QUICK_BASELINE_OF_BUILD = $$(r=$(QUICK_ROUNDING); if [ "$$r" = fma ]; then echo $(QUICK_BASELINE); else echo $(QUICK_BASELINE)-$$r; fi)

gate:
	@if ! ls experiments/*.json5 >/dev/null 2>&1; then echo "gate: no experiments/*.json5 yet, nothing to check: pass"; exit 0; fi; \
	$(SWIFT) build -q || exit 1; \
	baseline=$(QUICK_BASELINE_OF_BUILD); \
	echo "gate: $$($(QUICK_BIN) --version | tail -n 1); baseline $$baseline"; \
	rm -rf $(QUICK_RESULTS); \
	$(QUICK_RUN) experiments/*.json5 || exit 1; \
	$(QUICK_BIN) compare $(GATE_FLAGS) $$baseline $(QUICK_RESULTS); status=$$?; \
	case $$status in \
	  0) echo "gate: no regression and no improvement against $$baseline: pass" ;; \
	  4) echo "gate: metrics changed (improved) against $$baseline: FAIL (if intended: make baseline, then commit $$baseline)"; exit 1 ;; \
	  2) echo "gate: regression against $$baseline: FAIL (if intended: make baseline, then commit $$baseline)"; exit 1 ;; \
	  5) echo "gate: no quick baseline in $$baseline: FAIL (create it with make baseline, then commit it)"; exit 1 ;; \
	  *) echo "gate: losslab compare failed (exit $$status): FAIL"; exit 1 ;; \
	esac

# Regenerates the committed quick baseline of this build's rounding, after an intended change to
# the numerics (LOSSLAB_TARGET_CPU=x86-64 make baseline: the one without FMA).
baseline:
	@if ! ls experiments/*.json5 >/dev/null 2>&1; then echo "baseline: no experiments/*.json5 yet, nothing to record"; exit 0; fi; \
	$(SWIFT) build -q || exit 1; \
	baseline=$(QUICK_BASELINE_OF_BUILD); \
	rm -rf $(QUICK_RESULTS); \
	$(QUICK_RUN) experiments/*.json5 || exit 1; \
	$(QUICK_BIN) baseline save $$(basename $$baseline) $(QUICK_RESULTS)

# Starts a throwaway single-node Slurm cluster on loopback (installing slurmctld, slurmd,
# slurm-client and munge if missing; needs root), runs Tests/Slurm/slurm-smoke.json5 as a 4-task
# job array through `losslab slurm --submit`, checks the merged results equal a local run's and
# that re-submitting a task re-runs only its missing trials, then stops the cluster. About 40 s.
test-slurm:
	SWIFT="$(SWIFT)" scripts/test-slurm.sh

FUZZ_SECONDS ?= 60
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

# Times W1-W5 (see docs/bench.md) and appends one row per repetition to results/bench/history.csv.
bench: release
	$(RELEASE_BIN) bench --record

# The bench history of past commits (docs/bench.md, "Regression tracking across history"): each
# commit of COMMITS (a git range, default the commits that touched Sources/LossCore since
# losslab bench exists) is built in release mode in a temporary worktree (cached in
# .build/history/<commit>) and timed by its own losslab bench; commits already in the history are
# skipped. Then losslab history lists the steps and draws plots/bench/throughput.png. Release
# builds take minutes each: never part of make test.
BENCH_SINCE ?= 6a8ccef
COMMITS ?=
bench-history: build
	@if [ -n "$(COMMITS)" ]; then $(QUICK_BIN) bench --commits "$(COMMITS)" || exit 1; \
	else for c in $$(git log --format=%h $(BENCH_SINCE)^..HEAD -- Sources/LossCore); do \
	  $(QUICK_BIN) bench --commits $$c || exit 1; done; fi; \
	$(QUICK_BIN) history

# The quick metrics of each commit of COMMITS (default: as bench-history) into
# results/quality-history.csv, then its figure plots/quality-history.png.
quality-history: build
	@if [ -n "$(COMMITS)" ]; then $(QUICK_BIN) run --quick --commits "$(COMMITS)" || exit 1; \
	else for c in $$(git log --format=%h $(BENCH_SINCE)^..HEAD -- Sources/LossCore); do \
	  $(QUICK_BIN) run --quick --commits $$c || exit 1; done; fi; \
	$(QUICK_BIN) history

# LossLab and the Python peers (JAX, scikit-learn; PyTorch with WITH_TORCH=1) one after the other
# on this machine, pinned as the peers are (W1-W4 and W5 --jobs 1 on core 0, W5 --jobs 2 on cores
# 0 and 1), then the ratio table and the speed targets (W1-W4 >= 2x JAX jit+scan, W3 >= 75% of
# the 1-thread sgemm peak that peak.py measures in the same run, cold W5 on 2 cores < 0.25 s). Torch rows missing from this run come from the committed
# peer results (marked *). The CSV files stay in BENCH_OUT (default: a new /tmp/bench-peers-*).
# run_all.sh also times OpenBLAS's AVX-512 kernel, which dies of SIGILL on a CPU without AVX-512
# (and stops the whole script): it runs from a copy of the peers' folder in which that one line is
# skipped on such CPUs.
# Then ROUNDS rounds of W1-W4, each LossLab (5 repetitions) then JAX jit-scan (5 repetitions,
# after its warm-up and compilation), and the targets again from these rounds: the host's load
# comes and goes within minutes, and alternating puts its quiet and busy moments on both alike.
# A second run into the same BENCH_OUT moves the last run's files aside (NAME.prev-HHMMSS), as run_all.sh does.
PEERS ?= $(abspath ../shared/peers)
PEERS_REFERENCE ?= $(PEERS)/results-20261123.csv
ROUNDS ?= 4
VENV ?= /tmp/peers-venv
bench-peers: release
	@out=$${BENCH_OUT:-$$(mktemp -d /tmp/bench-peers-XXXXXX)}; mkdir -p $$out/peers; out=$$(cd $$out && pwd); \
	echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg) (timings are noisy above ~1)"; \
	cp -R $(PEERS)/. $$out/peers/ && chmod -R u+w $$out/peers && \
	for f in losslab.csv losslab-rounds.csv jax-rounds.csv ratios.txt; do [ ! -f $$out/$$f ] || mv $$out/$$f $$out/$$f.prev-$$(date +%H%M%S); done && \
	sed -i 's|^OPENBLAS_CORETYPE=SkylakeX|grep -qw avx512f /proc/cpuinfo \&\& OPENBLAS_CORETYPE=SkylakeX|' $$out/peers/run_all.sh && \
	taskset -c 0 $(RELEASE_BIN) bench --workload W1,W2,W3,W4 --repeat 20 --format csv > $$out/losslab.csv && \
	taskset -c 0 $(RELEASE_BIN) bench --workload W5 --threads 1 --format csv | tail -n +2 >> $$out/losslab.csv && \
	taskset -c 0,1 $(RELEASE_BIN) bench --workload W5 --threads 2 --format csv | tail -n +2 >> $$out/losslab.csv && \
	VENV=$(VENV) OUT=$$out/peers.csv $$out/peers/run_all.sh && \
	for r in $$(seq $(ROUNDS)); do echo "== round $$r of $(ROUNDS): LossLab, then JAX jit-scan, W1-W4 ==" >&2; \
	  taskset -c 0 $(RELEASE_BIN) bench --workload W1,W2,W3,W4 --repeat 5 --format csv > $$out/round.csv && \
	  { if [ $$r = 1 ]; then cat; else tail -n +2; fi; } < $$out/round.csv >> $$out/losslab-rounds.csv && \
	  (cd $$out/peers && taskset -c 0 $(VENV)/bin/python bench_jax.py --threads 1 --reps 5 --variants jit-scan \
	    --out $$out/jax-rounds.csv) || exit 1; done && \
	{ python3 scripts/bench_ratios.py $$out/losslab.csv $$out/peers.csv --fallback $(PEERS_REFERENCE); echo; \
	  python3 scripts/bench_ratios.py $$out/losslab.csv $$out/peers.csv --fallback $(PEERS_REFERENCE) --statistic min \
	    --rounds $$out/losslab-rounds.csv $$out/jax-rounds.csv; } \
	  | tee $$out/ratios.txt && \
	echo "CSV files and ratios.txt: $$out"

# How the MLP's cost grows with the hidden width and the batch size (docs/bench.md, "How cost
# grows"): the single-core sgemm peak that peak.py measures (in the peers' venv VENV, made as
# run_all.sh makes it when missing; PEAK=GFLOP/s skips the measurement), then losslab bench
# --scaling on core 0 with that peak as the roofline: results/bench/scaling.csv and
# plots/bench/scaling.{gp,png,svg}.
bench-scaling: release
	@peak="$(PEAK)"; if [ -z "$$peak" ]; then \
	  if [ ! -x $(VENV)/bin/python ]; then python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -r $(PEERS)/requirements.txt || exit 1; fi; \
	  peak=$$(python3 scripts/sgemm_peak.py $(VENV)/bin/python $(PEERS)) || exit 1; fi; \
	echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg); sgemm peak $$peak GFLOP/s on one core"; \
	taskset -c 0 $(RELEASE_BIN) bench --scaling --peak $$peak

clean:
	rm -rf .build
