#!/usr/bin/env bash
# The restore drill (scripts/restore-drill.sh) on a schema made for it: the
# finance service's real migrations, two schools' balanced ledgers and
# Vietnamese text. The drill must pass; then, with one unbalanced ledger
# entry written, it must fail — so its checks can fail. The schema is
# dropped at the end. (ctest: restore_drill; needs the local MariaDB.)
set -uo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
db_running || die "the local MariaDB is not running (scripts/test.sh starts it)"
schema="parhub_test_drill_$(openssl rand -hex 3)"
trap 'mysql_root -e "DROP DATABASE IF EXISTS $schema"' EXIT

mysql_root -e "CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
for migration in "$PARHUB_ROOT"/services/finance/migrations/*.sql; do
  mysql_root "$schema" <"$migration" || die "migration ${migration##*/} failed"
done
mysql_root "$schema" <<'SQL'
INSERT INTO ledger_transfers VALUES
  ('mn-2010', 't1', '2026-09-05 08:00:00', 'payments/p1', 'Thu học phí tháng 9 — Nguyễn Văn Đức', ''),
  ('th-ket-doan', 't1', '2026-09-06 09:30:00', 'payments/p7', 'Thu tiền ăn bán trú', '');
INSERT INTO ledger_entries VALUES
  ('mn-2010', 't1', 1, '112', 1500000, 0, '2026-09-05 08:00:00'),
  ('mn-2010', 't1', 2, '131', 0, 1500000, '2026-09-05 08:00:00'),
  ('th-ket-doan', 't1', 1, '112', 750000, 0, '2026-09-06 09:30:00'),
  ('th-ket-doan', 't1', 2, '131', 0, 750000, '2026-09-06 09:30:00');
SQL
SCHEMAS="$schema" bash "$PARHUB_ROOT/scripts/restore-drill.sh" || die "the drill failed on a consistent schema"

mysql_root "$schema" -e "INSERT INTO ledger_entries VALUES ('mn-2010', 't2', 1, '112', 1000, 0, '2026-09-07 10:00:00')"
if SCHEMAS="$schema" bash "$PARHUB_ROOT/scripts/restore-drill.sh" 2>/dev/null; then
  die "the drill passed a schema whose ledger does not balance"
fi
echo "restore drill: passes a consistent schema, fails an unbalanced ledger"
