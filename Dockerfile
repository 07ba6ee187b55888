# Builds Veille from this repository and runs it on a JRE. docker-compose.yml gives it PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B package -DskipTests && cp target/veille-*.jar /veille.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app veille
WORKDIR /app
COPY --from=build /veille.jar /app/veille.jar
USER veille
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/veille.jar"]
