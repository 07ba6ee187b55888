#!/bin/sh
# Many people posting at once through the posting form: see bench/README.md and docs/BENCHMARKS.md.
# Usage: bench/post-burst.sh [posters=64] [messages=20] [warmup=60] [spread]
# Starts the application jar on a throw-away database (veille_burst, dropped and made again) unless
# BENCH_URL_PORT names the port of a Veille already running on 127.0.0.1 (then nothing is counted in its database).
# BENCH_APP_ARGS adds arguments to the application's command line (to compare settings side by side).
set -e
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8086}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
db="${BENCH_DB:-veille_burst}"
mkdir -p target/bench
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
app=""
if [ -n "$BENCH_URL_PORT" ]; then
    port="$BENCH_URL_PORT"
else
    if [ ! -f target/veille.jar ] || [ -n "$(find src/main -newer target/veille.jar -print -quit)" ]; then
        ./mvnw -q ${MAVEN_OFFLINE:+-o} package -DskipTests
        cp "$(ls target/veille-*.jar | grep -v original | head -1)" target/veille.jar
    fi
    PGPASSWORD="$password" psql -q -h 127.0.0.1 -U "$user" -d postgres \
        -c "drop database if exists $db with (force)" -c "create database $db"
    log="target/bench/app-post-burst.log"
    # The shipped configuration (Hikari's 10 connections, Tomcat's 200 threads); fetch workers off, so
    # that the cited example.org pages are never fetched: the fetch queue is still written. All the posters
    # sign up from 127.0.0.1: the sign-up limit per address is lifted.
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false \
        java -Xmx512m -jar target/veille.jar --server.port="$port" --management.server.port=0 \
        --veille.signup.per-address-per-hour=100000 --veille.limits.posts-per-minute=1000000 \
        --veille.limits.posts-per-hour=1000000 $BENCH_APP_ARGS > "$log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null || true' EXIT
    until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
        kill -0 $app 2>/dev/null || { echo "The app did not start: see $log"; exit 1; }
        sleep 1
    done
fi
cpu=""
if [ -n "$app" ]; then
    # The server processes of the pool's connections, opened at start-up: their CPU time is counted per post.
    backends=$(PGPASSWORD="$password" psql -Atq -h 127.0.0.1 -U "$user" -d postgres \
        -c "select string_agg(pid::text, ',') from pg_stat_activity where datname = '$db'")
    cpu="app-pid=$app postgres-pids=$backends"
fi
out="target/bench/post-burst.txt"
# shellcheck disable=SC2086
java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.bench.PostBurst port="$port" $cpu "$@" | tee "$out"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
if [ -n "$app" ]; then
    tag=$(sed -n 's/^acknowledged=[0-9]* tag=//p' "$out")
    stored=$(PGPASSWORD="$password" psql -Atq -h 127.0.0.1 -U "$user" -d "$db" \
        -c "select count(*) from messages where strpos(body, '#$tag ') > 0")
    echo "messages stored with #$tag: $stored" | tee -a "$out"
    grep -c ' ERROR ' "$log" | sed 's/^/ERROR lines in the log: /' | tee -a "$out" || true
    kill $app
    wait $app 2>/dev/null || true
    trap - EXIT
    PGPASSWORD="$password" psql -q -h 127.0.0.1 -U "$user" -d postgres -c "drop database if exists $db with (force)"
fi
