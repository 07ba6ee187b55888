#!/bin/sh
# Fetch throughput of one Veille instance: see docs/BENCHMARKS.md. Arguments: pages=N delay-ms=N nodelay=true|false.
set -e
cd "$(dirname "$0")/.."
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.bench.FetchBenchmark "$@"
