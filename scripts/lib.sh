# Shared shell helpers for parhub's scripts (sourced, not run).
# Everything lives inside the checkout: the build in build/, the local
# MariaDB and running processes in .run/.
set -euo pipefail
PARHUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$PARHUB_ROOT/.run"
DB_DIR="$RUN_DIR/mariadb"
DB_PORT="${PARHUB_LOCAL_DB_PORT:-33306}"
DB_SOCKET="$DB_DIR/mysqld.sock"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian 12 packages the build, the tests and the local database need.
APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libmysqlcppconn-dev prometheus-cpp-dev libcli11-dev libssl-dev libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  mariadb-server mariadb-client openssl
)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ ! -x "$PARHUB_ROOT/node_modules/.bin/buf" ] || [ "$PARHUB_ROOT/package-lock.json" -nt "$PARHUB_ROOT/node_modules" ]; then
    say "Installing pinned npm tools (buf, validators)"
    (cd "$PARHUB_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# build <dir> [cmake args…]: configure once, then rebuild what changed.
build() {
  local dir="$1"; shift
  say "Building in ${dir#$PARHUB_ROOT/}"
  cmake -S "$PARHUB_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "${PARHUB_JOBS:-2}" ${PARHUB_TARGETS:+--target $PARHUB_TARGETS}
}

db_running() { [ -S "$DB_SOCKET" ] && mariadb-admin --socket="$DB_SOCKET" -uroot ping >/dev/null 2>&1; }

# Starts the project-local MariaDB (its own data directory, port and socket;
# not the system service). Root has no password and is reachable only on
# 127.0.0.1 and the socket.
start_db() {
  if db_running; then return 0; fi
  mkdir -p "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    say "Initialising local MariaDB in .run/mariadb"
    mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >"$DB_DIR/install.log" 2>&1 ||
      { cat "$DB_DIR/install.log"; die "mariadb-install-db failed"; }
  fi
  say "Starting local MariaDB on 127.0.0.1:$DB_PORT"
  local mariadbd; mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  nohup "$mariadbd" --no-defaults --datadir="$DB_DIR/data" --socket="$DB_SOCKET" \
    --port="$DB_PORT" --bind-address=127.0.0.1 --user="$(id -un)" \
    --pid-file="$DB_DIR/mariadbd.pid" --log-error="$DB_DIR/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=256M --max-connections=500 --skip-name-resolve \
    >/dev/null 2>&1 &
  for _ in $(seq 1 60); do db_running && return 0; sleep 0.5; done
  tail -20 "$DB_DIR/error.log" >&2 || true
  die "MariaDB did not start"
}

stop_db() {
  if db_running; then
    mariadb-admin --socket="$DB_SOCKET" -uroot shutdown || true
  fi
}

mysql_root() { mariadb --socket="$DB_SOCKET" -uroot "$@"; }
