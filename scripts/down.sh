#!/usr/bin/env bash
# Stops what scripts/up.sh started: the gateway, then the services listed in
# lib.sh in reverse order, so reporting stops before the services it pulls
# from (SIGTERM, graceful; SIGKILL after 20 s), then the local MariaDB.
# --clean also deletes .run (data, keys, certificates, logs).
source "$(dirname "$0")/lib.sh"
names=(gateway)
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do names+=("${SERVICES[i]}"); done
for name in "${names[@]}"; do
  pid_file="$PIDS/$name.pid"
  [ -f "$pid_file" ] || continue
  # Only a pid that still runs this process's binary: a stale file may name
  # a pid that now belongs to something else.
  if pid="$(process_pid "$name")"; then
    say "Stopping $name"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pid_file"
done
say "Stopping local MariaDB"
stop_db
if [ "${1:-}" = "--clean" ]; then
  for _ in $(seq 1 40); do db_running || break; sleep 0.25; done
  rm -rf "$RUN_DIR"
  say "Removed .run"
fi
