#!/usr/bin/env bash
# Backup and restore drill: dumps the parhub schemas of the local MariaDB in
# one consistent snapshot (mariadb-dump --single-transaction, gzip), starts
# a fresh, empty MariaDB of its own on a free port, restores the dump into
# it, and compares every table of every schema — row count and CHECKSUM
# TABLE — and, where a schema holds the finance ledger, that its debits
# equal its credits per school. Prints the dump's size and the dump and
# restore times; exits 1 on any difference. The scratch server and its
# files are removed at the end.
#
#   scripts/restore-drill.sh                  the running suite's parhub_<svc> schemas
#   SCHEMAS="a b" scripts/restore-drill.sh    these schemas (the ctest drill)
#   KEEP_DUMP=dir scripts/restore-drill.sh    also keep the dump in dir
#
# Run it on a quiet suite: the comparison reads the source after the dump.
source "$(dirname "$0")/lib.sh"
set -uo pipefail
db_running || die "the local MariaDB is not running (scripts/up.sh or scripts/test.sh start it)"

if [ -n "${SCHEMAS:-}" ]; then
  read -r -a schemas <<<"$SCHEMAS"
else
  mapfile -t schemas < <(mysql_root -N -e "SELECT schema_name FROM information_schema.schemata
    WHERE schema_name IN ('parhub_directory','parhub_tasks','parhub_staffing','parhub_finance',
                          'parhub_complaints','parhub_reporting') ORDER BY schema_name")
fi
[ ${#schemas[@]} -gt 0 ] || die "no parhub schema to back up (start the suite with scripts/up.sh)"

work="$(mktemp -d)"
scratch_pid=""
cleanup() {
  [ -n "$scratch_pid" ] && kill "$scratch_pid" 2>/dev/null && wait "$scratch_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
scratch_socket="$work/mariadb.sock"
scratch() { mariadb --socket="$scratch_socket" -u"$DB_ADMIN" "$@"; }

say "Dumping ${schemas[*]}"
start=$(date +%s%N)
mariadb-dump --socket="$DB_SOCKET" -u"$DB_ADMIN" --single-transaction --quick --routines --triggers \
  --databases "${schemas[@]}" | gzip -6 >"$work/dump.sql.gz" || die "mariadb-dump failed"
dump_ms=$((($(date +%s%N) - start) / 1000000))
dump_bytes=$(stat -c %s "$work/dump.sql.gz")
[ -n "${KEEP_DUMP:-}" ] && mkdir -p "$KEEP_DUMP" && cp "$work/dump.sql.gz" "$KEEP_DUMP/parhub-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"

say "Starting a fresh MariaDB for the restore"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mariadb-install-db --no-defaults --datadir="$work/data" --user="$DB_ADMIN" \
  --auth-root-authentication-method=socket --auth-root-socket-user="$DB_ADMIN" --skip-test-db \
  >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; die "mariadb-install-db failed"; }
"$(command -v mariadbd || echo /usr/sbin/mariadbd)" --no-defaults --datadir="$work/data" --socket="$scratch_socket" \
  --port="$port" --bind-address=127.0.0.1 --user="$DB_ADMIN" --log-error="$work/error.log" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
scratch_pid=$!
for _ in $(seq 1 60); do scratch -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
scratch -e 'SELECT 1' >/dev/null 2>&1 || { tail -20 "$work/error.log" >&2; die "the scratch MariaDB did not start"; }

say "Restoring"
start=$(date +%s%N)
gunzip -c "$work/dump.sql.gz" | scratch || die "the restore failed"
restore_ms=$((($(date +%s%N) - start) / 1000000))

say "Comparing"
differences=0 tables=0 rows=0
for schema in "${schemas[@]}"; do
  mapfile -t names < <(mysql_root -N -e "SELECT table_name FROM information_schema.tables
    WHERE table_schema = '$schema' AND table_type = 'BASE TABLE' ORDER BY table_name")
  for table in "${names[@]}"; do
    q="SELECT COUNT(*) FROM \`$schema\`.\`$table\`; CHECKSUM TABLE \`$schema\`.\`$table\`;"
    source_side="$(mysql_root -N -e "$q" | awk '{print $NF}' | tr '\n' ' ')"
    restored_side="$(scratch -N -e "$q" 2>&1 | awk '{print $NF}' | tr '\n' ' ')"
    tables=$((tables + 1)); rows=$((rows + ${source_side%% *}))
    if [ "$source_side" != "$restored_side" ]; then
      echo "DIFFERS: $schema.$table: source (rows checksum) $source_side, restored $restored_side" >&2
      differences=$((differences + 1))
    fi
  done
  if [ -n "$(scratch -N -e "SHOW TABLES FROM \`$schema\` LIKE 'ledger_entries'")" ]; then
    unbalanced="$(scratch -N -e "SELECT COUNT(*) FROM (SELECT school_id FROM \`$schema\`.ledger_entries
      GROUP BY school_id HAVING SUM(debit) <> SUM(credit)) u")"
    if [ "$unbalanced" != 0 ]; then
      echo "DIFFERS: $schema: $unbalanced school(s) whose restored ledger does not balance" >&2
      differences=$((differences + 1))
    fi
  fi
done

printf 'restore drill: %d schemas, %d tables, %d rows; dump %s bytes gzip in %d ms, restore in %d ms; %d difference(s)\n' \
  "${#schemas[@]}" "$tables" "$rows" "$dump_bytes" "$dump_ms" "$restore_ms" "$differences"
[ "$differences" -eq 0 ]
