package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code docs/ops/backup.sh} and {@code docs/ops/restore.sh} on the database of the shared test context
 * (CareBridge's and Camunda's tables with what the suite wrote): the backup restores into a fresh database
 * with every table's rows and Flyway's history, and there the audit log is append-only again and belongs to
 * {@code carebridge_audit}. Runs in the PostgreSQL run of the suite, with the server's own pg_dump.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class BackupRestorePostgresIT {

    private static final String SERVER = TestDatabase.SERVER;
    private static final String SUPERUSER = TestDatabase.USER;
    /** Not TestDatabase's prefix: a parallel run of the suite drops those. */
    private static final String RESTORED = "carebridge_backup_test_" + ProcessHandle.current().pid();
    private static final String APP_ROLE = "carebridge_backup_test_app_" + ProcessHandle.current().pid();

    @LocalServerPort
    int port;
    @Value("${DB_URL}")
    String sourceUrl;
    @TempDir
    Path folder;

    @AfterAll
    static void dropTheRestoredDatabaseAndItsRole() throws SQLException {
        try (Connection admin = connect("postgres", SUPERUSER); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + RESTORED + " with (force)");
            sql.execute("drop role if exists " + APP_ROLE);
        }
    }

    @Test
    void aBackupRestoresEveryRowIntoAFreshDatabaseWhoseAuditLogStaysAppendOnly() throws Exception {
        String source = sourceUrl.substring(sourceUrl.lastIndexOf('/') + 1);
        // an audited search, so that the audit log has at least one entry to carry over
        assertThat(ApiClient.as(port, "coordinator").get("/api/patients?size=1").status()).isEqualTo(200);
        try (Connection admin = connect("postgres", SUPERUSER); Statement sql = admin.createStatement()) {
            sql.execute("drop role if exists " + APP_ROLE);
            sql.execute("create role " + APP_ROLE + " login");
        }

        Path dump = folder.resolve("carebridge.dump");
        Map<String, Long> sourceRows;
        List<String> sourceHistory;
        // pg_dump reads the snapshot this transaction exported, so the counts below are of the same rows
        try (Connection snapshot = connect(source, SUPERUSER)) {
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String id = single(snapshot, "select pg_export_snapshot()");
            run(source, "docs/ops/backup.sh", dump.toString(), "--snapshot=" + id);
            sourceRows = rowsPerTable(snapshot);
            sourceHistory = flywayHistory(snapshot);
            snapshot.rollback();
        }
        assertThat(Files.size(dump)).isPositive();
        run(source, "docs/ops/restore.sh", dump.toString(), RESTORED);

        assertThat(sourceRows).containsKeys("audit_entry", "flyway_schema_history", "patient", "staff_account",
                "act_re_procdef", "act_ge_bytearray", "act_ru_execution", "act_hi_procinst");
        assertThat(sourceRows.get("audit_entry")).isPositive();
        assertThat(sourceRows.get("patient")).isPositive();
        assertThat(sourceRows.get("act_re_procdef")).isPositive();
        try (Connection restored = connect(RESTORED, SUPERUSER)) {
            assertThat(rowsPerTable(restored)).as("rows per table").isEqualTo(sourceRows);
            assertThat(flywayHistory(restored)).as("flyway_schema_history").isEqualTo(sourceHistory);
            assertThat(single(restored, "select tableowner from pg_tables where tablename = 'audit_entry'"))
                    .isEqualTo("carebridge_audit");
            assertThat(single(restored, "select tableowner from pg_tables where tablename = 'patient'"))
                    .isEqualTo(APP_ROLE);
            // the trigger refuses even the superuser
            for (String change : List.of("update audit_entry set actor = 'someone else'", "delete from audit_entry",
                    "truncate audit_entry")) {
                assertThatThrownBy(() -> execute(restored, change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
        try (Connection app = connect(RESTORED, APP_ROLE)) {
            // CareBridge's role adds entries (the id sequence went along) and cannot change, empty or drop them
            execute(app, "insert into audit_entry (at, actor, action, resource)"
                    + " values (now(), 'restored', 'READ', 'x')");
            for (String change : List.of("update audit_entry set actor = 'someone else'", "delete from audit_entry",
                    "truncate audit_entry", "alter table audit_entry disable trigger audit_entry_append_only",
                    "drop table audit_entry")) {
                assertThatThrownBy(() -> execute(app, change)).as(change).isInstanceOf(SQLException.class);
            }
        }
    }

    /** Runs one of the scripts as an operator would, against the suite's server as its superuser. */
    private static void run(String database, String script, String... arguments)
            throws IOException, InterruptedException {
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("DB_"));
        env.put("PGHOST", server.getHost());
        env.put("PGPORT", String.valueOf(server.getPort()));
        env.put("PGUSER", SUPERUSER);
        env.put("PGDATABASE", database);
        env.put("APP_ROLE", APP_ROLE);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(script + " ended").isTrue();
        assertThat(process.exitValue()).as(script + " said:\n" + output).isZero();
        assertThat(output).as(script).contains("Done: ");
    }

    /** Every table of the schema public (CareBridge's, Camunda's ACT_*, Flyway's) and its number of rows. */
    private static Map<String, Long> rowsPerTable(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, Long.valueOf(single(connection, "select count(*) from public.\"" + table + "\"")));
        }
        return counts;
    }

    private static List<String> flywayHistory(Connection connection) throws SQLException {
        List<String> history = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                "select installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                        + " execution_time, success from flyway_schema_history order by installed_rank")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(rows.getString(column));
                }
                history.add(String.join(" | ", row));
            }
        }
        assertThat(history).as("flyway_schema_history").isNotEmpty();
        return history;
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(SERVER + database, role, "");
    }
}
