#!/usr/bin/env bash
# The reporting service's targets against the running suite
# (docs/BENCHMARKS.md, "Reporting"): runs build/bench/parhub-reporting-bench
#   1. setup: SCHOOLS bench schools under authorities/bench-reporting,
#      through the gateway with the root administrator's key (idempotent: a
#      rerun creates only what is missing);
#   2. generate: GenerateReport of FAMILY YEAR PERIOD (cchc 2026 q3) for every
#      bench school, IN_FLIGHT at a time, called directly on parhub-reporting
#      over mutual TLS (the gateway's certificate) with identities signed
#      as each school's admin, with the CPU of every process of the suite;
#   3. forecast: GetParForecast of FORECAST_SCHOOLS, FORECAST_CALLS times
#      each, one after the other;
#   4. probe: each pull reporting makes for a report, timed alone.
# Around the generate phase it reads MariaDB's global counters (statements,
# commits, InnoDB fsyncs) and prints them per report; with DB_USER_STATS=1
# also per service account (see below).
#
# It starts nothing: with the suite down it says how to start it
# (bash scripts/up.sh), with the binary missing how to build it.
#
# With COMPARE=N the generate phase runs 2N times instead, side by side:
# each round restarts parhub-reporting (through scripts/up.sh) with
# --report_forecast_max_age_minutes=0 (every report recomputes its forecast,
# pulling every service a second time) and then with 15 (a report reuses the
# school's stored forecast: the run before has just stored one for every
# school, as the 15-minute schedule keeps them in service), then prints the
# RESULT lines together. parhub-reporting is left running with 15.
#
# Settings (environment): SCHOOLS=3500 IN_FLIGHT=32 FAMILY=cchc YEAR=2026
# PERIOD=q3 FORECAST_SCHOOLS=mn-2010,first FORECAST_CALLS=200 PROBE_CALLS=50
# PHASES=setup,generate,forecast,probe DB_USER_STATS=0 COMPARE=0. Further
# arguments go to the binary.
source "$(dirname "$0")/../scripts/lib.sh"

SCHOOLS="${SCHOOLS:-3500}"; IN_FLIGHT="${IN_FLIGHT:-32}"; FAMILY="${FAMILY:-cchc}"; YEAR="${YEAR:-2026}"
PERIOD="${PERIOD:-q3}"; FORECAST_SCHOOLS="${FORECAST_SCHOOLS:-mn-2010,first}"
FORECAST_CALLS="${FORECAST_CALLS:-200}"; PROBE_CALLS="${PROBE_CALLS:-50}"
PHASES="${PHASES:-setup,generate,forecast,probe}"
BENCH="$PARHUB_ROOT/build/bench/parhub-reporting-bench"
CTL="$PARHUB_ROOT/build/cli/parhubctl"

[ -x "$BENCH" ] || die "no $BENCH; build it with: cmake --build build -j2 --target parhub-reporting-bench"
if ! { [ -x "$CTL" ] && "$CTL" --timeout 2 health --addr "127.0.0.1:$GATEWAY_PORT" >/dev/null 2>&1; }; then
  die "nothing healthy on 127.0.0.1:$GATEWAY_PORT: start the suite with: bash scripts/up.sh"
fi
for f in admin.key identity.key tls/gateway.pem tls/gateway.key tls/ca.pem; do
  [ -s "$SECRETS/$f" ] || die "no $SECRETS/$f: start the suite with: bash scripts/up.sh"
done
# The pids whose CPU the bench reads (again after a restart).
watch_pids() {
  watch=()
  local name pid
  for name in reporting directory tasks staffing finance complaints gateway; do
    pid="$(process_pid "$name")" || die "parhub-$name is not running: bash scripts/up.sh"
    watch+=("$name=$pid")
  done
  watch+=("mariadb=$mariadb_pid")
}
mariadb_pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || true)"
if ! [[ "$mariadb_pid" =~ ^[0-9]+$ ]] || [ "$(cat "/proc/$mariadb_pid/comm" 2>/dev/null)" != mariadbd ]; then
  die "the local mariadbd is not running (no live pid in .run/mariadb/mariadbd.pid): bash scripts/up.sh"
fi
watch_pids
db_running || die "the local MariaDB does not answer on $DB_SOCKET: bash scripts/up.sh"

bench() {
  "$BENCH" --gateway="127.0.0.1:$GATEWAY_PORT" --admin_key_file="$SECRETS/admin.key" \
    --reporting="127.0.0.1:${GRPC_PORT[reporting]}" --identity_key_file="$SECRETS/identity.key" \
    --tls_cert_file="$TLS_DIR/gateway.pem" --tls_key_file="$TLS_DIR/gateway.key" --tls_ca_file="$TLS_DIR/ca.pem" \
    --probe_targets="$(sources_of reporting)" --schools="$SCHOOLS" --in_flight="$IN_FLIGHT" \
    --family="$FAMILY" --year="$YEAR" --period="$PERIOD" --forecast_schools="$FORECAST_SCHOOLS" \
    --forecast_calls="$FORECAST_CALLS" --probe_calls="$PROBE_CALLS" \
    --watch_pids="$(IFS=,; echo "${watch[*]}")" "$@"
}

# MariaDB's global counters the generate phase moves: one line "name value".
db_counters() {
  mysql_root -N -B -e "SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
    WHERE VARIABLE_NAME IN ('COM_STMT_EXECUTE','COM_SELECT','COM_INSERT','COM_UPDATE','COM_COMMIT',
                            'INNODB_DATA_FSYNCS','QUESTIONS')"
}
# With DB_USER_STATS=1, MariaDB's per-account statistics (userstat) are
# switched on for the run and restored after it: each service has its own
# account (parhub_<service>), so the database's CPU and statements split by
# service. Off by default: it is a setting of the server, if a harmless one.
db_user_stats() {
  mysql_root -N -B -e "SELECT USER, CPU_TIME, BUSY_TIME, SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS,
    COMMIT_TRANSACTIONS, ROWS_READ FROM information_schema.USER_STATISTICS WHERE USER LIKE 'parhub\\_%'"
}
if [ "${DB_USER_STATS:-0}" = 1 ]; then
  userstat_was="$(mysql_root -N -B -e 'SELECT @@GLOBAL.userstat')"
  mysql_root -e 'SET GLOBAL userstat = 1'
  trap 'mysql_root -e "SET GLOBAL userstat = $userstat_was"' EXIT
fi

say "Reporting bench: $SCHOOLS schools, $IN_FLIGHT in flight, $FAMILY $YEAR $PERIOD; $(nproc) cores shared by" \
  "MariaDB, every service, the gateway and the bench"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "innodb_flush_log_at_trx_commit=$(mysql_root -N -B -e 'SELECT @@GLOBAL.innodb_flush_log_at_trx_commit')"
rc=0
run_phase() {  # run_phase PHASE [args…]
  local phase="$1"; shift
  case ",$PHASES," in *",$phase,"*) ;; *) return 0 ;; esac
  bench --phases="$phase" "$@" || rc=1
}
run_phase setup "$@"
# generate_run [args…]: the generate phase with MariaDB's counters around it.
generate_run() {
  before="$(db_counters)"
  [ "${DB_USER_STATS:-0}" = 1 ] && users_before="$(db_user_stats)"
  run_phase generate "$@" > >(tee -a "$results_log")
  wait $!  # tee has written everything
  after="$(db_counters)"
  echo "  mariadb per report (global counters, every schema; $SCHOOLS reports):"
  join <(sort <<<"$before") <(sort <<<"$after") |
    awk -v n="$SCHOOLS" '{ printf "    %-22s %8.1f\n", $1, ($3 - $2) / n }'
  if [ "${DB_USER_STATS:-0}" = 1 ]; then
    echo "  mariadb per report by account (userstat): cpu_ms busy_ms selects updates other commits rows_read"
    awk -v n="$SCHOOLS" 'NR == FNR { for (i = 2; i <= 8; i++) b[$1, i] = $i; next }
      NF == 8 { printf "    %-20s %7.2f %7.2f %7.1f %7.1f %7.1f %7.1f %9.1f\n", $1, ($2 - b[$1, 2]) * 1000 / n,
        ($3 - b[$1, 3]) * 1000 / n, ($4 - b[$1, 4]) / n, ($5 - b[$1, 5]) / n, ($6 - b[$1, 6]) / n,
        ($7 - b[$1, 7]) / n, ($8 - b[$1, 8]) / n }' <(echo "$users_before") <(db_user_stats | sort)
  fi
}

# restart_reporting MINUTES: parhub-reporting again with that forecast age.
restart_reporting() {
  restart_process reporting PARHUB_REPORT_FORECAST_MAX_AGE_MINUTES="$1"
  watch_pids
}

results_log="$RUN_DIR/reporting-bench-results.txt"  # the last generate run's output
: >"$results_log"
if [[ ",$PHASES," == *,generate,* ]]; then
  if [ "${COMPARE:-0}" -eq 0 ]; then
    generate_run "$@"
  else
    summary=()
    for round in $(seq 1 "$COMPARE"); do
      for age in 0 15; do
        restart_reporting "$age"
        echo "round $round: --report_forecast_max_age_minutes=$age"
        : >"$results_log"
        generate_run "$@"
        summary+=("round=$round forecast_max_age_minutes=$age $(grep '^RESULT ' "$results_log" | tail -1)")
      done
    done
    echo "side by side:"
    printf '  %s\n' "${summary[@]}"
  fi
fi
run_phase forecast "$@"
run_phase probe "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$rc"
