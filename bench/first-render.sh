#!/bin/sh
# The cost of a first render: the page cache off, CPU time per request of the app and of its PostgreSQL
# server processes, for the tag page, the home stream and the thread page, then a JFR summary of each.
# See bench/README.md. Usage: bench/first-render.sh [database]   (default veille_perf_1000, made by
# bench/generate.sh --messages 1000 --database veille_perf_1000). BENCH_JAR runs another build (a baseline).
set -e
cd "$(dirname "$0")/.."
. bench/sign-in.sh
. bench/jfr-summary.sh
db="${1:-veille_perf_1000}"
port="${BENCH_PORT:-8087}"
duration="${BENCH_DURATION:-15s}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
jar="${BENCH_JAR:-target/veille.jar}"
label="${BENCH_LABEL:-$(git rev-parse --short HEAD)}"
mkdir -p target/bench
if [ -z "$BENCH_JAR" ] && { [ ! -f target/veille.jar ] || [ -n "$(find src/main -newer target/veille.jar -print -quit)" ]; }; then
    ./mvnw -q ${MAVEN_OFFLINE:+-o} package -DskipTests
    cp "$(ls target/veille-*.jar | grep -v original | head -1)" target/veille.jar
fi
props="target/bench/$db.properties"
prop() { sed -n "s/^$1=//p" "$props" | sed 's/\\:/:/g'; }
out="target/bench/first-render-$db-$label.md"
log="target/bench/app-first-render-$db.log"
# The pool's connections carry a name of their own: another application on the same database (two engineers
# benchmarking on one corpus) is not counted as this one's PostgreSQL time.
pool="veille-first-render-$port"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db?ApplicationName=$pool" SPRING_DATASOURCE_USERNAME="$user" \
SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false \
    java -Xmx512m -XX:FlightRecorderOptions:stackdepth=1024 -jar "$jar" --server.port="$port" --management.server.port=0 \
    --veille.page-cache.enabled=false > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
    kill -0 $app 2>/dev/null || { echo "The app did not start: see $log"; exit 1; }
    sleep 1
done
base="http://127.0.0.1:$port"
cookie=$(sign_in "$base" "$(prop reader)" "$(prop password)" target/bench/cookies-first-render.txt)

# User and system time so far, in ticks of 10 ms, of the app and of the server processes of its connections.
ticks() { awk '{ sub(/^.*\) /, ""); split($0, f, " "); t += f[12] + f[13] } END { print t + 0 }' "$@" 2>/dev/null; }
backends() {
    PGPASSWORD="$password" psql -h 127.0.0.1 -U "$user" -d "$db" -Atc \
        "select pid from pg_stat_activity where datname = current_database() and application_name = '$pool'" |
        sed 's|^\(.*\)$|/proc/\1/stat|'
}
{
    echo "### First render, $db ($(prop threads) threads), $(date -u '+%Y-%m-%d %H:%M') UTC, build $label, page cache off"
    echo
} > "$out"
measure() {
    name="$1"; path="$2"; shift 2
    curl -s -o /dev/null "$@" "$base$path"
    pg=$(backends)
    app0=$(ticks /proc/$app/stat); pg0=$(ticks $pg)
    result=$(wrk -t2 -c8 -d"$duration" --latency "$@" "$base$path")
    app1=$(ticks /proc/$app/stat); pg1=$(ticks $pg)
    requests=$(echo "$result" | awk '/requests in/ { print $1 }')
    rps=$(echo "$result" | awk '/Requests\/sec/ { print $2 }')
    p99=$(echo "$result" | awk '$1 == "99%" { print $2 }')
    errors=$(echo "$result" | awk '/Non-2xx or 3xx/ { print $5 }')
    [ -z "$errors" ] || echo "$name: $errors answers other than 2xx/3xx" >&2
    loadavg=$(cut -d' ' -f1-3 /proc/loadavg)
    line=$(awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v n="$requests" \
        'BEGIN { printf "%.2f | %.2f | %.2f", a * 10 / n, p * 10 / n, (a + p) * 10 / n }')
    echo "| $name | $rps | $p99 | $line | $loadavg |" >> "$out"
    echo "$name: $rps req/s, p99 $p99, CPU ms/req (app | PostgreSQL | total) $line, load $loadavg"
}
# Separate recordings after all the measures: the profiler's settings slow the JVM down for a while after it stops
# (a page measured right after another's recording ran at half its warm throughput).
record() {
    name="$1"; path="$2"; shift 2
    recording="target/bench/first-render-$db-$label-$(echo "$name" | tr -c 'a-z0-9\n' '-').jfr"
    jcmd $app JFR.start name=first settings=profile filename="$(pwd)/$recording" > /dev/null
    wrk -t2 -c8 -d10s "$@" "$base$path" > /dev/null 2>&1 || true
    jcmd $app JFR.stop name=first > /dev/null
}
# The JIT compiles the paths of all three pages first: rounds of each page in turn, at least six, then until no
# page gains more than 5 % on its previous round (at most BENCH_WARMUP_ROUNDS). On two cores a page reached its
# steady state only after 60 to 100 s of its own load, at two to three times the throughput of its first 10 s (and
# one round's noise can look settled); the rounds are written down, so the cold figures stay on record.
tag="/tag/$(prop popular.tag)"; home="/"; thread="/messages/$(prop thread)"
warm() { wrk -t2 -c8 -d"${BENCH_WARMUP:-10s}" "$@" 2>/dev/null | awk '/Requests\/sec/ { printf "%d", $2 }'; }
rounds=""; previous="0 0 0"; round=0
while [ "$round" -lt "${BENCH_WARMUP_ROUNDS:-10}" ]; do
    round=$((round + 1))
    now="$(warm "$base$tag") $(warm -H "Cookie: $cookie" "$base$home") $(warm "$base$thread")"
    rounds="$rounds${rounds:+; }$now"
    echo "warm-up round $round (req/s of tag page, home stream, thread): $now"
    # shellcheck disable=SC2086
    settled=$(echo $previous $now | awk '{ for (i = 1; i <= 3; i++) if ($(i + 3) > $i * 1.05) { print 0; exit } print 1 }')
    [ "$settled" = 1 ] && [ "$round" -ge 6 ] && break
    previous="$now"
done
{
    echo "Warm-up, req/s of the tag page, home stream and thread page by rounds of ${BENCH_WARMUP:-10s}: $rounds."
    echo
    echo "| page | req/s | p99 | app CPU ms/req | PostgreSQL CPU ms/req | total ms/req | load avg |"
    echo "|---|---|---|---|---|---|---|"
} >> "$out"
for step in measure record; do
    $step "tag page, popular tag (25 cards)" "$tag"
    $step "home stream, signed in" "$home" -H "Cookie: $cookie"
    $step "thread with $(prop thread.replies) replies" "$thread"
done
kill $app
wait $app 2>/dev/null || true
trap - EXIT
for recording in target/bench/first-render-$db-$label-*.jfr; do
    {
        echo
        echo "#### JFR, $(basename "$recording" .jfr)"
        echo
        echo '```'
        jfr_summary "$recording"
        echo '```'
    } >> "$out"
done
echo "Results in $out"
