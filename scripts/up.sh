#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds, starts a
# project-local MariaDB, the directory and tasks services and the gateway,
# loads demo data and prints the authority overview. The suite keeps
# running until scripts/down.sh.
source "$(dirname "$0")/lib.sh"
install_packages
# Only what the running suite needs; scripts/test.sh builds the rest.
PARHUB_TARGETS="${PARHUB_TARGETS:-parhub-directory parhub-tasks parhub-gateway parhubctl parhub-demo-loader}" \
  build "$PARHUB_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
start_db

SECRETS="$RUN_DIR/secrets"; LOGS="$RUN_DIR/logs"; PIDS="$RUN_DIR/pids"
mkdir -p "$SECRETS" "$LOGS" "$PIDS"; chmod 700 "$SECRETS"
secret() { [ -s "$SECRETS/$1" ] || (umask 077; printf '%s' "$2" >"$SECRETS/$1"); }
secret identity.key "$(openssl rand -hex 32)"
secret admin.key "phk_$(openssl rand -hex 20)"
secret parhub_directory.password "$(openssl rand -hex 16)"
secret parhub_tasks.password "$(openssl rand -hex 16)"

# Each service owns its schema and its MySQL account.
for svc in directory tasks; do
  pw="$(cat "$SECRETS/parhub_$svc.password")"
  mysql_root -e "CREATE DATABASE IF NOT EXISTS parhub_$svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'parhub_$svc'@'127.0.0.1' IDENTIFIED BY '$pw';
    ALTER USER 'parhub_$svc'@'127.0.0.1' IDENTIFIED BY '$pw';
    GRANT ALL ON parhub_$svc.* TO 'parhub_$svc'@'127.0.0.1';"
done

start_service() {  # name binary port metrics [extra env…]
  local name="$1" bin="$2" port="$3" metrics="$4"; shift 4
  if [ -f "$PIDS/$name.pid" ] && kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then return 0; fi
  env PARHUB_LISTEN="127.0.0.1:$port" PARHUB_METRICS_LISTEN="127.0.0.1:$metrics" \
      PARHUB_IDENTITY_KEY_FILE="$SECRETS/identity.key" "$@" \
      nohup "$PARHUB_ROOT/build/$bin" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}
db_env() { echo PARHUB_DB_HOST=127.0.0.1 PARHUB_DB_PORT="$DB_PORT" PARHUB_DB_USER="parhub_$1" \
  PARHUB_DB_PASSWORD_FILE="$SECRETS/parhub_$1.password" PARHUB_DB_NAME="parhub_$1"; }

say "Starting services (logs in .run/logs)"
# shellcheck disable=SC2046
start_service directory services/directory/parhub-directory 50051 9451 $(db_env directory) \
  PARHUB_BOOTSTRAP_ADMIN_KEY_FILE="$SECRETS/admin.key"
# shellcheck disable=SC2046
start_service tasks services/tasks/parhub-tasks 50052 9452 $(db_env tasks)
start_service gateway gateway/parhub-gateway 50050 9450 \
  PARHUB_DIRECTORY_ADDR=127.0.0.1:50051 PARHUB_TASKS_ADDR=127.0.0.1:50052

CTL="$PARHUB_ROOT/build/cli/parhubctl"
for port in 50051 50052 50050; do
  for i in $(seq 1 120); do
    "$CTL" --timeout 2 health --addr "127.0.0.1:$port" >/dev/null 2>&1 && break
    [ "$i" = 120 ] && { tail -20 "$LOGS"/*.log; die "service on port $port did not become healthy"; }
    sleep 0.5
  done
done

say "Loading demo data"
"$PARHUB_ROOT/build/tools/parhub-demo-loader" --gateway=127.0.0.1:50050 \
  --admin_key="$(cat "$SECRETS/admin.key")" --keys_out="$SECRETS/demo-keys.env"

say "Tổng hợp tiến độ năm 2026 — toàn Thành phố (authority overview)"
PARHUB_GATEWAY=127.0.0.1:50050 PARHUB_API_KEY="$(cat "$SECRETS/admin.key")" \
  "$CTL" overview --authority hcm --from 2026-01-01 --to 2026-12-31
echo
cat <<EOT
parhub is running: gateway 127.0.0.1:50050, metrics on 9450-9452, logs in .run/logs.
Admin API key:        .run/secrets/admin.key
Demo accounts' keys:  .run/secrets/demo-keys.env  (e.g. ht-mn-2010 = principal of Trường Mầm non 20/10)
Try:
  build/cli/parhubctl login --key "\$(grep ^ht-mn-2010= .run/secrets/demo-keys.env | cut -d= -f2)"
  build/cli/parhubctl tasks list --plan par-2024
Stop everything with: scripts/down.sh   (add --clean to delete the data too)
EOT
