#!/usr/bin/env bash
# `make test-slurm`: runs a small study on a real (throwaway, single-node) Slurm cluster through
# `losslab slurm --submit` and checks what comes back:
#   1. start the cluster (scripts/slurm-cluster.sh; installs the Debian packages when missing);
#   2. submit Tests/Slurm/slurm-smoke.json5 (36 trials) as a 4-task array plus its merge job;
#   3. wait for the merge job (wall-clock deadline) and check every task and the merge completed
#      and every shard left a "complete" record;
#   4. run the same file on this machine with `losslab run` and check the merged CSV files equal
#      that run's (apart from train_seconds);
#   5. resume: delete two stored trials of shard 2, check `losslab merge` refuses and names shard
#      2/4 and its command, re-submit only that task (`sbatch --array=2`), check it trained exactly
#      those two trials, merge by hand and compare again.
# The cluster is stopped however the test ends. The work folder is removed on success and kept
# (its path is printed) on failure. Needs root (the cluster runs its daemons as root).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
STUDY=Tests/Slurm/slurm-smoke.json5
NAME=slurm-smoke
SHARDS=4
TIMEOUT=${LOSSLAB_SLURM_TEST_TIMEOUT:-300}
started=$(date +%s)

step() { echo "test-slurm [$(( $(date +%s) - started ))s]: $*"; }
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

step "building losslab (debug)"
$SWIFT build --product losslab
BIN=$($SWIFT build --show-bin-path)/losslab
[ -x "$BIN" ] || fail "no executable at $BIN"

if scripts/slurm-cluster.sh status >/dev/null 2>&1; then
  fail "a test cluster is already running (scripts/slurm-cluster.sh status); stop it first: scripts/slurm-cluster.sh stop"
fi
WORK=$(mktemp -d /tmp/losslab-test-slurm.XXXXXX)
CLUSTER_RESULTS=$WORK/cluster
RESULTS_DIR=$CLUSTER_RESULTS/$NAME
cleanup() {
  local status=$?
  if [ $status -ne 0 ]; then
    echo "test-slurm: --- job logs ---" >&2
    tail -n 20 "$RESULTS_DIR"/slurm/logs/* 2>/dev/null >&2 || true
    echo "test-slurm: --- daemon logs ---" >&2
    tail -n 15 /tmp/losslab-slurm/log/*.log 2>/dev/null >&2 || true
  fi
  step "stopping the cluster"
  scripts/slurm-cluster.sh stop || true
  if [ $status -eq 0 ]; then rm -rf "$WORK"; else echo "test-slurm: work folder kept: $WORK" >&2; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "starting a single-node Slurm cluster on loopback"
scripts/slurm-cluster.sh start
eval "$(scripts/slurm-cluster.sh env)"

# Prints the states of a job's tasks ("COMPLETED x4"); succeeds once every task has ended.
job_states() {
  scontrol -o show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }'
}
job_ended() {
  local states
  states=$(scontrol -o show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p') || return 1
  [ -n "$states" ] && ! echo "$states" | grep -qvE '^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE)$'
}
# Waits (wall-clock deadline) until job $1 has ended, then requires every task COMPLETED.
wait_job() {
  local job=$1 what=$2 deadline=$(( $(date +%s) + TIMEOUT ))
  until job_ended "$job"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what (job $job) still not finished after ${TIMEOUT}s: $(job_states "$job")"
    sleep 1
  done
  local states
  states=$(job_states "$job")
  step "$what (job $job): $states"
  [[ "$states" =~ ^COMPLETED\ x[0-9]+$ ]] || fail "$what (job $job) did not complete: $states"
}

step "submitting $STUDY as a $SHARDS-task array: losslab slurm --submit"
submitted=$("$BIN" slurm "$STUDY" --shards $SHARDS --results "$CLUSTER_RESULTS" --plots "$WORK/plots" \
            --cpus-per-task 1 --time 00:10:00 --submit)
echo "$submitted"
array_job=$(echo "$submitted" | sed -n 's/^array job: //p')
merge_job=$(echo "$submitted" | sed -n 's/^merge job: //p')
[ -n "$array_job" ] && [ -n "$merge_job" ] || fail "losslab slurm printed no job ids"
grep -q -- "--array=0-$((SHARDS - 1))" "$RESULTS_DIR/slurm/array.sbatch" || fail "array.sbatch has no --array=0-$((SHARDS - 1))"

step "waiting for the array (job $array_job) and the merge (job $merge_job), at most ${TIMEOUT}s"
wait_job "$merge_job" "merge"
wait_job "$array_job" "array"
for i in $(seq 0 $((SHARDS - 1))); do
  record=$RESULTS_DIR/shards/$i-of-$SHARDS.json
  grep -qE '"status" ?: ?"complete"' "$record" || fail "$record does not say complete"
done
step "every shard left a complete record in $RESULTS_DIR/shards/"

step "running the same study on this machine (losslab run) for comparison"
"$BIN" run "$STUDY" --results "$WORK/local" --no-plots --quiet
scripts/compare-results.sh "$RESULTS_DIR" "$WORK/local/$NAME" || fail "the merged results differ from a local run's"

step "resume: deleting two stored trials of shard 2/$SHARDS"
ids=$("$BIN" run "$STUDY" --results "$CLUSTER_RESULTS" --shard 2/$SHARDS --dry-run | awk -F, 'NR > 2 && NR <= 4 { print $2 }')
[ "$(echo "$ids" | wc -l)" = 2 ] || fail "could not list the trials of shard 2"
for id in $ids; do rm "$RESULTS_DIR/trials/$id.json"; done
if "$BIN" merge "$RESULTS_DIR" --no-plots > "$WORK/merge.out" 2>&1; then
  fail "merge succeeded with two trials missing"
fi
cat "$WORK/merge.out"
grep -q "shard 2/$SHARDS: 2 of" "$WORK/merge.out" || fail "merge did not name shard 2/$SHARDS"
grep -q -- "--shard 2/$SHARDS" "$WORK/merge.out" || fail "merge did not print the command that re-runs shard 2"

step "re-submitting task 2 only: sbatch --array=2 array.sbatch"
resubmitted=$(sbatch --parsable --array=2 "$RESULTS_DIR/slurm/array.sbatch" | cut -d';' -f1)
wait_job "$resubmitted" "re-submitted task 2"
record=$RESULTS_DIR/shards/2-of-$SHARDS.json
grep -qE '"ran" ?: ?2,' "$record" || { cat "$record"; fail "task 2 did not re-run exactly the 2 missing trials"; }
step "task 2 trained only the 2 missing trials: $(grep -E '"(ran|cached)"' "$record" | tr -d ' \n')"

step "merging by hand"
"$BIN" merge "$RESULTS_DIR" --plots "$WORK/plots"
scripts/compare-results.sh "$RESULTS_DIR" "$WORK/local/$NAME" || fail "the re-merged results differ from a local run's"

step "PASSED in $(( $(date +%s) - started ))s"
