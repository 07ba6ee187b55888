# Builds Veille from this repository and runs it on a JRE. docker-compose.yml gives it PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B package -DskipTests && cp target/veille-*.jar /veille.jar

FROM eclipse-temurin:17-jre
# curl for the health check below
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app veille
WORKDIR /app
COPY --from=build /veille.jar /app/veille.jar
USER veille
# 8080: the site. 8081: health and metrics, on the container's loopback only (README: Operations).
EXPOSE 8080
# Ready: PostgreSQL answers and the page cache hears its changes. Docker stops with SIGTERM: Veille then
# finishes the requests in progress and gives its fetch jobs back (allow it 30 s: stop_grace_period).
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/veille.jar"]
