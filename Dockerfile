# The production jar (./mvnw -DskipTests package) on a Java 17 runtime; used by docker-compose.yml.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/carebridge.jar /app/carebridge.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/carebridge.jar"]
