package org.carebridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.carebridge.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code docs/postgres/audit-owner.sql} on a real PostgreSQL database that CareBridge's migrations built as
 * an ordinary application role owning its database (as {@code .ci/run} and the README set it up): afterwards
 * that role still writes and reads the audit log, and can no longer change, empty, alter or drop it —
 * neither directly nor as owner of the schema or the database. Runs in the PostgreSQL run of the suite.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
@ExtendWith(TestDatabase.PostgresReachable.class)
class AuditOwnerPostgresIT {

    private static final String SERVER = System.getProperty("carebridge.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String SUPERUSER = System.getProperty("carebridge.test.postgres.user", "postgres");
    /** Not TestDatabase's prefix: a parallel run of the suite drops those. */
    private static final String DATABASE = "audit_owner_it_" + ProcessHandle.current().pid();
    private static final String APP_ROLE = "audit_owner_it_app_" + ProcessHandle.current().pid();

    @BeforeAll
    static void migrateAsTheApplicationThenHandTheAuditLogOver() throws Exception {
        asSuperuser("postgres", "drop database if exists " + DATABASE + " with (force)",
                "drop role if exists " + APP_ROLE,
                "create role " + APP_ROLE + " login",
                "create database " + DATABASE + " owner " + APP_ROLE);
        migrateAsApp();
        asApp("insert into audit_entry (at, actor, action, resource) values (now(), 'before', 'READ', 'x')");
        assertThat(auditOwnerScript()).as("the script's output").contains("may only insert and read it");
    }

    @AfterAll
    static void dropDatabaseAndRole() throws SQLException {
        asSuperuser("postgres", "drop database if exists " + DATABASE + " with (force)", "drop role if exists " + APP_ROLE);
    }

    @Test
    void theApplicationStillAddsAndReadsAuditEntries() throws SQLException {
        asApp("insert into audit_entry (at, actor, action, patient_id, resource, reason, source)"
                + " values (now(), 'coordinator', 'READ', null, 'patient 1', 'test', '127.0.0.1')");
        try (Connection app = connect(APP_ROLE); Statement sql = app.createStatement();
                var rows = sql.executeQuery("select count(*) from audit_entry")) {
            rows.next();
            assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theApplicationCannotChangeEmptyAlterOrDropTheAuditLog() {
        for (String attack : List.of(
                "update audit_entry set actor = 'someone else'",
                "delete from audit_entry",
                "truncate audit_entry",
                "alter table audit_entry disable trigger audit_entry_append_only",
                "alter table audit_entry add column note text",
                "alter table audit_entry owner to " + APP_ROLE,
                "drop table audit_entry",
                "create or replace function audit_entry_append_only() returns trigger language plpgsql"
                        + " as $$ begin return new; end; $$",
                "grant carebridge_audit to " + APP_ROLE,
                "set role carebridge_audit",
                "select setval(pg_get_serial_sequence('audit_entry', 'id'), 1)",
                "drop schema public cascade",
                "alter schema public rename to elsewhere")) {
            assertThatThrownBy(() -> asApp(attack)).as(attack).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> asRole(APP_ROLE, "postgres", "drop database " + DATABASE))
                .as("drop database").isInstanceOf(SQLException.class);
    }

    @Test
    void theApplicationKeepsItsOwnTablesAndMigrations() throws Exception {
        asApp("create table later_migration (id int)", "alter table later_migration add column note text",
                "drop table later_migration", "update staff_account set enabled = enabled");
        migrateAsApp(); // Flyway validates and finds nothing to do
        assertThat(auditOwnerScript()).as("running it again").contains("may only insert and read it");
    }

    private static void migrateAsApp() {
        Flyway.configure().dataSource(SERVER + DATABASE, APP_ROLE, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
    }

    private static String auditOwnerScript() throws IOException, InterruptedException {
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        Process psql = new ProcessBuilder("psql", "-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                "-U", SUPERUSER, "-d", DATABASE, "-v", "app_role=" + APP_ROLE,
                "-f", Path.of("docs/postgres/audit-owner.sql").toString())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor()).as(output).isZero();
        return output;
    }

    private static void asApp(String... statements) throws SQLException {
        asRole(APP_ROLE, DATABASE, statements);
    }

    private static void asSuperuser(String database, String... statements) throws SQLException {
        asRole(SUPERUSER, database, statements);
    }

    private static void asRole(String role, String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, role, "");
                Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, role, "");
    }
}
