package org.carebridge.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached (down, restarting, cut off, out of
 * connections) rather than that the request or CareBridge is wrong: then the answer is 503 with
 * {@code Retry-After}, not 500. The layers in between (Spring's transaction managers, Hibernate, JPA,
 * Camunda, MyBatis, Spring Security's sign-in) each wrap the driver's exception in their own, so the
 * whole chain of causes is read, not the outermost type.
 */
public final class DatabaseUnavailable {

    /** What {@code Retry-After} says: the pool waits 3 s for a connection, so sooner would only fail again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final int DEEPEST_CAUSE = 32;

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
    public static boolean explains(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.size() < DEEPEST_CAUSE && seen.add(cause);
                cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && unreachable(sql.getNextException())) {
                return true;
            }
            if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && explains(tx.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable failure) {
        return failure instanceof SQLTransientConnectionException          // Hikari: no connection within its timeout
                || failure instanceof SQLNonTransientConnectionException   // the driver: connection refused or closed
                || failure instanceof SQLRecoverableException
                || failure instanceof DataAccessResourceFailureException  // Spring's own name for it (SQLState 08, 53)
                || failure instanceof org.hibernate.exception.JDBCConnectionException
                || failedRollback(failure)
                || failure instanceof SQLException sql && unreachableState(sql.getSQLState());
    }

    /**
     * A rollback that failed: a live connection always rolls back, so its failure means the connection died under
     * the transaction. Hikari then answers every call on it with a plain "Connection is closed" (no SQLState), and
     * Spring throws that rollback failure in place of the request's own failure (which named the outage), as seen
     * when PostgreSQL restarted under load (docs/benchmarks.md, "Issue 13").
     */
    private static boolean failedRollback(Throwable failure) {
        return failure instanceof org.hibernate.TransactionException && failure.getCause() instanceof SQLException
                && failure.getMessage() != null && failure.getMessage().startsWith("Unable to rollback");
    }

    /**
     * SQLState class 08 (connection exception) of the SQL standard; PostgreSQL's 57P01 to 57P03 (the
     * server shuts down, crashed, or does not take connections yet) and 53300 (too many connections).
     */
    static boolean unreachableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
