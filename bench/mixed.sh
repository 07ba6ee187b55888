#!/bin/sh
# A busy instance's mix (issue 16): Zipf readers over the tags, thread pages, /all, signed-in home streams, and a
# writer posting through the form, with the page cache on, then off. See bench/README.md.
# Usage: bench/mixed.sh [database]   (default veille_perf_10000, made by
# bench/generate.sh --messages 10000 --database veille_perf_10000). Each run adds the writer's posts to it.
set -e
cd "$(dirname "$0")/.."
db="${1:-veille_perf_10000}"
port="${BENCH_PORT:-8088}"
management="${BENCH_MANAGEMENT_PORT:-8098}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
jar="${BENCH_JAR:-target/veille.jar}"
mkdir -p target/bench
if [ -z "$BENCH_JAR" ] && { [ ! -f target/veille.jar ] || [ -n "$(find src/main -newer target/veille.jar -print -quit)" ]; }; then
    ./mvnw -q ${MAVEN_OFFLINE:+-o} package -DskipTests
    cp "$(ls target/veille-*.jar | grep -v original | head -1)" target/veille.jar
fi
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
query() { PGPASSWORD="$password" psql -h 127.0.0.1 -U "$user" -d "$db" -Atc "$1"; }
# The 2,000 most used tags (fewer in a small corpus), most used first: the Zipf ranks.
query "select key from tags where thread_count > 0 order by thread_count desc, key limit 2000" > target/bench/mixed-tags.txt
query "select id from messages where thread_id is null and deleted_at is null order by id desc limit 2000" > target/bench/mixed-threads.txt
out="target/bench/results-mixed-$db.md"
echo "### Mixed load, $db, $(date -u '+%Y-%m-%d %H:%M') UTC, build ${BENCH_LABEL:-$(git rev-parse --short HEAD)}" > "$out"
for cache in ${BENCH_CACHE:-true false}; do
    log="target/bench/app-mixed-$db-$cache.log"
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false \
        java -Xmx512m -jar "$jar" --server.port="$port" --management.server.port="$management" \
        --veille.page-cache.enabled=$cache --veille.limits.posts-per-minute=1000000 \
        --veille.limits.posts-per-hour=1000000 > "$log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null || true' EXIT
    until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
        kill -0 $app 2>/dev/null || { echo "The app did not start: see $log"; exit 1; }
        sleep 1
    done
    ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); t += f[12] + f[13] } END { print t + 0 }' "$@" 2>/dev/null; }
    {
        echo
        echo "Page cache $( [ "$cache" = true ] && echo on || echo off), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo
        echo '```'
        # shellcheck disable=SC2086
        java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.veille.bench.MixedLoad \
            port="$port" management="$management" tags=target/bench/mixed-tags.txt \
            threads=target/bench/mixed-threads.txt readers="${BENCH_READERS:-16}" signed-in="${BENCH_SIGNED_IN:-16}" \
            seconds="${BENCH_SECONDS:-30}" warmup="${BENCH_WARMUP:-90}" rate="${BENCH_RATE:-5}"
        echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo '```'
    } | tee -a "$out"
    kill $app
    wait $app 2>/dev/null || true
    trap - EXIT
done
grep -c ERROR target/bench/app-mixed-$db-*.log | sed 's/^/errors logged: /'
echo "Results in $out"
