#!/usr/bin/env bash
# Restores a dump written by backup.sh into the database named by the libpq variables, replacing
# what is there. Stop Veille first; start it again afterwards (Flyway checks the schema version).
#   PGHOST=127.0.0.1 PGUSER=veille PGDATABASE=veille db/restore.sh veille-20261129-120000.dump
# With docker compose: docker compose exec -T db pg_restore -U veille -d veille --clean --if-exists < veille.dump
set -euo pipefail
dump=${1:?usage: db/restore.sh FILE.dump}
pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="${PGDATABASE:-veille}" "$dump"
echo "Restored $dump"
