#!/bin/sh
# E-mails of a popular thread: see docs/BENCHMARKS.md. Arguments: recipients=N posts=N rounds=N workers=N.
set -e
cd "$(dirname "$0")/.."
./mvnw -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.veille.bench.MailBenchmark "$@"
