package org.carebridge.tasks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's schema, created by Flyway with Camunda's own scripts (those its {@code schema-update} would run)
 * rather than by the engine at start. Flyway holds a lock while it migrates, so any number of nodes started
 * together on an empty database create it once; the engine, started after the migrations
 * ({@link ProcessEngineAfterMigrations}), only checks it. A database whose Camunda tables exist already (made by
 * an earlier CareBridge that let the engine create them) is left as it is.
 * <p>
 * A Camunda upgrade brings its scripts under {@code org/camunda/bpm/engine/db/upgrade}; it is a new migration
 * here that runs them.
 */
@Component
class CamundaSchema implements FlywayConfigurationCustomizer {

    static final MigrationVersion VERSION = MigrationVersion.fromVersion("22");
    /** The order {@code DbSqlSession.dbSchemaCreate} runs them in: history, identity, CMMN and DMN are all used. */
    static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.javaMigrations(new Creation());
    }

    /** The Camunda create scripts for the database's kind ({@code h2} or {@code postgres}). */
    static List<String> statements(String databaseType) throws IOException {
        List<String> statements = new ArrayList<>();
        for (String part : PARTS) {
            String resource = "org/camunda/bpm/engine/db/create/activiti." + databaseType + ".create." + part + ".sql";
            try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Camunda has no script " + resource);
                }
                statements.addAll(split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return statements;
    }

    /** Statements end with a semicolon; lines starting with {@code --} are comments (as Camunda reads them). */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String text = statement.toString().strip();
                statements.add(text.substring(0, text.length() - 1));
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            statements.add(statement.toString().strip());
        }
        return statements;
    }

    static String databaseType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("CareBridge runs on H2 or PostgreSQL, not " + product);
    }

    static boolean camundaTablesExist(Connection connection) throws SQLException {
        for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static final class Creation implements JavaMigration {

        @Override
        public MigrationVersion getVersion() {
            return VERSION;
        }

        @Override
        public String getDescription() {
            return "Camunda schema";
        }

        @Override
        public Integer getChecksum() {
            return PARTS.hashCode();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            Connection connection = context.getConnection();
            if (camundaTablesExist(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(databaseType(connection))) {
                    statement.execute(sql);
                }
            }
        }
    }
}
