#!/bin/sh
# Import of a bookmark file with enrichment skipped: see docs/BENCHMARKS.md. Argument: N or bookmarks=N.
set -e
cd "$(dirname "$0")/.."
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.transfer.ImportBenchmark "$@"
