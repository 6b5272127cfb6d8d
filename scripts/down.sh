#!/usr/bin/env bash
# Stops what scripts/up.sh started: gateway, services (SIGTERM, graceful),
# then the local MariaDB. --clean also deletes .run (data, keys, logs).
source "$(dirname "$0")/lib.sh"
for name in gateway tasks directory; do
  pid_file="$RUN_DIR/pids/$name.pid"
  [ -f "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
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
