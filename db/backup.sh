#!/usr/bin/env bash
# Writes a compressed, restorable dump of Veille's database to the file given (default: a dated file).
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), e.g.
#   PGHOST=127.0.0.1 PGUSER=veille PGDATABASE=veille db/backup.sh
# With docker compose: docker compose exec -T db pg_dump -U veille -Fc veille > veille.dump
set -euo pipefail
out=${1:-veille-$(date +%Y%m%d-%H%M%S).dump}
pg_dump --format=custom --no-owner --file="$out"
echo "Wrote $out"
