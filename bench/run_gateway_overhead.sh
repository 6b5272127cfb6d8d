#!/usr/bin/env bash
# Gateway overhead, side by side in one run: interleaved rounds of GetTask and
# CreateTask against the running suite (scripts/up.sh), each once directly to
# the tasks service (signed identity) and once through the gateway (API key),
# same concurrency and duration. Prints every round, then per scenario the
# median gateway/direct throughput ratio against the targets (GetTask 85 %,
# CreateTask 90 %). Each measured window also reports the CPU milliseconds per
# successful call spent by the load generator, tasks, gateway, directory and
# MariaDB. Direct calls are mutual TLS with the gateway's certificate, as the
# gateway itself calls.
#
# UNCACHED=1 adds a third side in every round: a second tasks process on
# UNCACHED_PORT (50062) over the same database with --db_statement_cache=0
# (Connector/C++ prepares every statement anew), called directly, so the
# prepared-statement cache's saving in tasks and MariaDB CPU per call is
# measured side by side with the cached process.
#
# The calls act on a school of their own, never on the demo schools: the
# CreateTask rounds add a plan bench-<run> with thousands of tasks, which
# would otherwise fill a principal's plan list. Unless SCHOOL is given, the
# script makes (once, as the suite's administrator, through the gateway's
# HTTP API) the authority bench-tasks, its school bench-tasks, the school's
# admin bench-tasks-ht with an API key kept in .run/secrets/bench-keys.env,
# and the plan par-<this year> the GetTask rounds read.
#
# Settings (environment): ROUNDS=3 DURATION=10s WARMUP=2s CONCURRENCY=16
# CHANNELS=1 SCHOOL=bench-tasks ACCOUNT=bench-tasks-ht READ_PLAN=par-<year>
# (with SCHOOL set: ACCOUNT's key from demo-keys.env or bench-keys.env)
# DIRECT=127.0.0.1:50052 GATEWAY=127.0.0.1:50050 HTTP=127.0.0.1:8080
# UNCACHED=0 UNCACHED_PORT=50062 RESULTS=<file for JSON lines>
source "$(dirname "$0")/../scripts/lib.sh"

ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-10s}"; WARMUP="${WARMUP:-2s}"
CONCURRENCY="${CONCURRENCY:-16}"; CHANNELS="${CHANNELS:-1}"
YEAR="$(date +%Y)"
ACCOUNT="${ACCOUNT:-bench-tasks-ht}"; SCHOOL="${SCHOOL:-bench-tasks}"; READ_PLAN="${READ_PLAN:-par-$YEAR}"
DIRECT="${DIRECT:-127.0.0.1:50052}"; GATEWAY="${GATEWAY:-127.0.0.1:50050}"; HTTP="${HTTP:-127.0.0.1:8080}"
UNCACHED="${UNCACHED:-0}"; UNCACHED_PORT="${UNCACHED_PORT:-50062}"
SECRETS="$RUN_DIR/secrets"; PIDS="$RUN_DIR/pids"; TLS="$RUN_DIR/secrets/tls"
LOADGEN="$PARHUB_ROOT/build/bench/parhub-loadgen"; CTL="$PARHUB_ROOT/build/cli/parhubctl"
RESULTS="${RESULTS:-$(mktemp -t parhub-bench.XXXXXX)}"

[ -x "$LOADGEN" ] || cmake --build "$PARHUB_ROOT/build" -j "${PARHUB_JOBS:-2}" --target parhub-loadgen
"$CTL" --timeout 2 health --addr "$GATEWAY" >/dev/null 2>&1 ||
  die "nothing healthy on $GATEWAY; start the suite with scripts/up.sh"
"$CTL" --timeout 2 health --addr "$DIRECT" --tls-ca "$TLS/ca.pem" >/dev/null 2>&1 ||
  die "nothing healthy on $DIRECT; start the suite with scripts/up.sh"
# The bench school, its admin and key, and the plan to read: made once, kept.
ensure_bench_school() {
  local admin post key
  admin="$(cat "$SECRETS/admin.key")" || die "no $SECRETS/admin.key: start the suite with scripts/up.sh"
  post() {  # path body: POST as the administrator; 200, or 409 (exists) is fine
    local code
    code="$(curl -s -o "$RESULTS.http" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" \
      -H 'Content-Type: application/json' --data "$2" "http://$HTTP$1")"
    [ "$code" = 200 ] || [ "$code" = 409 ] || die "POST $1: HTTP $code $(cat "$RESULTS.http")"
  }
  post "/v1/authorities?authorityId=bench-tasks&requestId=bench-tasks-authority" \
    '{"code":"bench-tasks","displayName":"Đơn vị thử tải nhiệm vụ (benchmark)","parent":"authorities/hcm","kind":"ward"}'
  post "/v1/schools?schoolId=bench-tasks&requestId=bench-tasks-school" \
    '{"code":"BENCHTASKS","displayName":"Trường thử tải nhiệm vụ (benchmark)","level":"SCHOOL_LEVEL_PRIMARY","authority":"authorities/bench-tasks"}'
  post "/v1/accounts?accountId=bench-tasks-ht&requestId=bench-tasks-account" \
    '{"displayName":"Quản trị trường thử tải (benchmark)","role":"ROLE_SCHOOL_ADMIN","school":"schools/bench-tasks"}'
  touch "$SECRETS/bench-keys.env" && chmod 600 "$SECRETS/bench-keys.env"
  if ! grep -q '^bench-tasks-ht=' "$SECRETS/bench-keys.env"; then
    post "/v1/accounts/bench-tasks-ht/apiKeys" "{\"requestId\":\"bench-tasks-key-$(date +%s)\"}"
    key="$(sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p' "$RESULTS.http")"
    [ -n "$key" ] || die "no API key in $(cat "$RESULTS.http")"
    echo "bench-tasks-ht=$key" >>"$SECRETS/bench-keys.env"
  fi
  rm -f "$RESULTS.http"
  PARHUB_API_KEY="$(grep '^bench-tasks-ht=' "$SECRETS/bench-keys.env" | cut -d= -f2-)" \
    "$CTL" --gateway "$GATEWAY" plans instantiate --school bench-tasks --id "par-$YEAR" --year "$YEAR" \
    --number "01/KH-BENCH" --issue-date "$YEAR-01-02" --issuer "Trường thử tải nhiệm vụ (benchmark)" \
    >/dev/null || die "cannot make the plan par-$YEAR of the bench school"
}
[ "$SCHOOL" = bench-tasks ] && ensure_bench_school
API_KEY="$(cat "$SECRETS/demo-keys.env" "$SECRETS/bench-keys.env" 2>/dev/null | grep "^$ACCOUNT=" | head -1 | cut -d= -f2-)"
[ -n "$API_KEY" ] || die "no key for $ACCOUNT in .run/secrets/demo-keys.env or bench-keys.env"
WATCH="mariadb=$(cat "$DB_DIR/mariadbd.pid")"
for svc in gateway directory; do WATCH="$WATCH,$svc=$(cat "$PIDS/$svc.pid")"; done
TASKS_PID="$(cat "$PIDS/tasks.pid")"
sides="direct gateway"
if [ "$UNCACHED" = 1 ]; then
  # The same tasks binary and settings (its environment, secrets as file
  # paths), on another port and without the statement cache.
  mapfile -t tasks_env < <(tr '\0' '\n' <"/proc/$TASKS_PID/environ" | grep '^PARHUB_')
  env -i PATH="$PATH" "${tasks_env[@]}" PARHUB_LISTEN="127.0.0.1:$UNCACHED_PORT" PARHUB_METRICS_LISTEN=off \
    PARHUB_DB_STATEMENT_CACHE=0 "$(readlink "/proc/$TASKS_PID/exe")" >"$RUN_DIR/logs/tasks-uncached.log" 2>&1 &
  UNCACHED_PID=$!
  trap 'kill -TERM "$UNCACHED_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    "$CTL" --timeout 2 health --addr "127.0.0.1:$UNCACHED_PORT" --tls-ca "$TLS/ca.pem" >/dev/null 2>&1 && break
    sleep 0.5
  done
  sides="direct uncached gateway"
fi

say "Gateway overhead: $ROUNDS rounds x {get_task, create_task} x {${sides// /, }}," \
  "concurrency $CONCURRENCY, $WARMUP warm-up + $DURATION each; $(nproc) cores shared by" \
  "MariaDB, directory, tasks, gateway and the load generator"
: >"$RESULTS"
run() {  # round scenario side
  local target="$DIRECT" via=direct tasks_pid="$TASKS_PID"
  [ "$3" = gateway ] && { target="$GATEWAY"; via=gateway; }
  [ "$3" = uncached ] && { target="127.0.0.1:$UNCACHED_PORT"; tasks_pid="$UNCACHED_PID"; }
  PARHUB_API_KEY="$API_KEY" "$LOADGEN" --via="$via" --target="$target" --scenario="$2" \
    --identity_key_file="$SECRETS/identity.key" --school="$SCHOOL" --account="accounts/$ACCOUNT" \
    --tls_cert_file="$TLS/gateway.pem" --tls_key_file="$TLS/gateway.key" --tls_ca_file="$TLS/ca.pem" \
    --read_plan="$READ_PLAN" --concurrency="$CONCURRENCY" --channels="$CHANNELS" \
    --duration="$DURATION" --warmup="$WARMUP" --watch_pids="$WATCH,tasks=$tasks_pid" --label="round $1" --json \
    >"$RESULTS.out" 2>"$RESULTS.err" || { cat "$RESULTS.out" "$RESULTS.err" >&2; die "run failed"; }
  head -1 "$RESULTS.out" >&2
  sed 's/^/  /' "$RESULTS.err" >&2
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(tail -1 "$RESULTS.out")" >>"$RESULTS"
}
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which side goes first so drift (e.g. a growing table) hits both.
  if [ $((round % 2)) = 1 ]; then order="$sides"; else order="$(echo "$sides" | tr ' ' '\n' | tac | tr '\n' ' ')"; fi
  for scenario in get_task create_task; do
    for via in $order; do run "$round" "$scenario" "$via"; done
  done
done
rm -f "$RESULTS.out" "$RESULTS.err"

echo
echo "Gateway overhead, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by all processes;" \
  "concurrency $CONCURRENCY, $DURATION per round after $WARMUP warm-up"
awk -F'\t' '
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
    printf "%-5s %-11s %-8s %9s %6s %7s %7s %7s | %-37s\n", "round", "scenario", "side", "calls/s",
      "errors", "p50 ms", "p90 ms", "p99 ms", "CPU ms per call: loadgen tasks gw dir db"
  }
  {
    j = $4; r = $1; s = $2; v = $3
    printf "%-5s %-11s %-8s %9.1f %6d %7.2f %7.2f %7.2f | %7.3f %5.3f %5.3f %5.3f %5.3f\n", r, s, v,
      num(j, "throughput"), num(j, "errors"), num(j, "p50_ms"), num(j, "p90_ms"), num(j, "p99_ms"),
      num(j, "loadgen"), num(j, "tasks"), num(j, "gateway"), num(j, "directory"), num(j, "mariadb")
    tput[s, v, r] = num(j, "throughput"); rounds[r] = 1; scen[s] = 1
    if (v == "direct" || v == "uncached") {
      cpu_t[s, v] += num(j, "tasks"); cpu_db[s, v] += num(j, "mariadb"); cpu_n[s, v]++
    }
  }
  END {
    print ""
    printf "%-11s %16s %16s %22s %s\n", "scenario", "direct (median)", "gateway (median)",
      "gateway/direct (median)", "per-round ratios"
    for (s in scen) {
      target = s == "get_task" ? 0.85 : 0.90
      n = 0; nd = 0; ng = 0; list = ""
      for (r in rounds) {
        d[++nd] = tput[s, "direct", r]; g[++ng] = tput[s, "gateway", r]
        ratio[++n] = tput[s, "direct", r] > 0 ? tput[s, "gateway", r] / tput[s, "direct", r] : 0
        list = list sprintf(" %.2f", ratio[n])
      }
      m = median(ratio, n)
      printf "%-11s %16.1f %16.1f %21.0f%% %s  %s %d%% target\n", s, median(d, nd), median(g, ng), 100 * m, list,
        m >= target ? "meets the" : "MISSES the", 100 * target
    }
    for (s in scen) {
      if (cpu_n[s, "uncached"] == 0) continue
      printf "%-11s statement cache, mean CPU ms per call: tasks %.3f cached vs %.3f uncached, MariaDB %.3f vs %.3f\n", s,
        cpu_t[s, "direct"] / cpu_n[s, "direct"], cpu_t[s, "uncached"] / cpu_n[s, "uncached"],
        cpu_db[s, "direct"] / cpu_n[s, "direct"], cpu_db[s, "uncached"] / cpu_n[s, "uncached"]
    }
  }' "$RESULTS"
echo "(JSON lines of every round: $RESULTS)"
