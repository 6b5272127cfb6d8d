#!/usr/bin/env bash
# Project-local MariaDB: start | stop | restart | status (data in .run/mariadb).
source "$(dirname "$0")/lib.sh"
case "${1:-status}" in
  start) start_db ;;
  stop) stop_db ;;
  restart) stop_db; for _ in $(seq 1 40); do db_running || break; sleep 0.25; done; start_db ;;
  status) if db_running; then echo "running on 127.0.0.1:$DB_PORT"; else echo "stopped"; exit 1; fi ;;
  *) die "usage: scripts/db.sh start|stop|restart|status" ;;
esac
