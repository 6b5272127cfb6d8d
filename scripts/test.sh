#!/usr/bin/env bash
# One command for the tests: installs what is missing, builds, starts the
# project-local MariaDB, lints the protos and runs every test (unit,
# integration, e2e, deployment files). --sanitize builds with ASan+UBSan
# in build-asan/ and runs the same tests there; --tsan builds with
# ThreadSanitizer in build-tsan/ and runs the unit and integration tests
# (the e2e suite's processes and the deployment check add nothing there).
# Extra args go to ctest (e.g. -L unit).
source "$(dirname "$0")/lib.sh"
dir="$PARHUB_ROOT/build"; args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  shift; dir="$PARHUB_ROOT/build-asan"; args=(-DCMAKE_BUILD_TYPE=Debug -DPARHUB_SANITIZE=ON -DPARHUB_BUILD_BENCH=OFF)
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
elif [ "${1:-}" = "--tsan" ]; then
  shift; dir="$PARHUB_ROOT/build-tsan"; args=(-DCMAKE_BUILD_TYPE=Debug -DPARHUB_TSAN=ON -DPARHUB_BUILD_BENCH=OFF)
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PARHUB_ROOT/scripts/tsan.supp"
  # Tests that serve gRPC in-process (the tasks, directory, staffing, finance, complaints and reporting
  # adapters, the roll-up against fake services, the gateway's client-peer check) are left out:
  # Debian's gRPC and Abseil are not built with TSan, and their thread hand-overs show up as
  # false races (e.g. gRPC's in-process transport copying an absl::Status on its own thread).
  # OutputFail (the CLI's JSON errors, a google::protobuf::Struct) is left
  # out too: Debian's protobuf Map code, inlined with TSan into a library
  # built without it, crashes in Map::find under TSan alone (ASan and the
  # plain build pass the same test).
  set -- -L 'unit|integration' -E '^(TaskServiceTest|DirectoryServiceTest|StaffingServiceTest|StaffingBatchTest|FinanceServiceTest|FinanceBatchTest|ComplaintServiceTest|ReportingServiceTest|SipasTest|ServiceFeedbackTest|AuthorityRollup|ClientPeerOf|OutputFail)' "$@"
  # Only the test executables it runs: no service binaries, CLI, demo
  # loader or e2e suite (about a third of a cold build).
  export PARHUB_TARGETS="${PARHUB_TARGETS:-parhub_unit_integration_tests}"
fi
install_packages
build "$dir" "${args[@]}"
start_db
say "buf lint"
(cd "$PARHUB_ROOT" && node_modules/.bin/buf lint)
# The tests' own account (lib.sh, ensure_test_db_account): it may only
# create and use parhub_test_* databases. Its password stays in its file.
ensure_test_db_account
unset PARHUB_TEST_DB_PASSWORD PARHUB_TEST_DB_SOCKET
export PARHUB_TEST_DB_HOST=127.0.0.1 PARHUB_TEST_DB_PORT="$DB_PORT" PARHUB_TEST_DB_USER="$TEST_DB_USER" \
  PARHUB_TEST_DB_PASSWORD_FILE="$TEST_DB_PASSWORD_FILE"
export PARHUB_E2E_DB_RESTART="bash $PARHUB_ROOT/scripts/db.sh restart"
say "ctest"
cd "$dir" && ctest --output-on-failure -j "${PARHUB_JOBS:-2}" --timeout 600 "$@"
