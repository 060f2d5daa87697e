package org.carebridge.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database's outage (503, try again) and which are CareBridge's or the request's. */
class DatabaseUnavailableTests {

    /** What Hikari throws when no connection comes within its connection-timeout. */
    private static final SQLTransientConnectionException POOL_TIMED_OUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms.",
            new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));

    @Test
    void aTransactionThatCouldNotBeginForWantOfAConnectionIsAnOutage() {
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection", POOL_TIMED_OUT)))).isTrue();
    }

    @Test
    void aQueryOfJdbcTemplateWithoutAConnectionIsAnOutage() {
        assertThat(DatabaseUnavailable.explains(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMED_OUT))).isTrue();
    }

    @Test
    void aConnectionLostDuringACommitIsAnOutage() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("Could not commit JPA transaction",
                new PersistenceException("commit failed", ioError)))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingUpIsAnOutage() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertThat(DatabaseUnavailable.explains(new PersistenceException(new SQLException("terminating", state))))
                    .as(state).isTrue();
        }
    }

    @Test
    void aProcessEngineCommandThatLostItsConnectionIsAnOutage() {
        // Camunda wraps MyBatis, which wraps the driver
        Exception myBatis = new org.apache.ibatis.exceptions.PersistenceException("Error querying database",
                new SQLNonTransientConnectionException("This connection has been closed.", "08003"));
        assertThat(DatabaseUnavailable.explains(new ProcessEngineException("ENGINE-03004 Exception while executing"
                + " Database Operation", myBatis))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThatDiedUnderTheRequestIsAnOutage() throws SQLException {
        // what Hikari answers once it has closed a connection that the server terminated (57P01 in a restart)
        SQLException closed;
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:closed-connection");
            Connection connection = pool.getConnection();
            connection.close();
            closed = catchThrowableOfType(SQLException.class, connection::rollback);
        }
        // Spring throws the failed rollback in place of the request's own failure
        assertThat(DatabaseUnavailable.explains(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", closed)))).isTrue();
        TransactionSystemException jdbcRollback = new TransactionSystemException("Could not roll back JDBC transaction");
        jdbcRollback.initApplicationException(new PersistenceException(new SQLException("terminating", "57P01")));
        assertThat(DatabaseUnavailable.explains(jdbcRollback)).isTrue();
        // a commit refused by the database is no outage
        assertThat(DatabaseUnavailable.explains(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to commit against JDBC Connection", new SQLException("could not serialize", "40001")))))
                .isFalse();
    }

    @Test
    void aSignInThatCouldNotReadTheAccountIsAnOutage() {
        assertThat(DatabaseUnavailable.explains(new InternalAuthenticationServiceException("lookup failed",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMED_OUT)))).isTrue();
        assertThat(DatabaseUnavailable.explains(new DataAccessResourceFailureException("resource failure"))).isTrue();
    }

    @Test
    void aBatchWhoseNextExceptionLostTheConnectionIsAnOutage() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "08006", new int[0]);
        assertThat(DatabaseUnavailable.explains(batch)).isTrue();
        BatchUpdateException withNext = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        withNext.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertThat(DatabaseUnavailable.explains(withNext)).isTrue();
    }

    @Test
    void brokenConstraintsLocksTimeoutsAndBugsAreNoOutage() {
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new CannotAcquireLockException("deadlock",
                new SQLException("deadlock detected", "40P01")))).isFalse();
        // a statement cancelled by its timeout: the query is too slow, the database is there
        assertThat(DatabaseUnavailable.explains(new QueryTimeoutException("cancelled",
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("nested transactions",
                new IllegalStateException("not supported")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new PersistenceException(new SQLException("relation does not exist",
                "42P01")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.explains(null)).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseUnavailable.explains(second)).isFalse();
    }
}
