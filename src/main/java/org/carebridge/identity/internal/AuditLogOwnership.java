package org.carebridge.identity.internal;

import java.sql.Connection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start when, on PostgreSQL, the role CareBridge signs in as could still change the audit log:
 * it is a superuser, or it owns {@code audit_entry} because {@code docs/postgres/audit-owner.sql} was
 * not run. Flyway runs as that role, so the hand-over cannot be a migration; this is the reminder.
 */
@Component
class AuditLogOwnership {

    private static final Logger log = LoggerFactory.getLogger(AuditLogOwnership.class);

    private final JdbcTemplate jdbc;

    AuditLogOwnership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenTheApplicationCouldChangeTheAuditLog() {
        String database = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(database)) {
            return;
        }
        List<String> holes = jdbc.queryForList("""
                select 'the role ' || current_user || ' is a superuser' from pg_roles
                 where rolname = current_user and rolsuper
                union all
                select 'the role ' || current_user || ' owns audit_entry' from pg_tables
                 where tablename = 'audit_entry' and tableowner = current_user
                """, String.class);
        if (!holes.isEmpty()) {
            log.warn("The audit log is not protected from this application: {}. Run docs/postgres/audit-owner.sql"
                    + " as a superuser (README, \"The audit log on PostgreSQL\").", String.join("; ", holes));
        }
    }
}
