#!/usr/bin/env bash
# The authority overview against the running suite (issue 13;
# docs/BENCHMARKS.md, "Authority overview as schools grow"): runs
# build/bench/parhub-overview-bench
#   1. setup, for each size in SIZES: authorities/bench-<n> with n schools
#      (through the gateway), one PAR plan of ~40 tasks per school and a few
#      tasks done (directly on parhub-tasks); idempotent, a rerun creates only
#      what is missing;
#   2. measure, for each size: ROUNDS rounds, each timing one after the other
#      the overview through the gateway (new path), one SummarizeTasks per
#      school IN_FLIGHT at a time on parhub-tasks (old path), the grouped SQL
#      query run directly on MariaDB (floor), and the directory and tasks legs
#      of the overview alone, with the CPU of the gateway, directory, tasks
#      and MariaDB per call;
#   3. down: parhub-tasks killed (SIGKILL), DOWN_CALLS overviews of the
#      largest size one after the other, then DOWN_CALLS_AFTER_GAP more after
#      waiting out the gateway's breaker window (the probe call); each must
#      answer OK with every school UNAVAILABLE. Then parhub-tasks is started
#      again by rerunning scripts/up.sh (which starts only what is not
#      running) and the script waits until it answers.
#
# It starts nothing else: with the suite down it says how to start it.
#
# Settings (environment): SIZES="100 1000 3500" ROUNDS=20 IN_FLIGHT=32
# DOWN_CALLS=8 DOWN_CALLS_AFTER_GAP=3 BREAKER_GAP_S=3.5 PHASES=setup,measure,down.
# Further arguments go to the binary.
source "$(dirname "$0")/../scripts/lib.sh"

SIZES="${SIZES:-100 1000 3500}"; ROUNDS="${ROUNDS:-20}"; IN_FLIGHT="${IN_FLIGHT:-32}"
DOWN_CALLS="${DOWN_CALLS:-8}"; DOWN_CALLS_AFTER_GAP="${DOWN_CALLS_AFTER_GAP:-3}"
BREAKER_GAP_S="${BREAKER_GAP_S:-3.5}"; PHASES="${PHASES:-setup,measure,down}"
BENCH="$PARHUB_ROOT/build/bench/parhub-overview-bench"
CTL="$PARHUB_ROOT/build/cli/parhubctl"

[ -x "$BENCH" ] || die "no $BENCH; build it with: cmake --build build -j2 --target parhub-overview-bench"
if ! { [ -x "$CTL" ] && "$CTL" --timeout 2 health --addr "127.0.0.1:$GATEWAY_PORT" >/dev/null 2>&1; }; then
  die "nothing healthy on 127.0.0.1:$GATEWAY_PORT: start the suite with: bash scripts/up.sh"
fi
for f in admin.key identity.key parhub_tasks.password tls/gateway.pem tls/gateway.key tls/ca.pem; do
  [ -s "$SECRETS/$f" ] || die "no $SECRETS/$f: start the suite with: bash scripts/up.sh"
done
db_running || die "the local MariaDB does not answer on $DB_SOCKET: bash scripts/up.sh"
has_phase() { [[ ",$PHASES," == *",$1,"* ]]; }

watch_pids() {
  local watch=() name pid
  for name in gateway directory tasks; do
    pid="$(process_pid "$name")" || die "parhub-$name is not running: bash scripts/up.sh"
    watch+=("$name=$pid")
  done
  pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = mariadbd ] && watch+=("mariadb=$pid")
  (IFS=,; echo "${watch[*]}")
}

bench() {
  "$BENCH" --gateway="127.0.0.1:$GATEWAY_PORT" --admin_key_file="$SECRETS/admin.key" \
    --tasks="127.0.0.1:${GRPC_PORT[tasks]}" --directory="127.0.0.1:${GRPC_PORT[directory]}" \
    --identity_key_file="$SECRETS/identity.key" \
    --tls_cert_file="$TLS_DIR/gateway.pem" --tls_key_file="$TLS_DIR/gateway.key" --tls_ca_file="$TLS_DIR/ca.pem" \
    --floor_db_port="$DB_PORT" --floor_db_password_file="$SECRETS/parhub_tasks.password" \
    --in_flight="$IN_FLIGHT" "$@"
}

# Busy CPU seconds of the whole machine (all cores; /proc/stat, all but idle
# and iowait).
machine_busy_s() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}
# The processes using the most CPU over the last seconds (what else runs).
busiest() {
  top -b -n 2 -d 2 -w 250 -o %CPU | awk '/^top -/ { n++ } n == 2 && /^ *[0-9]+ / && $9 > 5 { print "    " $9 "% " $12 }' |
    head -8
}

say "Overview bench: sizes $SIZES, $ROUNDS rounds, old path $IN_FLIGHT in flight; $(nproc) cores shared by" \
  "MariaDB, every service, the gateway, the bench and whatever else runs"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  busiest processes now (>5% CPU):"; busiest
rc=0
if has_phase setup; then
  for n in $SIZES; do bench --phases=setup --schools="$n" "$@" || rc=1; done
fi
if has_phase measure; then
  for n in $SIZES; do
    pids="$(watch_pids)"
    busy_before="$(machine_busy_s)"; start="$(date +%s.%N)"
    bench --phases=measure --schools="$n" --rounds="$ROUNDS" --watch_pids="$pids" "$@" || rc=1
    awk -v b="$busy_before" -v a="$(machine_busy_s)" -v s="$start" -v e="$(date +%s.%N)" \
      'BEGIN { printf "  machine: %.2f of %d cores busy over the %.0f s of this size (everything, the bench included)\n",
        (a - b) / (e - s), '"$(nproc)"', e - s }'
    echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg); busiest processes now (>5% CPU):"; busiest
  done
fi
if has_phase down; then
  largest="$(tr ' ' '\n' <<<"$SIZES" | sort -n | tail -1)"
  pid="$(process_pid tasks)" || die "parhub-tasks is not running: bash scripts/up.sh"
  say "Killing parhub-tasks (pid $pid, SIGKILL) for the fail-fast phase"
  kill -KILL "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  bench --expect_tasks_down --schools="$largest" --rounds="$DOWN_CALLS" "$@" || rc=1
  echo "  (waiting ${BREAKER_GAP_S} s: the breaker's open window ends, the next overview probes tasks)"
  sleep "$BREAKER_GAP_S"
  bench --expect_tasks_down --schools="$largest" --rounds="$DOWN_CALLS_AFTER_GAP" "$@" || rc=1
  say "Starting parhub-tasks again (scripts/up.sh starts only what is not running)"
  restarted="$(date +%s.%N)"
  if ! bash "$PARHUB_ROOT/scripts/up.sh" >"$LOGS/run_overview-up.log" 2>&1; then
    tail -20 "$LOGS/run_overview-up.log" >&2
    die "scripts/up.sh failed (log: .run/logs/run_overview-up.log)"
  fi
  process_pid tasks >/dev/null || die "parhub-tasks did not start again"
  # Healthy again through the gateway: one overview with no school failed.
  for _ in $(seq 1 40); do
    if bench --phases=measure --schools="$largest" --rounds=1 --warmup=0 >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  bench --phases=measure --schools="$largest" --rounds=1 --warmup=0 | grep '^RESULT' || rc=1
  awk -v s="$restarted" -v e="$(date +%s.%N)" 'BEGIN { printf "  tasks up and the overview whole again %.1f s after the restart began\n", e - s }'
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$rc"
