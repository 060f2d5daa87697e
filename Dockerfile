# The production jar (./mvnw -DskipTests package) on a Java 17 runtime; used by docker-compose.yml.
# Starts on the postgres profile (DB_URL, DB_USER, DB_PASSWORD) with no demo data and no demo users:
# DEMO_DATA=true seeds the demo province and its users (password = username) into an empty database.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/carebridge.jar /app/carebridge.jar
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
# Ready: started, migrations applied, taking requests (docker-compose.yml checks the same).
HEALTHCHECK --interval=10s --timeout=5s --start-period=300s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# A JVM out of memory is in an unknown state: it exits, and the restart policy starts it afresh.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/carebridge.jar"]
