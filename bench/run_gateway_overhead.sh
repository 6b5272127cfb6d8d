#!/usr/bin/env bash
# Gateway overhead, side by side in one run: interleaved rounds of GetTask and
# CreateTask against the running suite (scripts/up.sh), each once directly to
# the tasks service (signed identity) and once through the gateway (API key),
# same concurrency and duration. Prints every round, then per scenario the
# median gateway/direct throughput ratio against the 80 % target.
# Each measured window also reports the CPU milliseconds per successful call
# spent by the load generator, tasks, gateway, directory and MariaDB.
#
# Settings (environment): ROUNDS=3 DURATION=10s WARMUP=2s CONCURRENCY=16
# CHANNELS=1 ACCOUNT=ht-mn-2010 SCHOOL=mn-2010 READ_PLAN=par-2024
# DIRECT=127.0.0.1:50052 GATEWAY=127.0.0.1:50050 RESULTS=<file for JSON lines>
source "$(dirname "$0")/../scripts/lib.sh"

ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-10s}"; WARMUP="${WARMUP:-2s}"
CONCURRENCY="${CONCURRENCY:-16}"; CHANNELS="${CHANNELS:-1}"
ACCOUNT="${ACCOUNT:-ht-mn-2010}"; SCHOOL="${SCHOOL:-mn-2010}"; READ_PLAN="${READ_PLAN:-par-2024}"
DIRECT="${DIRECT:-127.0.0.1:50052}"; GATEWAY="${GATEWAY:-127.0.0.1:50050}"
SECRETS="$RUN_DIR/secrets"; PIDS="$RUN_DIR/pids"
LOADGEN="$PARHUB_ROOT/build/bench/parhub-loadgen"; CTL="$PARHUB_ROOT/build/cli/parhubctl"
RESULTS="${RESULTS:-$(mktemp -t parhub-bench.XXXXXX)}"

[ -x "$LOADGEN" ] || cmake --build "$PARHUB_ROOT/build" -j "${PARHUB_JOBS:-2}" --target parhub-loadgen
for addr in "$GATEWAY" "$DIRECT"; do
  "$CTL" --timeout 2 health --addr "$addr" >/dev/null 2>&1 ||
    die "nothing healthy on $addr; start the suite with scripts/up.sh"
done
API_KEY="$(grep "^$ACCOUNT=" "$SECRETS/demo-keys.env" | cut -d= -f2-)"
[ -n "$API_KEY" ] || die "no key for $ACCOUNT in .run/secrets/demo-keys.env"
WATCH="mariadb=$(cat "$DB_DIR/mariadbd.pid")"
for svc in tasks gateway directory; do WATCH="$WATCH,$svc=$(cat "$PIDS/$svc.pid")"; done

say "Gateway overhead: $ROUNDS rounds x {get_task, create_task} x {direct, gateway}," \
  "concurrency $CONCURRENCY, $WARMUP warm-up + $DURATION each; $(nproc) cores shared by" \
  "MariaDB, directory, tasks, gateway and the load generator"
: >"$RESULTS"
run() {  # round scenario via
  local target="$DIRECT"; [ "$3" = gateway ] && target="$GATEWAY"
  PARHUB_API_KEY="$API_KEY" "$LOADGEN" --via="$3" --target="$target" --scenario="$2" \
    --identity_key_file="$SECRETS/identity.key" --school="$SCHOOL" --account="accounts/$ACCOUNT" \
    --read_plan="$READ_PLAN" --concurrency="$CONCURRENCY" --channels="$CHANNELS" \
    --duration="$DURATION" --warmup="$WARMUP" --watch_pids="$WATCH" --label="round $1" --json \
    >"$RESULTS.out" 2>"$RESULTS.err" || { cat "$RESULTS.out" "$RESULTS.err" >&2; die "run failed"; }
  head -1 "$RESULTS.out" >&2
  sed 's/^/  /' "$RESULTS.err" >&2
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(tail -1 "$RESULTS.out")" >>"$RESULTS"
}
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which side goes first so drift (e.g. a growing table) hits both.
  if [ $((round % 2)) = 1 ]; then order="direct gateway"; else order="gateway direct"; fi
  for scenario in get_task create_task; do
    for via in $order; do run "$round" "$scenario" "$via"; done
  done
done
rm -f "$RESULTS.out" "$RESULTS.err"

echo
echo "Gateway overhead, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all processes;" \
  "concurrency $CONCURRENCY, $DURATION per round after $WARMUP warm-up"
awk -F'\t' -v target=0.80 '
  function num(json, key,   m) {  # a top-level number, or a process cpu_ms_per_call
    if (match(json, "\"" key "\":\\{\"cpu_s\":[0-9.]+,\"cpu_ms_per_call\":[0-9.]+")) {
      m = substr(json, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0
    }
    if (match(json, "\"" key "\":[0-9.]+")) { m = substr(json, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0 }
    return -1
  }
  function median(list, n,   i, j, t, a) {
    for (i = 1; i <= n; i++) a[i] = list[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  BEGIN {
    printf "%-5s %-11s %-7s %9s %6s %7s %7s %7s | %-37s\n", "round", "scenario", "via", "calls/s",
      "errors", "p50 ms", "p90 ms", "p99 ms", "CPU ms per call: loadgen tasks gw dir db"
  }
  {
    j = $4; r = $1; s = $2; v = $3
    printf "%-5s %-11s %-7s %9.1f %6d %7.2f %7.2f %7.2f | %7.3f %5.3f %5.3f %5.3f %5.3f\n", r, s, v,
      num(j, "throughput"), num(j, "errors"), num(j, "p50_ms"), num(j, "p90_ms"), num(j, "p99_ms"),
      num(j, "loadgen"), num(j, "tasks"), num(j, "gateway"), num(j, "directory"), num(j, "mariadb")
    tput[s, v, r] = num(j, "throughput"); rounds[r] = 1; scen[s] = 1
  }
  END {
    print ""
    printf "%-11s %16s %16s %22s %s\n", "scenario", "direct (median)", "gateway (median)",
      "gateway/direct (median)", "per-round ratios"
    for (s in scen) {
      n = 0; nd = 0; ng = 0; list = ""
      for (r in rounds) {
        d[++nd] = tput[s, "direct", r]; g[++ng] = tput[s, "gateway", r]
        ratio[++n] = tput[s, "direct", r] > 0 ? tput[s, "gateway", r] / tput[s, "direct", r] : 0
        list = list sprintf(" %.2f", ratio[n])
      }
      m = median(ratio, n)
      printf "%-11s %16.1f %16.1f %21.0f%% %s  %s\n", s, median(d, nd), median(g, ng), 100 * m, list,
        m >= target ? "meets the 80% target" : "MISSES the 80% target"
    }
  }' "$RESULTS"
echo "(JSON lines of every round: $RESULTS)"
