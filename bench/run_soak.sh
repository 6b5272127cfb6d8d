#!/usr/bin/env bash
# Soak (docs/BENCHMARKS.md, "Soak"): a bounded mixed load through the running
# suite's gateway with the resident memory of every parhub process and of
# mariadbd sampled throughout, judged against the targets: memory growth
# after the warm-up ≤ 10 %, every service ≤ 64 MiB resident idle and
# ≤ 256 MiB under load.
#
# It starts nothing: with the suite down it says how to start it
# (PARHUB_KEY_RATE_PER_S=0 bash scripts/up.sh — the gateway's default budget
# of 100 calls a second per API key would otherwise refuse part of the
# load), with the binary missing how to build it. It records each process's
# idle VmRSS (/proc/<pid>/status) before the load, then runs
# build/bench/parhub-soak-bench, which prints a line per interval and, at the
# end, the calls per op, the memory table (idle, max under load, end of
# warm-up, end, growth), the verdicts and the RESULT line.
#
# The reads look at the demo data (the principal of mn-2010, the officer of
# Phường Bến Thành); every write goes into a new school of the bench's own
# (schools/bench-fin-<random> under authorities/bench-finance).
#
# Settings (environment): DURATION_S=1800 RATE=200 (calls started a second,
# open loop) INTERVAL_S=60 RSS_PERIOD_S=10 GATEWAY=127.0.0.1:50050
# RSS_CSV=.run/soak/rss.csv (the memory curve: t_s,process,rss_kib)
# RSS_SVG= (a chart of it, e.g. docs/images/soak-rss.svg; empty: none).
# Further arguments go to the bench binary (e.g. --mix=forecast=0).
source "$(dirname "$0")/../scripts/lib.sh"

DURATION_S="${DURATION_S:-1800}"; RATE="${RATE:-200}"; INTERVAL_S="${INTERVAL_S:-60}"
RSS_PERIOD_S="${RSS_PERIOD_S:-10}"; GATEWAY="${GATEWAY:-127.0.0.1:$GATEWAY_PORT}"
RSS_CSV="${RSS_CSV:-$RUN_DIR/soak/rss.csv}"; RSS_SVG="${RSS_SVG:-}"
BENCH="$PARHUB_ROOT/build/bench/parhub-soak-bench"
CTL="$PARHUB_ROOT/build/cli/parhubctl"

[ -x "$BENCH" ] || die "no $BENCH; build it with: cmake --build build -j2 --target parhub-soak-bench"
if ! { [ -x "$CTL" ] && "$CTL" --timeout 2 health --addr "$GATEWAY" >/dev/null 2>&1; }; then
  die "nothing healthy on $GATEWAY: start the suite with: PARHUB_KEY_RATE_PER_S=0 bash scripts/up.sh"
fi
[ -s "$SECRETS/admin.key" ] || die "no $SECRETS/admin.key: start the suite with: bash scripts/up.sh"
[ -s "$SECRETS/demo-keys.env" ] || die "no $SECRETS/demo-keys.env (the demo data): bash scripts/up.sh"

# Every process of the suite, found through its pid file like
# bench/run_payments.sh does, and the local mariadbd.
watch=()
for name in "${SERVICES[@]}" gateway; do
  pid="$(process_pid "$name")" || die "parhub-$name is not running: bash scripts/up.sh"
  watch+=("$name=$pid")
done
mariadb_pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || true)"
if ! [[ "$mariadb_pid" =~ ^[0-9]+$ ]] || [ "$(cat "/proc/$mariadb_pid/comm" 2>/dev/null)" != mariadbd ]; then
  die "the local mariadbd is not running (no live pid in .run/mariadb/mariadbd.pid): bash scripts/up.sh"
fi
watch+=("mariadb=$mariadb_pid")

# rss_kib PID: VmRSS of PID in KiB.
rss_kib() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status"; }

say "Idle resident memory (VmRSS before the load)"
idle=()
for item in "${watch[@]}"; do
  kib="$(rss_kib "${item#*=}")"
  idle+=("${item%%=*}=$kib")
  printf '  %-11s %8.1f MiB\n' "${item%%=*}" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
done

mkdir -p "$(dirname "$RSS_CSV")"
# The memory curve's files and the load at the end go to stderr, so the
# RESULT line stays the last line of stdout.
trap 'say "memory curve: $RSS_CSV${RSS_SVG:+, chart: $RSS_SVG}; load average now: $(cut -d" " -f1-3 /proc/loadavg)"' EXIT
say "Soak: $RATE calls/s for ${DURATION_S}s, a line every ${INTERVAL_S}s;" \
  "$(nproc) cores shared by MariaDB, the services, the gateway, the bench and whatever else runs" \
  "(load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
"$BENCH" --gateway="$GATEWAY" --admin_key_file="$SECRETS/admin.key" \
  --demo_keys_file="$SECRETS/demo-keys.env" --rate="$RATE" --duration_s="$DURATION_S" \
  --interval_s="$INTERVAL_S" --rss_period_s="$RSS_PERIOD_S" \
  --watch_pids="$(IFS=,; echo "${watch[*]}")" --idle_rss_kib="$(IFS=,; echo "${idle[*]}")" \
  --rss_csv="$RSS_CSV" --rss_svg="$RSS_SVG" "$@"
