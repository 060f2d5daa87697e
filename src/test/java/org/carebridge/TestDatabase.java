package org.carebridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the integration suite keeps its data: in-memory H2 by default; with the {@code postgres}
 * profile, a database created fresh for this run on the PostgreSQL server at 127.0.0.1:5432 (the
 * databases of earlier runs are dropped first).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER = System.getProperty("carebridge.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("carebridge.test.postgres.user", "postgres");
    static final String PREFIX = "carebridge_it_";
    static final String HOW_TO_START = "PostgreSQL is not reachable at " + SERVER + "; start it with"
            + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
            + " (or `apt-get install -y postgresql` first) to run the PostgreSQL integration suite.";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (postgresRequested()) {
            String database = createFreshDatabase();
            // the environment variables the postgres profile (and docker-compose.yml) hand over
            TestPropertyValues.of(
                    "DB_URL=" + SERVER + database,
                    "DB_USER=" + USER,
                    "DB_PASSWORD=").applyTo(context);
        } else {
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:h2:mem:carebridge-it;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa",
                    "spring.datasource.password=").applyTo(context);
        }
    }

    static boolean postgresRequested() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String createFreshDatabase() {
        String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs = sql.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String old : stale) {
                if (!ownerAlive(old)) {
                    sql.execute("drop database if exists " + old + " with (force)");
                }
            }
            sql.execute("create database " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException(HOW_TO_START, e);
        }
    }

    /**
     * Whether the test run that made a database (its name ends with that JVM's process id) still runs here: a
     * run started beside it must not take its database away.
     */
    static boolean ownerAlive(String database) {
        String pid = database.substring(database.lastIndexOf('_') + 1);
        return pid.chars().allMatch(Character::isDigit) && ProcessHandle.of(Long.parseLong(pid))
                .map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Skips the PostgreSQL run, saying how to start a server, when none is reachable; in CI
     * ({@code CI=true}) the run is required and goes ahead to fail loudly instead.
     */
    public static class PostgresReachable implements ExecutionCondition {

        private static Boolean reachable;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!postgresRequested() || "true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("no PostgreSQL needed, or required by CI");
            }
            if (reachable == null) {
                reachable = postgresReachable();
            }
            return reachable ? ConditionEvaluationResult.enabled("PostgreSQL is up")
                    : ConditionEvaluationResult.disabled(HOW_TO_START);
        }
    }
}
