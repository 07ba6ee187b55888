#!/bin/sh
# Creates (or re-creates) a database and fills it with a generated corpus: see bench/README.md.
# Usage: bench/generate.sh --messages 1000000 [--database veille_bench_1m] [other CorpusGenerator options]
# Needs sudo-less access to the local PostgreSQL as the postgres system user (runuser), and the role
# veille_dev (password dev) that the tests use; BENCH_DB_USER / BENCH_DB_PASSWORD override it.
set -e
cd "$(dirname "$0")/.."
messages=1000000
database=""
rest=""
while [ $# -gt 0 ]; do
    case "$1" in
        --messages) messages="$2"; shift 2 ;;
        --database) database="$2"; shift 2 ;;
        *) rest="$rest $1"; shift ;;
    esac
done
[ -n "$database" ] || database="veille_bench_$messages"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
runuser -u postgres -- psql -q -c "drop database if exists $database with (force)" -c "create database $database owner $user"
mkdir -p target/bench
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.bench.CorpusGenerator --url "jdbc:postgresql://127.0.0.1:5432/$database" --user "$user" \
    --password "$password" --messages "$messages" --out "target/bench/$database.properties" $rest
