#!/usr/bin/env bash
# HTTP/JSON vs gRPC through the gateway, side by side in one run: builds
# parhub-gateway-http-bench and the binaries, makes sure the project-local
# MariaDB and its test account exist (like scripts/test.sh), and runs the
# bench, which starts its own suite on fresh parhub_test_* databases and
# free loopback ports (so it does not need, or disturb, scripts/up.sh).
# Arguments go to the bench, e.g. --rounds=3 --duration=10s --concurrency=8.
source "$(dirname "$0")/../scripts/lib.sh"

PARHUB_TARGETS=parhub-gateway-http-bench build "$PARHUB_ROOT/build"
start_db
ensure_test_db_account
unset PARHUB_TEST_DB_PASSWORD PARHUB_TEST_DB_SOCKET
export PARHUB_TEST_DB_HOST=127.0.0.1 PARHUB_TEST_DB_PORT="$DB_PORT" PARHUB_TEST_DB_USER="$TEST_DB_USER" \
  PARHUB_TEST_DB_PASSWORD_FILE="$TEST_DB_PASSWORD_FILE"
exec "$PARHUB_ROOT/build/bench/parhub-gateway-http-bench" "$@"
