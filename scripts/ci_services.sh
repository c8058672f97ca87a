#!/usr/bin/env bash
# Start (or stop) the PostgreSQL and Redis servers the CI and benchmarks use, on loopback only.
# PostgreSQL: Debian's cluster, role/database "ideabank". Redis: port 6390, no persistence.
set -euo pipefail
action="${1:-start}"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

case "$action" in
start)
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    as_postgres true 2>/dev/null || true
    pg_createcluster "$version" main >/dev/null
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ideabank') THEN
    CREATE ROLE ideabank LOGIN PASSWORD 'ideabank' CREATEDB;
  END IF;
END $$;
SQL
  as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname='ideabank'" | grep -q 1 \
    || as_postgres createdb -O ideabank ideabank
  redis-cli -p 6390 ping >/dev/null 2>&1 \
    || redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 30); do redis-cli -p 6390 ping >/dev/null 2>&1 && break; sleep 0.2; done
  echo "PostgreSQL $version on 127.0.0.1:5432, Redis on 127.0.0.1:6390"
  ;;
stop)
  redis-cli -p 6390 shutdown nosave >/dev/null 2>&1 || true
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_ctlcluster "$version" main stop 2>/dev/null || true
  ;;
esac
