#!/bin/sh
# Page benchmarks at 10,000 and 1,000,000 messages: see bench/README.md. Writes target/bench/results-<db>.md.
# Usage: bench/run.sh [--skip-generate] [sizes...]   (default sizes: 10000 1000000)
# BENCH_UNCACHED=1 runs the app with its page cache off: every request is rendered.
set -e
cd "$(dirname "$0")/.."
. bench/sign-in.sh
generate=yes
if [ "$1" = "--skip-generate" ]; then generate=no; shift; fi
sizes="${*:-10000 1000000}"
port="${BENCH_PORT:-8085}"
duration="${BENCH_DURATION:-15s}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
mkdir -p target/bench
cache=on; cache_enabled=true
[ -z "$BENCH_UNCACHED" ] || { cache=off; cache_enabled=false; }
if [ ! -f target/veille.jar ] || [ -n "$(find src/main -newer target/veille.jar -print -quit)" ]; then
    ./mvnw -q ${MAVEN_OFFLINE:+-o} package -DskipTests
    cp "$(ls target/veille-*.jar | grep -v original | head -1)" target/veille.jar
fi
for size in $sizes; do
    db="veille_bench_$size"
    [ "$generate" = no ] || bench/generate.sh --messages "$size" --database "$db"
    props="target/bench/$db.properties"
    prop() { sed -n "s/^$1=//p" "$props" | sed 's/\\:/:/g'; }
    out="target/bench/results-$db${BENCH_UNCACHED:+-uncached}.md"
    log="target/bench/app-$db${BENCH_UNCACHED:+-uncached}.log"
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false \
        java -Xmx512m -jar target/veille.jar --server.port="$port" --management.server.port=0 --veille.page-cache.enabled=$cache_enabled > "$log" 2>&1 &
    app=$!
    trap 'kill $app 2>/dev/null || true' EXIT
    until curl -sf -o /dev/null "http://127.0.0.1:$port/login"; do
        kill -0 $app 2>/dev/null || { echo "The app did not start: see $log"; exit 1; }
        sleep 1
    done
    base="http://127.0.0.1:$port"
    cookie=$(sign_in "$base" "$(prop reader)" "$(prop password)" "target/bench/cookies-$db.txt")
    popular=$(prop popular.tag)
    rare=$(prop rare.tag)
    thread=$(prop thread)
    etag=$(curl -s -D - -o /dev/null "$base/tag/$popular/feed" | sed -n 's/^[Ee][Tt]ag: \(.*\)\r$/\1/p')
    {
        echo "### $size messages ($(prop threads) threads), $(date -u +%Y-%m-%d), page cache $cache"
        echo
        echo "| page | URL | req/s | median | p99 | non-2xx/3xx | load avg |"
        echo "|---|---|---|---|---|---|---|"
    } > "$out"
    load() {
        name="$1"; path="$2"; shift 2
        curl -s -o /dev/null "$@" "$base$path"    # warm-up
        wrk -t2 -c16 -d5s "$@" "$base$path" > /dev/null 2>&1 || true
        result=$(wrk -t2 -c16 -d"$duration" --latency "$@" "$base$path")
        rps=$(echo "$result" | awk '/Requests\/sec/ { print $2 }')
        p50=$(echo "$result" | awk '$1 == "50%" { print $2 }')
        p99=$(echo "$result" | awk '$1 == "99%" { print $2 }')
        errors=$(echo "$result" | awk '/Non-2xx or 3xx/ { print $5 }')
        loadavg=$(cut -d' ' -f1 /proc/loadavg)
        echo "| $name | \`$path\` | $rps | $p50 | $p99 | ${errors:-0} | $loadavg |" >> "$out"
        echo "$name: $rps req/s, median $p50, p99 $p99"
    }
    # The JIT warms up on every page first, so that the first page measured is not the one paying for it.
    for path in "/tag/$popular" "/tag/$rare" "/messages/$thread" "/search?q=%C3%A9nergie+solaire" "/tag/$popular/feed"; do
        wrk -t1 -c4 -d5s "$base$path" > /dev/null 2>&1 || true
    done
    load "tag page, popular tag ($(prop popular.tag.threads) threads, tree form)" "/tag/$popular"
    load "tag page, popular tag, exact form" "/tag/$popular\$"
    load "tag page, rare tag ($(prop rare.tag.threads) threads)" "/tag/$rare"
    load "home stream (200 people, 50 tags)" "/" -H "Cookie: $cookie"
    load "thread with $(prop thread.replies) replies" "/messages/$thread"
    load "search, two words" "/search?q=%C3%A9nergie+solaire"
    load "search, relevance order" "/search?q=%C3%A9nergie+solaire&order=relevance"
    load "search, rare word and tag" "/search?q=abeille+%23$rare"
    load "tag feed (200)" "/tag/$popular/feed"
    load "tag feed, If-None-Match (304)" "/tag/$popular/feed" -H "If-None-Match: $etag"
    rss=$(ps -o rss= -p $app)
    hwm=$(sed -n 's/^VmHWM:\s*//p' /proc/$app/status)
    {
        echo
        echo "App resident memory after the load: $((rss / 1024)) MiB (peak VmHWM: $hwm)."
        echo
    } >> "$out"
    kill $app
    wait $app 2>/dev/null || true
    trap - EXIT
    PGPASSWORD="$password" psql -h 127.0.0.1 -U "$user" -d "$db" -v popular="$(prop popular.key)" \
        -v rare="$(prop rare.key)" -v reader="$(prop reader)" -v thread="$thread" -f bench/explain.sql > "target/bench/explain-$db.txt" 2>&1
    echo "Results in $out, query plans in target/bench/explain-$db.txt"
done
