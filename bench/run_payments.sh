#!/usr/bin/env bash
# Finance payments through the gateway (docs/BENCHMARKS.md, "Finance"):
# runs build/bench/parhub-finance-payments-bench against the running suite
# with 64 payments in flight, after checking that MariaDB commits durably
# (innodb_flush_log_at_trx_commit must be 1), and reports the CPU time of
# parhub-gateway, parhub-finance and mariadbd per payment.
#
# It starts nothing: with the suite down it says how to start it
# (bash scripts/up.sh), with the binary missing how to build it.
#
# The bench writes only into a new school of its own
# (schools/bench-fin-<random> under authorities/bench-finance), as the root
# administrator (.run/secrets/admin.key) and then as that school's admin.
#
# Settings (environment): IN_FLIGHT=64 DURATION_S=30 PAYMENTS=0 (> 0: that
# many payments instead of DURATION_S) RETRIES=1 (8: every payment sent 8
# times at once with one request_id) PUPILS=2000 GATEWAY=127.0.0.1:50050.
# Further arguments go to the bench binary.
#
# Group commit side by side: COMPARE=N (e.g. 2) runs N rounds of two runs
# each, one with parhub-finance's group commit on (--group_commit) and one
# with it off (the default), restarting only parhub-finance between runs
# (through scripts/up.sh, which starts what is not running, with
# PARHUB_GROUP_COMMIT set), then prints the RESULT lines side by side and
# leaves finance running as by default (off). Each run also prints
# finance's batches and writes per batch from its /metrics.
#
# The call path's floor beside them: FLOOR=1 (with COMPARE) adds to each
# round a run with --replay_floor, where each caller records one payment
# and then sends that very request again and again: every later call is
# answered as a replay (gateway, identity, finance, one key lookup in
# MariaDB, no writes), the most a payment could ever cost less than.
#
# CPU: the binary samples /proc/<pid>/stat of the three processes at the
# edges of its load phase and prints "cpu_us_per_payment …" for that phase
# alone; this script also reads them before and after the whole run (setup
# included) and prints those figures after the binary's output.
source "$(dirname "$0")/../scripts/lib.sh"

IN_FLIGHT="${IN_FLIGHT:-64}"; DURATION_S="${DURATION_S:-30}"; PAYMENTS="${PAYMENTS:-0}"
RETRIES="${RETRIES:-1}"; PUPILS="${PUPILS:-2000}"; GATEWAY="${GATEWAY:-127.0.0.1:$GATEWAY_PORT}"
BENCH="$PARHUB_ROOT/build/bench/parhub-finance-payments-bench"
CTL="$PARHUB_ROOT/build/cli/parhubctl"

[ -x "$BENCH" ] ||
  die "no $BENCH; build it with: cmake --build build -j2 --target parhub-finance-payments-bench"
if ! { [ -x "$CTL" ] && "$CTL" --timeout 2 health --addr "$GATEWAY" >/dev/null 2>&1; }; then
  die "nothing healthy on $GATEWAY: start the suite with: bash scripts/up.sh"
fi
[ -s "$SECRETS/admin.key" ] || die "no $SECRETS/admin.key: start the suite with: bash scripts/up.sh"
process_pid gateway >/dev/null || die "parhub-gateway is not running: bash scripts/up.sh"
process_pid finance >/dev/null || die "parhub-finance is not running: bash scripts/up.sh"
mariadb_pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || true)"
if ! [[ "$mariadb_pid" =~ ^[0-9]+$ ]] || [ "$(cat "/proc/$mariadb_pid/comm" 2>/dev/null)" != mariadbd ]; then
  die "the local mariadbd is not running (no live pid in .run/mariadb/mariadbd.pid): bash scripts/up.sh"
fi
db_running || die "the local MariaDB does not answer on $DB_SOCKET: bash scripts/up.sh"

# Durability as the numbers claim it: the redo log flushed at every commit.
flush="$(mysql_root -N -B -e 'SELECT @@GLOBAL.innodb_flush_log_at_trx_commit')"
echo "innodb_flush_log_at_trx_commit=$flush"
[ "$flush" = 1 ] || die "innodb_flush_log_at_trx_commit is $flush, not 1: payments would not be durable at commit"

# cpu_seconds PID: user + system CPU seconds from /proc/PID/stat (fields 14
# and 15; the command name in parentheses may hold spaces, so cut after it).
tick="$(getconf CLK_TCK)"
cpu_seconds() {
  local rest
  rest="$(sed 's/^.*) //' "/proc/$1/stat")"
  awk -v t="$tick" '{ printf "%.3f", ($12 + $13) / t }' <<<"$rest"
}

out="$(mktemp -t parhub-finance-payments.XXXXXX)"
results="$(mktemp -t parhub-finance-results.XXXXXX)"
trap 'rm -f "$out" "$results"' EXIT

# group_commit_counts: "batches units" from finance's /metrics (0 0 when off).
group_commit_counts() {
  { curl -s "http://127.0.0.1:${METRICS_PORT[finance]}/metrics" || true; } | awk '
    $1 == "parhub_group_commit_batches_total" { b = $2 }
    $1 == "parhub_group_commit_units_total" { u = $2 }
    END { printf "%d %d\n", b, u }'
}

# one_run LABEL: the bench once against the running suite; appends
# "LABEL RESULT…" to $results and returns the bench's exit status.
one_run() {
  local label="$1" gc_before gc_after
  gateway_pid="$(process_pid gateway)" || die "parhub-gateway is not running: bash scripts/up.sh"
  finance_pid="$(process_pid finance)" || die "parhub-finance is not running: bash scripts/up.sh"
  say "Finance payments ($label): $IN_FLIGHT in flight x $RETRIES copies," \
    "$([ "$PAYMENTS" -gt 0 ] && echo "$PAYMENTS payments" || echo "${DURATION_S}s"), $PUPILS invoices;" \
    "$(nproc) cores shared by MariaDB, the services, the gateway and the bench"
  gc_before="$(group_commit_counts)"
  before_gw="$(cpu_seconds "$gateway_pid")"; before_fin="$(cpu_seconds "$finance_pid")"
  before_db="$(cpu_seconds "$mariadb_pid")"
  set +e
  "$BENCH" --gateway="$GATEWAY" --admin_key_file="$SECRETS/admin.key" --in_flight="$IN_FLIGHT" \
    --retries="$RETRIES" --duration_s="$DURATION_S" --payments="$PAYMENTS" --pupils="$PUPILS" \
    --watch_pids="gateway=$gateway_pid,finance=$finance_pid,mariadb=$mariadb_pid" "${BENCH_ARGS[@]}" | tee "$out"
  rc="${PIPESTATUS[0]}"
  set -e
  after_gw="$(cpu_seconds "$gateway_pid")"; after_fin="$(cpu_seconds "$finance_pid")"
  after_db="$(cpu_seconds "$mariadb_pid")"
  gc_after="$(group_commit_counts)"

  payments="$(sed -n 's/^payments_acknowledged=\([0-9]*\)$/\1/p' "$out" | head -1)"
  echo
  echo "whole run, setup included (/proc/<pid>/stat before and after the bench):"
  awk -v n="${payments:-0}" -v g="$before_gw" -v G="$after_gw" -v f="$before_fin" -v F="$after_fin" \
    -v d="$before_db" -v D="$after_db" 'BEGIN {
      printf "cpu_s gateway=%.2f finance=%.2f mariadb=%.2f\n", G - g, F - f, D - d
      if (n > 0) printf "cpu_us_per_payment gateway=%.0f finance=%.0f mariadb=%.0f (over %d payments, setup included)\n",
        (G - g) * 1e6 / n, (F - f) * 1e6 / n, (D - d) * 1e6 / n, n
    }'
  echo "(the bench's own \"cpu_us_per_payment\" line above covers the load phase only)"
  read -r b0 u0 <<<"$gc_before"; read -r b1 u1 <<<"$gc_after"
  awk -v b=$((b1 - b0)) -v u=$((u1 - u0)) 'BEGIN {
    if (b > 0) printf "group_commit batches=%d writes=%d writes_per_batch=%.1f\n", b, u, u / b
    else print "group_commit batches=0 (off, or no payment reached finance)" }'
  echo "$label $(grep '^RESULT ' "$out" | tail -1) $(grep '^cpu_us_per_payment' "$out" | head -1)" >>"$results"
  return "$rc"
}

# restart_finance on|off: parhub-finance again, with group commit on or off.
restart_finance() {
  restart_process finance PARHUB_GROUP_COMMIT="$([ "$1" = on ] && echo true || echo false)"
}

BENCH_ARGS=("$@")
if [ "${FLOOR:-0}" = 1 ] && [ "${COMPARE:-0}" -eq 0 ]; then
  die "FLOOR=1 runs beside the payments of COMPARE=N (e.g. COMPARE=1 FLOOR=1); alone, pass --replay_floor"
fi
if [ "${COMPARE:-0}" -eq 0 ]; then
  one_run "as-running"
  exit $?
fi
status=0
for round in $(seq 1 "$COMPARE"); do
  for mode in on off; do
    restart_finance "$mode"
    one_run "round=$round group_commit=$mode" || status=1
  done
  if [ "${FLOOR:-0}" = 1 ]; then
    BENCH_ARGS=("$@" --replay_floor)
    one_run "round=$round replay_floor" || status=1
    BENCH_ARGS=("$@")
  fi
done
restart_finance off
say "Side by side (same machine, same run)"
cat "$results"
exit "$status"
