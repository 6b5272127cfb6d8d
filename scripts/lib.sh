# shellcheck shell=bash disable=SC2034  # sourced; the variables are used by the scripts
# Shared shell helpers for parhub's scripts (sourced, not run).
# Everything lives inside the checkout: the build in build/, the local
# MariaDB, secrets and running processes in .run/.
set -euo pipefail
PARHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$PARHUB_ROOT/.run"
SECRETS="$RUN_DIR/secrets"
TLS_DIR="$SECRETS/tls"
DB_DIR="$RUN_DIR/mariadb"
DB_PORT="${PARHUB_LOCAL_DB_PORT:-33306}"
DB_SOCKET="$DB_DIR/mysqld.sock"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The services scripts/up.sh runs (besides the gateway, which is always
# there) and scripts/down.sh stops. One line per service:
#   name  gRPC-port  metrics-port  parhubctl command (as the administrator)
#                                   that the gateway must forward to it
# Each gets its own binary build/services/<name>/parhub-<name>, schema and
# MySQL account parhub_<name>, certificate .run/secrets/tls/<name>.pem, and
# an entry <name>=127.0.0.1:<port> in the gateway's PARHUB_BACKENDS (the name
# must be a backend the gateway knows, gateway/backends.cc). The
# command must reach the service itself: whoami would not do for directory,
# as the gateway answers it from its cache of API keys. "-" means parhubctl
# has no such command yet: up.sh then checks the service's own health over
# TLS instead (finance: all its methods name a school, which the demo data
# makes only later; reporting: parhubctl has no reporting commands yet).
# A service is listed after the services it calls (SOURCES_OF below), so
# up.sh starts it after them and down.sh stops it before them.
SERVICE_TABLE=(
  "directory  50051 9451 schools --authority hcm"
  "tasks      50052 9452 plans templates"
  "staffing   50053 9453 staff catalog"
  "finance    50054 9454 -"
  "complaints 50055 9455 cases policies"
  "reporting  50056 9456 -"
)
# Services that call other services themselves, with their own certificate
# (besides the gateway, which calls every service): caller -> the services
# it pulls from. up.sh gives the caller PARHUB_SOURCES=<name>=127.0.0.1:<port>,…
# and lets each of those services accept the caller's certificate
# (PARHUB_TLS_ALLOWED_CLIENTS=gateway,<caller>). Every other service keeps
# the default: the gateway only.
declare -A SOURCES_OF=(
  [reporting]="directory tasks staffing finance complaints"
)
GATEWAY_PORT=50050
GATEWAY_HTTP_PORT=8080
GATEWAY_METRICS_PORT=9450
SERVICES=()
declare -A GRPC_PORT=() METRICS_PORT=() READY_PROBE=()
for _line in "${SERVICE_TABLE[@]}"; do
  read -r _name _grpc _metrics _probe <<<"$_line"
  SERVICES+=("$_name")
  GRPC_PORT[$_name]="$_grpc"
  METRICS_PORT[$_name]="$_metrics"
  READY_PROBE[$_name]="$_probe"
done
unset _line _name _grpc _metrics _probe
GRPC_PORT[gateway]="$GATEWAY_PORT"
METRICS_PORT[gateway]="$GATEWAY_METRICS_PORT"

# allowed_clients_of NAME: the certificate names that may call service NAME,
# comma-separated: the gateway, then every service whose SOURCES_OF lists it.
allowed_clients_of() {
  local clients=gateway caller source
  for caller in "${SERVICES[@]}"; do
    for source in ${SOURCES_OF[$caller]:-}; do
      [ "$source" = "$1" ] && clients+=",$caller"
    done
  done
  echo "$clients"
}

# sources_of NAME: PARHUB_SOURCES of service NAME, name=127.0.0.1:port of
# each service it calls, comma-separated; empty when it calls none.
sources_of() {
  local entries=() source
  for source in ${SOURCES_OF[$1]:-}; do entries+=("$source=127.0.0.1:${GRPC_PORT[$source]}"); done
  (IFS=,; echo "${entries[*]}")
}

# binary_of NAME: the executable of a process, relative to the build dir.
binary_of() {
  if [ "$1" = gateway ]; then echo gateway/parhub-gateway; else echo "services/$1/parhub-$1"; fi
}

# Debian 12 packages the build, the tests, the format check and the local
# database need.
APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libmysqlcppconn-dev prometheus-cpp-dev libcli11-dev libssl-dev libicu-dev libcurl4-openssl-dev libxlsxwriter-dev libqrencode-dev libpng-dev liborcus-dev
  libcpp-httplib-dev libpango1.0-dev libcairo2-dev fonts-liberation2 poppler-utils unzip
  libgtest-dev libgmock-dev libbenchmark-dev
  mariadb-server mariadb-client openssl clang-format python3
  chromium zbar-tools
)

# require_packages PKG…: installs those of the given Debian packages that are
# missing.
require_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_packages() {
  local extra=()
  command -v npm >/dev/null 2>&1 || extra+=(nodejs npm)
  require_packages "${APT_PACKAGES[@]}" "${extra[@]}"
  if [ ! -x "$PARHUB_ROOT/node_modules/.bin/buf" ] || [ "$PARHUB_ROOT/package-lock.json" -nt "$PARHUB_ROOT/node_modules" ]; then
    say "Installing pinned npm tools (buf, validators)"
    (cd "$PARHUB_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# build <dir> [cmake args…]: configure once, then rebuild what changed.
build() {
  local dir="$1"; shift
  say "Building in ${dir#"$PARHUB_ROOT"/}"
  cmake -S "$PARHUB_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  # shellcheck disable=SC2086  # PARHUB_TARGETS is a space-separated list
  cmake --build "$dir" -j "${PARHUB_JOBS:-2}" ${PARHUB_TARGETS:+--target $PARHUB_TARGETS}
}

# --- secrets ------------------------------------------------------------------

# make_secret NAME VALUE: writes .run/secrets/NAME (mode 0600) unless it
# already has content. Callers pass values made by command substitution, so
# no secret is ever an argument of a program (`ps` would show it).
make_secret() {
  mkdir -p "$SECRETS"
  chmod 0700 "$SECRETS"
  [ -s "$SECRETS/$1" ] || (umask 077; printf '%s' "$2" >"$SECRETS/$1")
  chmod 0600 "$SECRETS/$1"
}

# sql_string VALUE: VALUE escaped for a single-quoted SQL string literal
# (pure bash: the value never reaches another program's arguments).
sql_string() {
  local s="${1//\\/\\\\}"
  printf '%s' "${s//\'/\\\'}"
}

# --- project-local MariaDB -----------------------------------------------------
#
# Own data directory, port and socket; not the system service. Accounts:
#   root@localhost            unix_socket only: the OS user root, over the socket
#   <OS user>@localhost       the same for the OS user running the scripts, when
#                             that is not root (mariadb-install-db creates it)
#   parhub_<svc>@127.0.0.1    one per service, password in .run/secrets (up.sh)
#   parhub_test@127.0.0.1     the tests' account (ensure_test_db_account)
# No account reaches everything over TCP, and none has an empty password.
DB_ADMIN="$(id -un)"

# The administrator's client: the OS user over the socket, no password.
mysql_root() { mariadb --socket="$DB_SOCKET" -u"$DB_ADMIN" "$@"; }

db_running() { [ -S "$DB_SOCKET" ] && mariadb-admin --socket="$DB_SOCKET" -u"$DB_ADMIN" ping >/dev/null 2>&1; }

start_db() {
  if ! db_running; then
    mkdir -p "$DB_DIR"
    if [ ! -d "$DB_DIR/data/mysql" ]; then
      say "Initialising local MariaDB in .run/mariadb"
      mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --user="$DB_ADMIN" \
        --auth-root-authentication-method=socket --auth-root-socket-user="$DB_ADMIN" \
        --skip-test-db >"$DB_DIR/install.log" 2>&1 ||
        { cat "$DB_DIR/install.log"; die "mariadb-install-db failed"; }
    fi
    say "Starting local MariaDB on 127.0.0.1:$DB_PORT"
    local mariadbd; mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
    nohup "$mariadbd" --no-defaults --datadir="$DB_DIR/data" --socket="$DB_SOCKET" \
      --port="$DB_PORT" --bind-address=127.0.0.1 --user="$DB_ADMIN" \
      --pid-file="$DB_DIR/mariadbd.pid" --log-error="$DB_DIR/error.log" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=256M --max-connections=500 --skip-name-resolve \
      >/dev/null 2>&1 &
    local up=0
    for _ in $(seq 1 60); do db_running && { up=1; break; }; sleep 0.5; done
    if [ "$up" = 0 ]; then
      tail -20 "$DB_DIR/error.log" >&2 || true
      die "MariaDB did not start"
    fi
  fi
  secure_db
}

# Brings the accounts to the state described above. Data directories made
# by earlier versions of these scripts had root@localhost, root@127.0.0.1,
# root@::1 and root@<host> without a password: the first start with this
# version creates the socket account (through the old passwordless root),
# switches root@localhost to unix_socket and drops the others. Idempotent.
secure_db() {
  if ! mysql_root -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb --socket="$DB_SOCKET" -uroot --password= -e 'SELECT 1' >/dev/null 2>&1 ||
      die "cannot log in to the local MariaDB over its socket as '$DB_ADMIN' (unix_socket) nor as root without a password; was .run/mariadb made by another OS user?"
    say "Upgrading the local MariaDB's accounts: socket-only administrator, no passwordless root"
    mariadb --socket="$DB_SOCKET" -uroot --password= <<SQL
CREATE USER IF NOT EXISTS '$(sql_string "$DB_ADMIN")'@'localhost' IDENTIFIED VIA unix_socket;
GRANT ALL PRIVILEGES ON *.* TO '$(sql_string "$DB_ADMIN")'@'localhost' WITH GRANT OPTION;
SQL
  fi
  local drops
  drops="$(mysql_root -N -B -e "SELECT CONCAT('DROP USER ', QUOTE(user), '@', QUOTE(host), ';') FROM mysql.user
    WHERE (user = 'root' AND host <> 'localhost') OR user = ''")"
  mysql_root <<SQL
ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;
$drops
SQL
}

stop_db() {
  db_running || return 0
  if ! mariadb-admin --socket="$DB_SOCKET" -u"$DB_ADMIN" shutdown >/dev/null 2>&1; then
    # Not allowed to (an account state this version did not make): mariadbd
    # shuts down cleanly on SIGTERM too.
    local pid; pid="$(cat "$DB_DIR/mariadbd.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = mariadbd ]; then kill -TERM "$pid"; fi
  fi
}

# start_scratch_db DIR [mariadbd option…]: a fresh, empty MariaDB of its
# own, for a drill or a data set that must not touch the project's server:
# data, socket and error log in DIR, a free port on 127.0.0.1, administered
# by the OS user over DIR/mariadb.sock (no password, no other account). Sets
# SCRATCH_SOCKET and SCRATCH_PID; the caller stops it with stop_scratch_db
# (usually from its EXIT trap) and removes DIR.
start_scratch_db() {
  local dir="$1"; shift
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$dir"
  mariadb-install-db --no-defaults --datadir="$dir/data" --user="$DB_ADMIN" \
    --auth-root-authentication-method=socket --auth-root-socket-user="$DB_ADMIN" --skip-test-db \
    >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  SCRATCH_SOCKET="$dir/mariadb.sock"
  "$(command -v mariadbd || echo /usr/sbin/mariadbd)" --no-defaults --datadir="$dir/data" --socket="$SCRATCH_SOCKET" \
    --port="$port" --bind-address=127.0.0.1 --user="$DB_ADMIN" --log-error="$dir/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci "$@" >/dev/null 2>&1 &
  SCRATCH_PID=$!
  local _
  for _ in $(seq 1 120); do
    mariadb --socket="$SCRATCH_SOCKET" -u"$DB_ADMIN" -e 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 "$SCRATCH_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -20 "$dir/error.log" >&2
  die "the scratch MariaDB in $dir did not start"
}

# stop_scratch_db: stops the server start_scratch_db started (if any) and
# waits for it to exit.
stop_scratch_db() {
  if [ -n "${SCRATCH_PID:-}" ]; then
    kill "$SCRATCH_PID" 2>/dev/null && wait "$SCRATCH_PID" 2>/dev/null
    SCRATCH_PID=""
  fi
  return 0
}

# The tests' administrator: 'parhub_test'@'127.0.0.1' with a random password
# in .run/secrets/parhub_test.password. It may create, use and drop the
# databases parhub_test_* (each test binary makes its own, and the e2e
# test's services use it too), and nothing else.
TEST_DB_USER=parhub_test
TEST_DB_PASSWORD_FILE="$SECRETS/parhub_test.password"
ensure_test_db_account() {
  make_secret parhub_test.password "$(openssl rand -hex 16)"
  local pw; pw="$(sql_string "$(<"$TEST_DB_PASSWORD_FILE")")"
  mysql_root <<SQL
CREATE USER IF NOT EXISTS '$TEST_DB_USER'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER '$TEST_DB_USER'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`parhub\\_test\\_%\`.* TO '$TEST_DB_USER'@'127.0.0.1';
SQL
}

# --- processes -----------------------------------------------------------------

PIDS="$RUN_DIR/pids"
LOGS="$RUN_DIR/logs"

# process_pid NAME: prints the pid of the running process NAME and succeeds,
# or fails. A pid file is trusted only while that pid still runs NAME's
# binary, so a stale file whose pid was reused by something else is ignored.
process_pid() {
  local name="$1" pid exe
  pid="$(cat "$PIDS/$name.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  exe="${exe% (deleted)}"  # still ours when the binary was rebuilt meanwhile
  [ "$exe" = "$(readlink -f "$PARHUB_ROOT/build/$(binary_of "$name")")" ] || return 1
  echo "$pid"
}

# restart_process NAME [VAR=value …]: stops parhub-NAME and starts it again
# through scripts/up.sh (PARHUB_UP_START_ONLY=1: no demo loading) with that
# environment (the benches' side-by-side comparisons of a flag); dies when
# it does not stop or start.
restart_process() {
  local name="$1" pid
  shift
  pid="$(process_pid "$name")" || die "parhub-$name is not running: bash scripts/up.sh"
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && die "parhub-$name ($pid) did not stop"
  env "$@" PARHUB_UP_START_ONLY=1 bash "$PARHUB_ROOT/scripts/up.sh" >/dev/null 2>&1 ||
    die "scripts/up.sh failed restarting parhub-$name (see .run/logs/$name.log)"
}
