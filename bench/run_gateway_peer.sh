#!/usr/bin/env bash
# parhub's gateway vs nginx grpc_pass (the peer) in one run: installs
# Debian's nginx package when missing (its nginx binary has
# ngx_http_grpc_module and HTTP/2 built in; the package's own service is not
# used, the bench starts nginx itself with a config in a temporary
# directory), builds parhub-gateway-peer-bench and the binaries, makes sure
# the project-local MariaDB and its test account exist (like
# scripts/test.sh), and runs the bench, which starts its own suite on fresh
# parhub_test_* databases and free loopback ports (so it does not need, or
# disturb, scripts/up.sh); MariaDB's CPU per call is counted too. Arguments
# go to the bench, e.g.
# --rounds=3 --duration=10s --concurrency=8 --channels=1 --nginx_workers=2.
source "$(dirname "$0")/../scripts/lib.sh"

require_packages nginx
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
PARHUB_TARGETS=parhub-gateway-peer-bench build "$PARHUB_ROOT/build"
start_db
ensure_test_db_account
unset PARHUB_TEST_DB_PASSWORD PARHUB_TEST_DB_SOCKET
export PARHUB_TEST_DB_HOST=127.0.0.1 PARHUB_TEST_DB_PORT="$DB_PORT" PARHUB_TEST_DB_USER="$TEST_DB_USER" \
  PARHUB_TEST_DB_PASSWORD_FILE="$TEST_DB_PASSWORD_FILE"
db_pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || echo 0)"
exec "$PARHUB_ROOT/build/bench/parhub-gateway-peer-bench" --nginx="$nginx_bin" --db_pid="$db_pid" "$@"
