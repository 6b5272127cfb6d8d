#!/usr/bin/env bash
# Least privilege, checked against the running MariaDB: the GRANT
# statements of deploy/mysql-init/001_schemas.sql (what compose and
# Kubernetes give each service's account) are applied, under throw-away
# names, to fresh schemas and accounts; then each account, logged in with
# its password, must create, write and read tables in its own schema and be
# refused every read and write in every other service's schema, and see no
# other schema. Everything made is dropped at the end.
#
#   tests/deploy/least_privilege.sh   (ctest: db_least_privilege; needs the
#                                      project-local MariaDB, scripts/lib.sh)
set -uo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
db_running || die "the local MariaDB is not running (scripts/test.sh starts it)"

grants="$PARHUB_ROOT/deploy/mysql-init/001_schemas.sql"
run="lp$(openssl rand -hex 3)"
services=(directory tasks staffing finance complaints reporting)
password="$(openssl rand -hex 16)"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

cleanup() {
  for svc in "${services[@]}"; do
    mysql_root -e "DROP DATABASE IF EXISTS ${run}_$svc; DROP USER IF EXISTS '${run}_$svc'@'127.0.0.1';"
  done
}
trap cleanup EXIT

# The file's GRANTs, each a name of its own: parhub_<svc> → <run>_<svc>, '%' → 127.0.0.1.
statements="$(python3 - "$grants" "$run" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r'--[^\n]*', '', text)
out = []
for stmt in text.split(';'):
    s = ' '.join(stmt.split())
    if s.upper().startswith('GRANT'):
        s = re.sub(r'\bparhub_([a-z]+)', sys.argv[2] + r'_\1', s).replace("'@'%'", "'@'127.0.0.1'")
        out.append(s + ';')
print('\n'.join(out))
PY
)"
[ "$(grep -c '^GRANT' <<<"$statements")" -eq ${#services[@]} ] ||
  die "expected one GRANT per service in ${grants#"$PARHUB_ROOT"/}, found: $statements"

for svc in "${services[@]}"; do
  mysql_root <<SQL
CREATE DATABASE ${run}_$svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '${run}_$svc'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE TABLE ${run}_$svc.probe (id INT PRIMARY KEY);
INSERT INTO ${run}_$svc.probe VALUES (1);
SQL
done
mysql_root <<<"$statements" || die "the GRANT statements of ${grants#"$PARHUB_ROOT"/} did not apply"

# as SVC SQL: runs SQL as the service's account; its exit code.
as() {
  local svc="$1"; shift
  MYSQL_PWD="$password" mariadb --protocol=TCP -h 127.0.0.1 -P "$DB_PORT" -u "${run}_$svc" -N -e "$1" 2>/dev/null
}

for svc in "${services[@]}"; do
  as "$svc" "CREATE TABLE ${run}_$svc.own (id INT PRIMARY KEY); INSERT INTO ${run}_$svc.own VALUES (1);
             SELECT COUNT(*) FROM ${run}_$svc.probe; DROP TABLE ${run}_$svc.own;" >/dev/null ||
    fail "$svc cannot work in its own schema"
  seen="$(as "$svc" "SHOW DATABASES" | grep -v '^information_schema$' | tr '\n' ' ')"
  [ "$seen" = "${run}_$svc " ] || fail "$svc sees schemas: $seen"
  for other in "${services[@]}"; do
    [ "$other" = "$svc" ] && continue
    for sql in "SELECT * FROM ${run}_$other.probe" "INSERT INTO ${run}_$other.probe VALUES (2)" \
               "UPDATE ${run}_$other.probe SET id = 3" "DELETE FROM ${run}_$other.probe" \
               "CREATE TABLE ${run}_$other.intruder (id INT)" "DROP TABLE ${run}_$other.probe"; do
      as "$svc" "$sql" >/dev/null && fail "$svc may: $sql"
    done
  done
done
# Nothing of another schema changed.
for svc in "${services[@]}"; do
  [ "$(mysql_root -N -e "SELECT COUNT(*) FROM ${run}_$svc.probe WHERE id = 1")" = 1 ] || fail "${svc}'s probe row changed"
done

if [ "$failures" -gt 0 ]; then
  echo "least privilege: $failures failure(s)" >&2
  exit 1
fi
echo "least privilege: ${#services[@]} accounts confined to their own schemas (${#services[@]}×$(( ${#services[@]} - 1 ))×6 refusals checked)"
