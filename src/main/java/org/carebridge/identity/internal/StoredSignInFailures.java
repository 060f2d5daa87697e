package org.carebridge.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failed sign-ins of one kind (accounts, or source addresses) in table {@code sign_in_failure}, so
 * that every node on the database counts the same failures and honours the same locks. A failure is
 * counted in a transaction of its own that locks the row, so two nodes counting at once lose neither
 * failure. There is no copy in memory: a node that trusted its own copy would let a locked account in.
 */
final class StoredSignInFailures {

    /** How often a node deletes the rows of accounts and addresses quiet for a whole window. */
    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);
    private static final int NAME_LENGTH = 100;

    private final String kind;
    private final SignInBackOff backOff;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AtomicReference<Instant> nextCleanUp = new AtomicReference<>(Instant.MIN);

    StoredSignInFailures(String kind, SignInBackOff backOff, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.kind = kind;
        this.backOff = backOff;
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    StoredSignInFailures(String kind, SignInBackOff backOff, DataSource dataSource) {
        this(kind, backOff, dataSource, new DataSourceTransactionManager(dataSource));
    }

    /** What is recorded against {@code name}, if anything. */
    Optional<FailedSignIns> find(String name) {
        return jdbc.query("select * from sign_in_failure where kind = ? and name = ?", this::tally, kind, key(name))
                .stream().findFirst();
    }

    /** Counts a failure at {@code now}; the end of the lock it starts, if it starts one. */
    Optional<Instant> fail(String name, Instant now) {
        cleanUpNowAndThen(now);
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> failInTransaction(key(name), now));
            } catch (DuplicateKeyException anotherNodeInsertedFirst) {
                if (attempt == 3) {
                    throw anotherNodeInsertedFirst;
                }
                // its row exists now: the next attempt locks and counts it
            }
        }
    }

    /** Forgets the failures of {@code name}: it signed in rightly. */
    void forget(String name) {
        jdbc.update("delete from sign_in_failure where kind = ? and name = ?", kind, key(name));
    }

    private Optional<Instant> failInTransaction(String name, Instant now) {
        List<FailedSignIns> stored = jdbc.query(
                "select * from sign_in_failure where kind = ? and name = ? for update", this::tally, kind, name);
        FailedSignIns tally = stored.isEmpty() ? new FailedSignIns(backOff) : stored.get(0);
        Optional<Instant> lock = tally.fail(now);
        if (stored.isEmpty()) {
            jdbc.update("insert into sign_in_failure (failures, window_start, locks, locked_until, last_activity,"
                    + " kind, name) values (?, ?, ?, ?, ?, ?, ?)", columns(tally, name));
        } else {
            jdbc.update("update sign_in_failure set failures = ?, window_start = ?, locks = ?, locked_until = ?,"
                    + " last_activity = ? where kind = ? and name = ?", columns(tally, name));
        }
        return lock;
    }

    private Object[] columns(FailedSignIns tally, String name) {
        return new Object[] {tally.failures(), at(tally.windowStart()), tally.locks(), at(tally.lockedUntil()),
                at(tally.lastActivity()), kind, name};
    }

    private void cleanUpNowAndThen(Instant now) {
        Instant due = nextCleanUp.get();
        if (now.isBefore(due) || !nextCleanUp.compareAndSet(due, now.plus(CLEAN_UP_EVERY))) {
            return;
        }
        // the same test as FailedSignIns.forgettable: a lock's end counts as activity
        jdbc.update("delete from sign_in_failure where kind = ? and last_activity < ?", kind,
                at(now.minus(backOff.window())));
    }

    private FailedSignIns tally(ResultSet row, int rowNumber) throws SQLException {
        return new FailedSignIns(backOff, row.getInt("failures"), instant(row, "window_start"), row.getInt("locks"),
                instant(row, "locked_until"), instant(row, "last_activity"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String key(String name) {
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }
}
