# LossLab: `make reproduce` regenerates every study's results, figures and report;
# `make test` runs the whole test suite. See README.md.
SWIFT ?= swift
RELEASE_BIN := .build/release/losslab
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := gnuplot-nox

.PHONY: all deps build release reproduce test baseline bench bench-peers test-slurm clean help

all: build

help:
	@echo "make reproduce   install what is missing, build (release), run every experiment, write results/ plots/ and results/REPORT.md"
	@echo "make test        the whole test suite (unit tests and the quick regression gate)"
	@echo "make baseline    regenerate the committed quick baseline after an intended change to the numerics"
	@echo "make bench       run losslab bench and record it in results/bench/history.csv"
	@echo "make bench-peers run losslab bench and the Python peers one after the other, print the ratios"
	@echo "make test-slurm  start a throwaway Slurm cluster, run a study as a job array, check the merge"

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

# Times W1-W5 (see docs/bench.md) and appends one row per repetition to results/bench/history.csv.
bench: release
	$(RELEASE_BIN) bench --record

# LossLab and the Python peers (JAX, scikit-learn; PyTorch with WITH_TORCH=1) one after the other
# on this machine, then the ratio table. Torch rows missing from this run come from the committed
# peer results (marked *). The CSV files stay in BENCH_OUT (default: a new /tmp/bench-peers-*).
# run_all.sh also times OpenBLAS's AVX-512 kernel, which dies of SIGILL on a CPU without AVX-512
# (and stops the whole script): it runs from a copy of the peers' folder in which that one line is
# skipped on such CPUs.
PEERS ?= $(abspath ../shared/peers)
PEERS_REFERENCE ?= $(PEERS)/results-20261123.csv
bench-peers: release
	@out=$${BENCH_OUT:-$$(mktemp -d /tmp/bench-peers-XXXXXX)}; mkdir -p $$out/peers; \
	echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg) (timings are noisy above ~1)"; \
	cp -R $(PEERS)/. $$out/peers/ && chmod -R u+w $$out/peers && \
	sed -i 's|^OPENBLAS_CORETYPE=SkylakeX|grep -qw avx512f /proc/cpuinfo \&\& OPENBLAS_CORETYPE=SkylakeX|' $$out/peers/run_all.sh && \
	$(RELEASE_BIN) bench --format csv > $$out/losslab.csv && \
	OUT=$$out/peers.csv $$out/peers/run_all.sh && \
	{ python3 scripts/bench_ratios.py $$out/losslab.csv $$out/peers.csv --fallback $(PEERS_REFERENCE); echo; \
	  python3 scripts/bench_ratios.py $$out/losslab.csv $$out/peers.csv --fallback $(PEERS_REFERENCE) --statistic min; } \
	  | tee $$out/ratios.txt && \
	echo "CSV files and ratios.txt: $$out"

clean:
	rm -rf .build
