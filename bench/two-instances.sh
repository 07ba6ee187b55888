#!/bin/sh
# Two Veille instances on one database behind nginx, against one instance behind the same nginx: wrk on a tag
# page and on a signed-in home stream through the proxy, the figures and their ratio. See bench/README.md.
# Usage: bench/two-instances.sh [--skip-generate]   (corpus: veille_bench_two, 10,000 messages)
# Also measures the signed-in home stream on one instance with sessions in memory instead of PostgreSQL.
set -e
cd "$(dirname "$0")/.."
. bench/sign-in.sh
generate=yes
if [ "$1" = "--skip-generate" ]; then generate=no; shift; fi
db="${BENCH_DATABASE:-veille_bench_two}"
messages="${BENCH_MESSAGES:-10000}"
user="${BENCH_DB_USER:-veille_dev}"
password="${BENCH_DB_PASSWORD:-dev}"
duration="${BENCH_DURATION:-15s}"
proxy=18080
first=18081
second=18082
mkdir -p target/bench
out="target/bench/results-two-instances.md"

# nginx and wrk from Debian's packages when missing (the script runs as root, like CI).
for tool in nginx wrk envsubst; do
    if ! command -v "$tool" > /dev/null; then
        apt-get update -qq && apt-get install -y -qq nginx-light wrk gettext-base > /dev/null
        break
    fi
done

if [ ! -f target/veille.jar ] || [ -n "$(find src/main pom.xml -newer target/veille.jar -print -quit)" ]; then
    ./mvnw -q ${MAVEN_OFFLINE:+-o} package -DskipTests
    cp "$(ls target/veille-*.jar | grep -v original | head -1)" target/veille.jar
fi
[ "$generate" = no ] || bench/generate.sh --messages "$messages" --database "$db"
props="target/bench/$db.properties"
prop() { sed -n "s/^$1=//p" "$props" | sed 's/\\:/:/g'; }

pids=""
nginx_dir="$(pwd)/target/bench/nginx"
cleanup() {
    [ ! -f "$nginx_dir/nginx.pid" ] || nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -s stop 2>/dev/null || true
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# An instance on this port (its management port 10 above it); extra arguments go to the application.
start() {
    port="$1"; shift
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_DATASOURCE_PASSWORD="$password" VEILLE_FETCH_ENABLED=false SERVER_FORWARD_HEADERS_STRATEGY=native \
        java -Xmx512m -jar target/veille.jar --server.port="$port" --management.server.port=$((port + 10)) "$@" \
        > "target/bench/app-two-instances-$port.log" 2>&1 &
    pids="$pids $!"
    tries=0
    until curl -sf -o /dev/null "http://127.0.0.1:$((port + 10))/actuator/health/readiness"; do
        tries=$((tries + 1))
        [ "$tries" -lt 180 ] || { echo "Instance on $port did not get ready: see target/bench/app-two-instances-$port.log"; exit 1; }
        sleep 1
    done
}

stop_all() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do while kill -0 "$pid" 2>/dev/null; do sleep 1; done; done
    pids=""
}

# nginx with its own prefix and configuration (the system's is left alone), proxying to these ports.
proxy_to() {
    mkdir -p "$nginx_dir/logs"
    servers=""
    for port in "$@"; do servers="$servers server 127.0.0.1:$port;"; done
    VEILLE_UPSTREAM_SERVERS="$servers" VEILLE_PROXY_PORT="$proxy" \
        envsubst '${VEILLE_UPSTREAM_SERVERS} ${VEILLE_PROXY_PORT}' < bench/nginx/veille.conf.template > "$nginx_dir/veille.conf"
    cat > "$nginx_dir/nginx.conf" <<CONF
worker_processes 1;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $nginx_dir/body;
    proxy_temp_path $nginx_dir/proxy;
    include $nginx_dir/veille.conf;
}
CONF
    if [ -f "$nginx_dir/nginx.pid" ] && kill -0 "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null; then
        nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -s reload
        sleep 1
    else
        nginx -p "$nginx_dir" -c "$nginx_dir/nginx.conf"
    fi
}


# wrk through the proxy: prints requests/s, median, p99 and non-2xx/3xx answers, and records the row.
load() {
    setup="$1"; name="$2"; path="$3"; shift 3
    wrk -t2 -c16 -d5s "$@" "http://127.0.0.1:$proxy$path" > /dev/null 2>&1 || true
    result=$(wrk -t2 -c16 -d"$duration" --latency "$@" "http://127.0.0.1:$proxy$path")
    rps=$(echo "$result" | awk '/Requests\/sec/ { print $2 }')
    p50=$(echo "$result" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$result" | awk '$1 == "99%" { print $2 }')
    errors=$(echo "$result" | awk '/Non-2xx or 3xx/ { print $5 }')
    echo "| $setup | $name | $rps | $p50 | $p99 | ${errors:-0} | $(cut -d' ' -f1 /proc/loadavg) |" >> "$out"
    echo "$setup, $name: $rps req/s, median $p50, p99 $p99" >&2
    echo "$rps"
}

popular=$(prop popular.tag)
{
    echo "### Two instances behind nginx, $messages messages, $(date -u +%Y-%m-%d), $(nproc) cores"
    echo
    echo "| instances | page | req/s | median | p99 | non-2xx/3xx | load avg |"
    echo "|---|---|---|---|---|---|---|"
} > "$out"

# The JIT compiles the pages' code first, on each instance directly, so that no figure pays for it.
warm() {
    for port in "$@"; do
        for path in "/tag/$popular" "/"; do
            wrk -t1 -c4 -d"${BENCH_WARMUP:-20s}" -H "Cookie: $cookie" "http://127.0.0.1:$port$path" > /dev/null 2>&1 || true
        done
    done
}

start "$first"
start "$second"
proxy_to "$first" "$second"
cookie=$(sign_in "http://127.0.0.1:$proxy" "$(prop reader)" "$(prop password)" target/bench/cookies-two-instances.txt)
warm "$first" "$second"
two_tag=$(load "2 behind nginx" "tag page (/tag/$popular)" "/tag/$popular")
two_home=$(load "2 behind nginx" "home stream, signed in" "/" -H "Cookie: $cookie")

proxy_to "$first"
one_tag=$(load "1 behind nginx" "tag page (/tag/$popular)" "/tag/$popular")
one_home=$(load "1 behind nginx" "home stream, signed in" "/" -H "Cookie: $cookie")
stop_all

# The cost of sessions in PostgreSQL: the same signed-in page with sessions in the instance's memory.
start "$first" --spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration
proxy_to "$first"
memory_cookie=$(sign_in "http://127.0.0.1:$proxy" "$(prop reader)" "$(prop password)" target/bench/cookies-two-instances.txt)
cookie="$memory_cookie"
warm "$first"
memory_home=$(load "1 behind nginx, sessions in memory" "home stream, signed in" "/" -H "Cookie: $memory_cookie")

{
    echo
    echo "Two instances against one: tag page x$(echo "$two_tag $one_tag" | awk '{ printf "%.2f", $1 / $2 }'),"\
        "signed-in home stream x$(echo "$two_home $one_home" | awk '{ printf "%.2f", $1 / $2 }')."\
        "Sessions in PostgreSQL against in memory, signed-in home stream, one instance:"\
        "x$(echo "$one_home $memory_home" | awk '{ printf "%.2f", $1 / $2 }')."
} >> "$out"
cat "$out"
