#!/bin/sh
# A busy instance's mix (issue 16): Zipf readers over the tags, thread pages, /all, signed-in home streams (wrk and
# bench/mixed.lua), and a writer posting through the form (org.veille.bench.MixedWriter), with the page cache on,
# then off. See bench/README.md. BENCH_JFR=1 runs the app with Flight Recorder and prints a summary of the measured
# window (that run's figures are then lower than without).
# Usage: bench/mixed.sh [database]   (default veille_perf_10000, made by
# bench/generate.sh --messages 10000 --database veille_perf_10000). Each run adds the writer's posts to it.
set -e
cd "$(dirname "$0")/.."
. bench/sign-in.sh
. bench/jfr-summary.sh
for tool in wrk curl psql /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "$tool is missing (Debian: apt-get install wrk curl postgresql-client time)"; exit 1; }
done
db="${1:-veille_perf_10000}"
port="${BENCH_PORT:-8088}"
management="${BENCH_MANAGEMENT_PORT:-8098}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
jar="${BENCH_JAR:-target/veille.jar}"
readers="${BENCH_READERS:-16}"
signed_in="${BENCH_SIGNED_IN:-16}"
warmup="${BENCH_WARMUP:-90}"
seconds="${BENCH_SECONDS:-30}"
# What the readers accept, as browsers do (empty: nothing, as wrk alone sends).
encoding="${BENCH_ACCEPT_ENCODING-gzip}"
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
base="http://127.0.0.1:$port"
# User and system time so far, in ticks of 10 ms, of the given /proc/<pid>/stat files.
ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); t += f[12] + f[13] } END { print t + 0 }' "$@" 2>/dev/null; }
# The PostgreSQL server processes of the app's connections, by the name its pool gives them.
pool="veille-mixed-$port"
backends() {
    query "select pid from pg_stat_activity where datname = current_database() and application_name = '$pool'" |
        sed 's|^\(.*\)$|/proc/\1/stat|'
}
# The page cache's hits and misses so far, from the Prometheus endpoint (nothing when the cache is off).
cache_counts() {
    curl -s "http://127.0.0.1:$management/actuator/prometheus" | awk '/^veille_page_cache_requests_total/ {
        if ($0 ~ /result="hit"/) h += $NF; else if ($0 ~ /result="miss"/) m += $NF } END { print h + 0, m + 0 }'
}
out="target/bench/results-mixed-$db.md"
echo "### Mixed load, $db, $(date -u '+%Y-%m-%d %H:%M') UTC, build ${BENCH_LABEL:-$(git rev-parse --short HEAD)}" > "$out"
for cache in ${BENCH_CACHE:-true false}; do
    log="target/bench/app-mixed-$db-$cache.log"
    recording="$(pwd)/target/bench/mixed-$db-$cache.jfr"
    # From the start: started after the warm-up, the profiler cost most of the throughput of the measured window.
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db?ApplicationName=$pool" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false \
        java -Xmx512m ${BENCH_JFR:+-XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=name=mixed,settings=profile} \
        ${BENCH_JAVA_OPTIONS:-} -jar "$jar" \
        --server.port="$port" --management.server.port="$management" \
        --veille.page-cache.enabled=$cache --veille.limits.posts-per-minute=1000000 \
        --veille.limits.posts-per-hour=1000000 > "$log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null || true' EXIT
    until curl -sf -o /dev/null "$base/login"; do
        kill -0 $app 2>/dev/null || { echo "The app did not start: see $log"; exit 1; }
        sleep 1
    done
    sessions="target/bench/mixed-sessions.txt"
    : > "$sessions"
    i=1
    while [ $i -le "$signed_in" ]; do
        sign_in "$base" "p$i" "${BENCH_READER_PASSWORD:-bench-password}" target/bench/mixed-cookies.txt >> "$sessions"
        i=$((i + 1))
    done
    [ "$(grep -c . "$sessions")" -eq "$signed_in" ] || { echo "Could not sign p1…p$signed_in in"; exit 1; }
    # shellcheck disable=SC2086
    java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.veille.bench.MixedWriter \
        port="$port" login="p$((signed_in + 1))" tags=target/bench/mixed-tags.txt warmup="$warmup" \
        seconds="$seconds" rate="${BENCH_RATE:-5}" > target/bench/mixed-writer.txt &
    writer=$!
    lists="target/bench/mixed-tags.txt target/bench/mixed-threads.txt $sessions $encoding"
    # shellcheck disable=SC2086
    wrk -t2 -c"$readers" -d"$warmup"s --timeout 10s -s bench/mixed.lua "$base" -- $lists > /dev/null
    counts0=$(cache_counts)
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    pg=$(backends)
    app0=$(ticks /proc/$app/stat); pg0=$(ticks $pg); writer0=$(ticks /proc/$writer/stat)
    run="target/bench/mixed-run.txt"
    # shellcheck disable=SC2086
    /usr/bin/time -f "wrk's CPU: %U s user, %S s system" wrk -t2 -c"$readers" -d"$seconds"s --timeout 10s --latency \
        -s bench/mixed.lua "$base" -- $lists > "$run" 2>&1
    app1=$(ticks /proc/$app/stat); pg1=$(ticks $pg); writer1=$(ticks /proc/$writer/stat)
    counts1=$(cache_counts)
    [ -z "${BENCH_JFR:-}" ] || jcmd $app JFR.dump name=mixed begin=-"$seconds"s filename="$recording" > /dev/null
    wait $writer
    {
        echo
        echo "Page cache $( [ "$cache" = true ] && echo on || echo off), $readers readers ($signed_in signed in, Accept-Encoding: ${encoding:-none}), ${warmup} s warm-up"
        echo
        echo '```'
        cat "$run" target/bench/mixed-writer.txt
        echo "CPU over the measured ${seconds} s: app $(((app1 - app0) * 10)) ms, PostgreSQL $(((pg1 - pg0) * 10)) ms, writer $(((writer1 - writer0) * 10)) ms"
        echo "$counts0 $counts1" | awk '{ h = $3 - $1; m = $4 - $2
            if (h + m > 0) printf "page cache: %d hits, %d misses, hit ratio %.2f\n", h, m, h / (h + m)
            else print "page cache: no hits or misses counted (off)" }'
        echo "load average before the measure: $load, after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo '```'
        if [ -n "${BENCH_JFR:-}" ]; then
            echo
            echo "Flight Recorder attached during the measure:"
            echo
            echo '```'
            jfr_summary "$recording"
            echo '```'
        fi
    } | tee -a "$out"
    kill $app
    wait $app 2>/dev/null || true
    trap - EXIT
done
for cache in ${BENCH_CACHE:-true false}; do
    echo "errors logged with the page cache $cache: $(grep -c ERROR "target/bench/app-mixed-$db-$cache.log")"
done
echo "Results in $out"
