# parhub: sets the service accounts' passwords from compose secrets and
# unlocks the accounts created by 001_schemas.sql.
#
# The mysql image *sources* this file (it is deliberately not executable), so
# docker_process_sql and mysql_note from its entrypoint are available here.
# No `set -u`: the entrypoint's own functions expect unset variables.

parhub_sql_string() {
  # Escape for a single-quoted SQL string literal; drop a trailing newline.
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g"
}

parhub_set_password() {
  local account="$1" file="$2" password
  if [ ! -s "$file" ]; then
    mysql_error "parhub: secret file $file is missing or empty (see docs/DEPLOYMENT.md)"
  fi
  password="$(parhub_sql_string "$(cat "$file")")"
  mysql_note "parhub: setting the password of MySQL account $account"
  docker_process_sql --database=mysql <<EOSQL
ALTER USER '${account}'@'%' IDENTIFIED BY '${password}' ACCOUNT UNLOCK;
EOSQL
}

parhub_set_password parhub_directory /run/secrets/directory_db_password
parhub_set_password parhub_tasks /run/secrets/tasks_db_password
parhub_set_password parhub_staffing /run/secrets/staffing_db_password
parhub_set_password parhub_finance /run/secrets/finance_db_password
parhub_set_password parhub_complaints /run/secrets/complaints_db_password
parhub_set_password parhub_reporting /run/secrets/reporting_db_password
