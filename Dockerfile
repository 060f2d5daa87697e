# The production jar (./mvnw -DskipTests package) on a Java 17 runtime; used by docker-compose.yml.
# Starts on the postgres profile (DB_URL, DB_USER, DB_PASSWORD) with no demo data and no demo users:
# DEMO_DATA=true seeds the demo province and its users (password = username) into an empty database.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/carebridge.jar /app/carebridge.jar
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/carebridge.jar"]
