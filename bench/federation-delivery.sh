#!/bin/sh
# ActivityPub delivery throughput: see docs/BENCHMARKS.md. Arguments: followers=N hosts=N posts=N workers=N per-host=N.
set -e
cd "$(dirname "$0")/.."
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.bench.FederationBenchmark "$@"
