#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds, starts a
# project-local MariaDB, the services listed in lib.sh and the gateway,
# loads demo data and prints the authority overview. The suite keeps
# running until scripts/down.sh.
#
# Safe to run again: what runs is kept, a process that died (even by
# kill -9) is started again, and the demo data is loaded only once.
# No secret is ever put on a command line: programs get them as files or
# through their environment.
source "$(dirname "$0")/lib.sh"
install_packages
# Only what the running suite needs; scripts/test.sh builds the rest.
targets="parhub-gateway parhub_web parhubctl parhub-demo-loader"
for svc in "${SERVICES[@]}"; do targets+=" parhub-$svc"; done
PARHUB_TARGETS="${PARHUB_TARGETS:-$targets}" build "$PARHUB_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
start_db

mkdir -p "$LOGS" "$PIDS"
make_secret identity.key "$(openssl rand -hex 32)"
make_secret sipas_code.key "$(openssl rand -hex 32)"
make_secret admin.key "phk_$(openssl rand -hex 20)"
for svc in "${SERVICES[@]}"; do make_secret "parhub_$svc.password" "$(openssl rand -hex 16)"; done
bash "$PARHUB_ROOT/scripts/make-certs.sh" "$TLS_DIR"

# Each service owns its schema and its MySQL account. The statements go to
# the client on stdin, so the passwords are not in its arguments.
for svc in "${SERVICES[@]}"; do
  pw="$(sql_string "$(<"$SECRETS/parhub_$svc.password")")"
  mysql_root <<SQL
CREATE DATABASE IF NOT EXISTS parhub_$svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'parhub_$svc'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER 'parhub_$svc'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL ON parhub_$svc.* TO 'parhub_$svc'@'127.0.0.1';
SQL
done
unset pw

# start_process NAME [VAR=value…]: starts NAME unless it is running, with
# its listen addresses, the identity key and its TLS files.
started=()
start_process() {
  local name="$1"; shift
  if process_pid "$name" >/dev/null; then return 0; fi
  rm -f "$PIDS/$name.pid"
  env PARHUB_LISTEN="127.0.0.1:${GRPC_PORT[$name]}" PARHUB_METRICS_LISTEN="127.0.0.1:${METRICS_PORT[$name]}" \
      PARHUB_IDENTITY_KEY_FILE="$SECRETS/identity.key" \
      PARHUB_TLS_CERT_FILE="$TLS_DIR/$name.pem" PARHUB_TLS_KEY_FILE="$TLS_DIR/$name.key" \
      PARHUB_TLS_CA_FILE="$TLS_DIR/ca.pem" "$@" \
      nohup "$PARHUB_ROOT/build/$(binary_of "$name")" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  started+=("$name")
}

say "Starting processes (logs in .run/logs)"
for svc in "${SERVICES[@]}"; do
  extra=()
  [ "$svc" = directory ] && extra+=(PARHUB_BOOTSTRAP_ADMIN_KEY_FILE="$SECRETS/admin.key")
  # Who may call it (the gateway, and reporting for the services it calls:
  # directory, tasks, staffing, finance, complaints), and whom it calls
  # itself (lib.sh, SOURCES_OF).
  extra+=(PARHUB_TLS_ALLOWED_CLIENTS="$(allowed_clients_of "$svc")")
  [ -n "${SOURCES_OF[$svc]:-}" ] && extra+=(PARHUB_SOURCES="$(sources_of "$svc")")
  [ "$svc" = tasks ] && extra+=(PARHUB_EVIDENCE_DIR="$RUN_DIR/evidence")
  [ "$svc" = reporting ] && extra+=(PARHUB_SIPAS_CODE_KEY_FILE="$SECRETS/sipas_code.key")
  start_process "$svc" PARHUB_DB_HOST=127.0.0.1 PARHUB_DB_PORT="$DB_PORT" PARHUB_DB_USER="parhub_$svc" \
    PARHUB_DB_PASSWORD_FILE="$SECRETS/parhub_$svc.password" PARHUB_DB_NAME="parhub_$svc" "${extra[@]}"
done
# The gateway's --backends: name=host:port for every service, in one value.
backends=()
for svc in "${SERVICES[@]}"; do backends+=("$svc=127.0.0.1:${GRPC_PORT[$svc]}"); done
start_process gateway PARHUB_BACKENDS="$(IFS=,; echo "${backends[*]}")" \
  PARHUB_HTTP_ADDRESS="127.0.0.1:$GATEWAY_HTTP_PORT" PARHUB_WEB_DIR="$PARHUB_ROOT/build/web/site" \
  PARHUB_WEB_INSECURE_COOKIE=true
[ ${#started[@]} -eq 0 ] || say "Started: ${started[*]}"

# parhubctl as the administrator, against the local gateway: the key is in
# its environment (PARHUB_API_KEY), not its arguments, and a profile saved by
# `parhubctl login` does not interfere.
CTL="$PARHUB_ROOT/build/cli/parhubctl"
mkdir -p "$RUN_DIR/parhubctl"
as_admin() {
  PARHUB_API_KEY="$(<"$SECRETS/admin.key")" PARHUB_GATEWAY="127.0.0.1:$GATEWAY_PORT" \
    XDG_CONFIG_HOME="$RUN_DIR/parhubctl" "$CTL" "$@"
}

# Ready means: every process is alive and the gateway answers an
# authenticated call that reaches each service. Checking the ports alone is
# not enough: right after a service restarts, the gateway may still be
# reconnecting to it.
say "Waiting until the gateway reaches every service"
deadline=$((SECONDS + ${PARHUB_READY_TIMEOUT_S:-60}))
while :; do
  pending=()
  for name in "${SERVICES[@]}" gateway; do
    # kill -0, not process_pid: a process just started may not have exec'd
    # its binary yet.
    if ! kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then
      tail -20 "$LOGS/$name.log" >&2 || true
      die "$name exited (log above, full log in .run/logs/$name.log)"
    fi
  done
  for svc in "${SERVICES[@]}"; do
    if [ "${READY_PROBE[$svc]}" = - ]; then
      as_admin --timeout 2 health --addr "127.0.0.1:${GRPC_PORT[$svc]}" --tls-ca "$TLS_DIR/ca.pem" \
        >/dev/null 2>&1 || pending+=("$svc")
      continue
    fi
    # shellcheck disable=SC2086  # the probe is a parhubctl command line
    as_admin --timeout 2 ${READY_PROBE[$svc]} >/dev/null 2>&1 || pending+=("$svc")
  done
  [ ${#pending[@]} -eq 0 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    for name in "${SERVICES[@]}" gateway; do echo "--- .run/logs/$name.log" >&2; tail -5 "$LOGS/$name.log" >&2 || true; done
    die "the gateway did not reach ${pending[*]} within ${PARHUB_READY_TIMEOUT_S:-60} s"
  fi
  sleep 0.5
done

# The benches' restarts of one process need only the processes up.
if [ "${PARHUB_UP_START_ONLY:-0}" = 1 ]; then
  say "Every process is up (PARHUB_UP_START_ONLY=1: demo data, sweep and overview skipped)"
  exit 0
fi

say "Loading demo data"
(umask 077 && "$PARHUB_ROOT/build/tools/parhub-demo-loader" --gateway="127.0.0.1:$GATEWAY_PORT" \
  --admin_key_file="$SECRETS/admin.key" --keys_out="$SECRETS/demo-keys.env")
# Files an older version of this script left readable by others.
chmod 0600 "$SECRETS"/*.key "$SECRETS"/*.password "$SECRETS"/*.env 2>/dev/null || true

# Today's notifications at once (the reporting service's own daily run
# starts at 6:00 Ho Chi Minh City time); a repeat records nothing twice.
say "Rà soát thông báo hôm nay — toàn Thành phố (notification sweep)"
as_admin notifications sweep --authority hcm

say "Tổng hợp tiến độ năm 2026 — toàn Thành phố (authority overview)"
as_admin overview --authority hcm --from 2026-01-01 --to 2026-12-31
echo
cat <<EOT
parhub is running: gateway 127.0.0.1:$GATEWAY_PORT (gRPC) and http://127.0.0.1:$GATEWAY_HTTP_PORT (HTTP/JSON), metrics on $GATEWAY_METRICS_PORT and the services' ports, logs in .run/logs.
Admin API key:        .run/secrets/admin.key
Demo accounts' keys:  .run/secrets/demo-keys.env  (e.g. ht-mn-2010 = principal of Trường Mầm non 20/10)
TLS (CA, per-process certificates): .run/secrets/tls
Try:
  grep ^ht-mn-2010= .run/secrets/demo-keys.env | cut -d= -f2 | build/cli/parhubctl login --key-file -
  build/cli/parhubctl tasks list --plan par-2024
  build/cli/parhubctl notifications digest        # today's notifications of the school
  build/cli/parhubctl par official show --year 2023   # what 2023 deducted, and the tasks fixing it
Stop everything with: scripts/down.sh   (add --clean to delete the data too)
EOT
