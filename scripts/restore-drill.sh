#!/usr/bin/env bash
# Backup and restore drill: dumps the parhub schemas of the local MariaDB in
# one consistent snapshot (mariadb-dump --single-transaction, gzip), starts
# a fresh, empty MariaDB of its own on a free port, restores the dump into
# it, and compares every table of every schema — row count and CHECKSUM
# TABLE — and, where a schema holds the finance ledger, that its debits
# equal its credits per school. Prints the dump's size and the dump and
# restore and comparison times; exits 1 on any difference. The scratch
# server and its files are removed at the end.
#
#   scripts/restore-drill.sh                  the running suite's parhub_<svc> schemas
#   SCHEMAS="a b" scripts/restore-drill.sh    these schemas (the ctest drill)
#   KEEP_DUMP=dir scripts/restore-drill.sh    also keep the dump in dir
#   SOURCE_SOCKET=path scripts/restore-drill.sh
#                                             dump another local server, administered
#                                             by the OS user over that socket (the
#                                             city-scale data set, bench/run_cityscale.sh)
#   DRILL_MARIADBD_OPTS="--innodb-buffer-pool-size=4G …"
#                                             options for the restore server
#   WORK_DIR=dir                              where the dump and the restore server live
#                                             (default: a new directory under TMPDIR)
#
# Run it on a quiet suite: the comparison reads the source after the dump.
source "$(dirname "$0")/lib.sh"
set -uo pipefail
SOURCE_SOCKET="${SOURCE_SOCKET:-$DB_SOCKET}"
source_db() { mariadb --socket="$SOURCE_SOCKET" -u"$DB_ADMIN" "$@"; }
source_db -e 'SELECT 1' >/dev/null 2>&1 ||
  die "no MariaDB answers on $SOURCE_SOCKET (scripts/up.sh or scripts/test.sh start the local one)"

if [ -n "${SCHEMAS:-}" ]; then
  read -r -a schemas <<<"$SCHEMAS"
else
  mapfile -t schemas < <(source_db -N -e "SELECT schema_name FROM information_schema.schemata
    WHERE schema_name IN ('parhub_directory','parhub_tasks','parhub_staffing','parhub_finance',
                          'parhub_complaints','parhub_reporting') ORDER BY schema_name")
fi
[ ${#schemas[@]} -gt 0 ] || die "no parhub schema to back up (start the suite with scripts/up.sh)"

work="$(mktemp -d ${WORK_DIR:+-p "$WORK_DIR"})"
cleanup() {
  stop_scratch_db
  rm -rf "$work"
}
trap cleanup EXIT
scratch() { mariadb --socket="$SCRATCH_SOCKET" -u"$DB_ADMIN" "$@"; }

say "Dumping ${schemas[*]}"
start=$(date +%s%N)
mariadb-dump --socket="$SOURCE_SOCKET" -u"$DB_ADMIN" --single-transaction --quick --routines --triggers \
  --databases "${schemas[@]}" | gzip -6 >"$work/dump.sql.gz" || die "mariadb-dump failed"
dump_ms=$((($(date +%s%N) - start) / 1000000))
dump_bytes=$(stat -c %s "$work/dump.sql.gz")
[ -n "${KEEP_DUMP:-}" ] && mkdir -p "$KEEP_DUMP" && cp "$work/dump.sql.gz" "$KEEP_DUMP/parhub-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"

say "Starting a fresh MariaDB for the restore"
# shellcheck disable=SC2086  # DRILL_MARIADBD_OPTS is a list of options
start_scratch_db "$work/restore" ${DRILL_MARIADBD_OPTS:-}

say "Restoring"
start=$(date +%s%N)
gunzip -c "$work/dump.sql.gz" | scratch || die "the restore failed"
restore_ms=$((($(date +%s%N) - start) / 1000000))

say "Comparing"
start=$(date +%s%N)
differences=0 tables=0 rows=0
for schema in "${schemas[@]}"; do
  mapfile -t names < <(source_db -N -e "SELECT table_name FROM information_schema.tables
    WHERE table_schema = '$schema' AND table_type = 'BASE TABLE' ORDER BY table_name")
  for table in "${names[@]}"; do
    q="SELECT COUNT(*) FROM \`$schema\`.\`$table\`; CHECKSUM TABLE \`$schema\`.\`$table\`;"
    source_side="$(source_db -N -e "$q" | awk '{print $NF}' | tr '\n' ' ')"
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

compare_ms=$((($(date +%s%N) - start) / 1000000))

printf 'restore drill: %d schemas, %d tables, %d rows; dump %s bytes gzip in %d ms, restore in %d ms, compared in %d ms; %d difference(s)\n' \
  "${#schemas[@]}" "$tables" "$rows" "$dump_bytes" "$dump_ms" "$restore_ms" "$compare_ms" "$differences"
[ "$differences" -eq 0 ]
