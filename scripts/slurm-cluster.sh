#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on loopback, for testing `losslab slurm` against a real
# scheduler (`make test-slurm`). Nothing here is meant for production: one node (this machine),
# no cgroups, no accounting database, every daemon running as root.
#
#   scripts/slurm-cluster.sh start    install the Debian packages if missing, write a munge key and
#                                     a slurm.conf, start munged, slurmctld and slurmd, wait until
#                                     the node is idle
#   scripts/slurm-cluster.sh stop     stop the three daemons by their PIDs, remove the folder
#   scripts/slurm-cluster.sh status   the daemons' PIDs and `sinfo`
#   scripts/slurm-cluster.sh env      print `export SLURM_CONF=...` (eval it to use the clients)
#
# Everything lives in $LOSSLAB_SLURM_DIR (default /tmp/losslab-slurm): the key, the config, the
# state, the spool and the logs. Every Slurm client command needs SLURM_CONF pointing at
# $LOSSLAB_SLURM_DIR/slurm.conf (without it even `sinfo --help` fails). The daemons listen on
# 127.0.0.1 only, on $LOSSLAB_SLURM_PORT and the next port (default 6817, 6818).
set -euo pipefail

DIR=${LOSSLAB_SLURM_DIR:-/tmp/losslab-slurm}
PORT=${LOSSLAB_SLURM_PORT:-6817}
CONF=$DIR/slurm.conf
SOCKET=$DIR/munge/munge.socket.2
PACKAGES="slurmctld slurmd slurm-client munge"
export SLURM_CONF=$CONF

STARTING=0
say() { echo "slurm-cluster: $*" >&2; }
# Fails; a start that fails half-way stops the daemons it had started.
die() {
  say "error: $*"
  if [ "$STARTING" = 1 ]; then STARTING=0; stop_daemons; fi
  exit 1
}

case "$DIR" in
  /?*/?*) ;;
  *) echo "slurm-cluster: LOSSLAB_SLURM_DIR=$DIR: expected an absolute path at least two levels deep, e.g. /tmp/losslab-slurm" >&2; exit 64 ;;
esac

# The PID in a pid file, if that process is alive.
live_pid() {
  local file=$1 pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Waits until `$@` succeeds, at most $1 seconds of wall clock (not a count of tries).
wait_for() {
  local seconds=$1; shift
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# Waits like wait_for for `$3...`, but gives up at once when the daemon's log ($2) shows a fatal
# error (a port in use, a bad config), and then prints the end of that log.
wait_daemon() {
  local seconds=$1 log=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if grep -q 'fatal' "$log" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      tail -n 5 "$log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
}

install_packages() {
  local missing="" p
  for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || die "missing packages:$missing (run as root, or: sudo apt-get install$missing)"
  say "installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The packages' own services are not started (no init system here); this script starts its own.
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# The daemons talk to each other by this machine's name: it must resolve to a loopback address.
check_hostname() {
  local host address
  host=$(hostname -s)
  address=$(getent ahostsv4 "$host" | awk 'NR == 1 { print $1 }')
  case "$address" in
    127.*) ;;
    *)
      [ "$(id -u)" = 0 ] || die "$host resolves to '${address:-nothing}', not 127.x: add '127.0.1.1 $host' to /etc/hosts"
      say "adding '127.0.1.1 $host' to /etc/hosts (it resolved to '${address:-nothing}')"
      echo "127.0.1.1 $host" >> /etc/hosts
      ;;
  esac
}

write_config() {
  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  # Slurm drains a node that reports less memory than RealMemory: stay a little under `free -m`.
  memory=$(free -m | awk '/^Mem:/ { m = int($2 * 0.9); print (m > 100 ? m : 100) }')
  mkdir -p "$DIR"/{munge,state,spool,log}
  # munged refuses a socket folder that others cannot traverse, and a key others can read.
  chmod 755 "$DIR" "$DIR/munge"
  dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
  chmod 600 "$DIR/munge/munge.key"
  cat > "$CONF" <<EOF
# Written by scripts/slurm-cluster.sh: a throwaway one-node cluster on loopback.
ClusterName=losslab-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
# No cgroups: processes are tracked by their parent PIDs and tasks are not confined.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobContainerType=job_container/none
MpiDefault=none
SwitchType=switch/none
# No accounting database (so no sacct: \`scontrol -o show job ID\` has the states).
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
# Jobs share the node CPU by CPU; they start as soon as they are submitted.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
# Finished jobs stay visible to scontrol for 10 minutes.
MinJobAge=600
KillWait=10
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

node_idle() {
  sinfo -h -N -o '%T' | grep -qx idle
}

start() {
  if live_pid "$DIR/slurmctld.pid" >/dev/null || live_pid "$DIR/slurmd.pid" >/dev/null \
     || live_pid "$DIR/munge/munged.pid" >/dev/null; then
    die "a cluster is already running in $DIR (stop it first: $0 stop)"
  fi
  local started=$(date +%s.%N)
  install_packages
  check_hostname
  rm -rf "$DIR"
  write_config
  STARTING=1
  say "config $CONF ($(nproc) CPUs), state and logs in $DIR"
  munged --socket="$SOCKET" --key-file="$DIR/munge/munge.key" --pid-file="$DIR/munge/munged.pid" \
         --seed-file="$DIR/munge/munged.seed" --log-file="$DIR/log/munged.log"
  wait_for 10 test -S "$SOCKET" || die "munged did not start; see $DIR/log/munged.log"
  say "munged pid $(cat "$DIR/munge/munged.pid")"
  slurmctld -f "$CONF"
  wait_daemon 20 "$DIR/log/slurmctld.log" scontrol ping || die "slurmctld did not start; see $DIR/log/slurmctld.log"
  say "slurmctld pid $(cat "$DIR/slurmctld.pid")"
  slurmd -f "$CONF"
  wait_daemon 20 "$DIR/log/slurmd.log" node_idle || { sinfo -N >&2 || true; die "the node is not idle; see $DIR/log/slurmd.log"; }
  say "slurmd pid $(cat "$DIR/slurmd.pid")"
  STARTING=0
  sinfo
  say "up in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s; use it with: export SLURM_CONF=$CONF"
}

stop_daemon() {
  local name=$1 file=$2 pid
  pid=$(live_pid "$file") || return 0
  kill "$pid"
  if ! wait_for 15 bash -c "! kill -0 $pid"; then
    say "$name (pid $pid) did not stop within 15 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  say "stopped $name (pid $pid)"
}

stop_daemons() {
  # slurmd first, so that it does not try to reach a controller that is gone; munged last.
  stop_daemon slurmd "$DIR/slurmd.pid"
  stop_daemon slurmctld "$DIR/slurmctld.pid"
  stop_daemon munged "$DIR/munge/munged.pid"
}

no_jobs() {
  [ -z "$(squeue -h -o %A 2>/dev/null)" ]
}

stop() {
  # Jobs still queued or running on this throwaway cluster are cancelled first, so that no job
  # step outlives its slurmd.
  if live_pid "$DIR/slurmctld.pid" >/dev/null && ! no_jobs; then
    say "cancelling the jobs still on the cluster: $(squeue -h -o %A | tr '\n' ' ')"
    scancel --user="$(id -un)" || true
    wait_for 15 no_jobs || say "some jobs did not end within 15 s"
  fi
  stop_daemons
  rm -rf "$DIR"
}

status() {
  local name file pid running=0
  for name in munged slurmctld slurmd; do
    case $name in munged) file=$DIR/munge/munged.pid ;; *) file=$DIR/$name.pid ;; esac
    if pid=$(live_pid "$file"); then echo "$name: running, pid $pid"; running=$((running + 1)); else echo "$name: not running"; fi
  done
  [ "$running" = 3 ] || return 1
  sinfo
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 64 ;;
esac
