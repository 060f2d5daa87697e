package org.carebridge.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of the append-only audit log (PostgreSQL's is a PL/pgSQL trigger): refuses UPDATE and DELETE. */
public class AuditEntryAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only (" + (newRow == null ? "DELETE" : "UPDATE") + " refused)");
    }
}
