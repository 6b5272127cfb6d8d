#!/usr/bin/env bash
# The city-scale data set (docs/BENCHMARKS.md, "City-scale data set"; the
# figures feed docs/OPERATIONS.md "Backups" and docs/SCALING.md):
#   1. generate: bench/cityscale/generate.py writes one TSV per table
#      (SCHOOLS schools, PUPILS pupils with a month of invoices and
#      payments, STAFF staff, directory and tasks rows);
#   2. schema: starts a scratch MariaDB of its own (start_scratch_db in
#      scripts/lib.sh; never the project's server) and creates the six
#      parhub_<svc> schemas from the services' own migrations, applied as
#      the services apply them (bench/cityscale/schema.py);
#   3. load: LOAD DATA of every file, each in its own transaction, unique
#      keys checked; any warning fails the run;
#   4. check: the rules the services keep — every school's ledger balances,
#      receipt numbers have no gap and match the counter, each invoice's
#      paid amount is the sum of its payments, payment references are 1-19
#      of A-Z/0-9, and every primary key of the sharded services' tables
#      leads with school_id (printed, not enforced);
#   5. sizes: rows per table, InnoDB data and index bytes, bytes on disk;
#   6. drill: scripts/restore-drill.sh against this server (SOURCE_SOCKET):
#      mariadb-dump --single-transaction of all six schemas (gzip), restore
#      into a second fresh MariaDB, row counts, CHECKSUM TABLE and ledger
#      balance compared.
# Prints the time of each phase and writes them with the sizes to
# WORK/report.txt. Removes both servers and WORK at the end unless KEEP=1.
#
# Settings (environment): SCHOOLS=3500 PUPILS=2600000 STAFF=150000
# SEED=20261204 WORK=(new directory under TMPDIR) KEEP=0 PHASES=all
# (or a subset of generate,load,check,drill in that order)
# MARIADBD_OPTS (both servers; default below: a 4 GiB buffer pool, 1 GiB
# redo log, flush at commit relaxed to once a second — a bulk-load setting
# also used for the restore, stated with the figures).
source "$(dirname "$0")/../scripts/lib.sh"
set -uo pipefail

SCHOOLS="${SCHOOLS:-3500}"; PUPILS="${PUPILS:-2600000}"; STAFF="${STAFF:-150000}"; SEED="${SEED:-20261204}"
KEEP="${KEEP:-0}"; PHASES="${PHASES:-generate,load,check,drill}"
MARIADBD_OPTS="${MARIADBD_OPTS---innodb-buffer-pool-size=4G --innodb-log-file-size=1G --innodb-flush-log-at-trx-commit=2 --max-allowed-packet=256M}"
SERVICES_ALL=(directory tasks staffing finance complaints reporting)
command -v python3 >/dev/null || require_packages python3

if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; else WORK="$(mktemp -d)"; fi
WORK="$(cd "$WORK" && pwd)"
data="$WORK/tsv"
report="$WORK/report.txt"
cleanup() {
  stop_scratch_db
  if [ "$KEEP" = 1 ]; then say "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
has_phase() { [[ ",$PHASES," == *",$1,"* ]]; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
note() { echo "$*" | tee -a "$report"; }
: >"$report"
note "city-scale data set: $SCHOOLS schools, $PUPILS pupils, $STAFF staff, seed $SEED ($(date -u +%FT%TZ))"
note "server options: $MARIADBD_OPTS"

if has_phase generate; then
  say "Generating into $data"
  t0=$(now_ms)
  python3 "$PARHUB_ROOT/bench/cityscale/generate.py" --out "$data" --schools "$SCHOOLS" --pupils "$PUPILS" \
    --staff "$STAFF" --seed "$SEED" >"$WORK/generate.log" || { cat "$WORK/generate.log" >&2; die "generation failed"; }
  note "generate: $(seconds $(($(now_ms) - t0))) s, $(du -sb "$data" | cut -f1) bytes of TSV"
fi

# shellcheck disable=SC2086  # MARIADBD_OPTS is a list of options
start_scratch_db "$WORK/source" $MARIADBD_OPTS
src() { mariadb --socket="$SCRATCH_SOCKET" -u"$DB_ADMIN" "$@"; }

if has_phase load; then
  say "Creating the schemas from the services' migrations"
  for svc in "${SERVICES_ALL[@]}"; do
    src -e "CREATE DATABASE parhub_$svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "create parhub_$svc"
    python3 "$PARHUB_ROOT/bench/cityscale/schema.py" "$svc" | src "parhub_$svc" || die "migrations of $svc failed"
  done
  say "Loading"
  t0=$(now_ms)
  for file in "$data"/*.tsv; do
    table="$(basename "$file" .tsv)"  # schema.table
    t1=$(now_ms)
    # The server reads the file itself (it runs as this OS user, and a
    # server started with --no-defaults has no secure_file_priv).
    out="$(src -N -e "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';
      LOAD DATA INFILE '$(sql_string "$file")' INTO TABLE ${table%%.*}.\`${table#*.}\` CHARACTER SET utf8mb4;
      SHOW WARNINGS LIMIT 5;" 2>&1)" || die "loading $table failed: $out"
    [ -z "$out" ] || die "loading $table warned: $out"
    [ "$KEEP" = 1 ] || rm -f "$file"  # the data set can be several GB
    printf '  %-40s %8.1f s\n' "$table" "$(seconds $(($(now_ms) - t1)))" | tee -a "$report"
  done
  note "load: $(seconds $(($(now_ms) - t0))) s"
fi

if has_phase check; then
  say "Checking the services' rules on the loaded data"
  t0=$(now_ms)
  f=parhub_finance
  # check NAME SQL: SQL answers the number of violations. Each derived table
  # is grouped once (split_materialized off): MariaDB's lateral split would
  # group the payments again for every invoice, over 10 minutes at city scale.
  check() {
    local n
    n="$(src -N -e "SET SESSION optimizer_switch = 'split_materialized=off'; $2")" || die "check '$1' failed to run"
    note "  check $1: $n violation(s)"
    [ "$n" = 0 ] || failed=1
  }
  failed=0
  check "ledger balances per school" "SELECT COUNT(*) FROM (SELECT school_id FROM $f.ledger_entries
    GROUP BY school_id HAVING SUM(debit) <> SUM(credit)) u"
  check "every transfer balances" "SELECT COUNT(*) FROM (SELECT 1 FROM $f.ledger_entries
    GROUP BY school_id, transfer_id HAVING SUM(debit) <> SUM(credit) OR COUNT(*) < 2) u"
  check "receipts gapless and counted" "SELECT COUNT(*) FROM (SELECT r.school_id FROM $f.receipts r
    JOIN $f.finance_counters c ON c.school_id = r.school_id AND c.counter = CONCAT('receipt-', r.year)
    GROUP BY r.school_id, r.year, c.value HAVING COUNT(*) <> MAX(r.sequence) OR MIN(r.sequence) <> 1
      OR MAX(r.sequence) <> c.value) g"
  check "invoice paid = its payments" "SELECT COUNT(*) FROM $f.invoices i LEFT JOIN (SELECT school_id, invoice_id,
    SUM(amount) s FROM $f.payments WHERE state = 1 GROUP BY school_id, invoice_id) p
    ON p.school_id = i.school_id AND p.invoice_id = i.invoice_id WHERE i.paid <> COALESCE(p.s, 0)
    OR i.paid > i.total OR i.state <> IF(i.paid = i.total, 3, IF(i.paid > 0, 2, 1))"
  check "receivables = what invoices still owe" "SELECT COUNT(*) FROM (SELECT l.school_id,
    SUM(l.debit - l.credit) b FROM $f.ledger_entries l WHERE l.account = 'receivables' GROUP BY l.school_id) r
    JOIN (SELECT school_id, SUM(total - paid) o FROM $f.invoices GROUP BY school_id) i USING (school_id)
    WHERE r.b <> i.o"
  check "payment references 1-19 of A-Z0-9" "SELECT COUNT(*) FROM $f.invoices
    WHERE payment_reference NOT REGEXP '^[A-Z0-9]{1,19}\$'"
  check "receipt items add up to the receipt" "SELECT COUNT(*) FROM $f.receipts r JOIN (SELECT school_id, receipt_id,
    SUM(amount) s FROM $f.receipt_items GROUP BY school_id, receipt_id) i USING (school_id, receipt_id)
    WHERE i.s <> r.amount"
  note "check: $(seconds $(($(now_ms) - t0))) s"
  [ "$failed" = 0 ] || die "the loaded data breaks a rule (above)"
  note "primary keys not leading with school_id (parhub_* schemas):"
  src -N -e "SELECT CONCAT('  ', s.table_schema, '.', s.table_name, ' (', GROUP_CONCAT(s.column_name ORDER BY
      s.seq_in_index), ')') FROM information_schema.statistics s WHERE s.table_schema LIKE 'parhub\\_%'
      AND s.index_name = 'PRIMARY' GROUP BY s.table_schema, s.table_name
      HAVING SUBSTRING_INDEX(GROUP_CONCAT(s.column_name ORDER BY s.seq_in_index), ',', 1) <> 'school_id'
      ORDER BY 1" | tee -a "$report"
fi

say "Sizes"
src -N -e "SELECT CONCAT('ANALYZE TABLE \`', table_schema, '\`.\`', table_name, '\`;') FROM information_schema.tables
  WHERE table_schema LIKE 'parhub\\_%' AND table_type = 'BASE TABLE'" | src >/dev/null || die "ANALYZE TABLE failed"
note "rows, InnoDB data + index bytes per table:"
src -N -e "SELECT table_schema, table_name, data_length, index_length FROM information_schema.tables
  WHERE table_schema LIKE 'parhub\\_%' AND table_type = 'BASE TABLE' ORDER BY 1, 2" |
  while read -r schema table data_b index_b; do
    rows="$(src -N -e "SELECT COUNT(*) FROM \`$schema\`.\`$table\`")"
    printf '  %-18s %-24s %11s rows %14s data %14s index\n' "$schema" "$table" "$rows" "$data_b" "$index_b"
  done | tee -a "$report"
for svc in "${SERVICES_ALL[@]}"; do
  note "on disk parhub_$svc: $(du -sb "$WORK/source/data/parhub_$svc" | cut -f1) bytes"
done
note "on disk, whole data directory (with the redo and undo logs): $(du -sb "$WORK/source/data" | cut -f1) bytes"

if has_phase drill; then
  say "Restore drill against the loaded server"
  t0=$(now_ms)
  SOURCE_SOCKET="$SCRATCH_SOCKET" SCHEMAS="${SERVICES_ALL[*]/#/parhub_}" DRILL_MARIADBD_OPTS="$MARIADBD_OPTS" \
    WORK_DIR="$WORK" bash "$PARHUB_ROOT/scripts/restore-drill.sh" >"$WORK/drill.log" 2>&1
  status=$?
  grep -v $'^\e' "$WORK/drill.log" | tee -a "$report"
  note "drill: $(seconds $(($(now_ms) - t0))) s in all"
  [ "$status" = 0 ] || die "the restore drill found differences (above)"
fi
say "Done"
