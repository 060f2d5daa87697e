package org.carebridge.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an account was last disabled, given a new password, new roles, a new facility or new regions: a
 * password verified, or a session begun, before then no longer counts. Two records of it:
 * <ul>
 * <li>the account's {@code credentials_changed_at} column, written in the change's own transaction, which
 * every node reads — so a change made on one node holds on all of them;
 * <li>this node's memory, written once the change is committed, which closes the moment between the
 * column's time (before the commit) and the commit itself on the node that made the change.
 * </ul>
 */
@Component
public class AccountRevocations {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> revokedHere = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration remembered;
    private final Function<String, Optional<Instant>> storedChange;

    @Autowired
    AccountRevocations(JdbcTemplate jdbc) {
        this(Clock.systemUTC(), SessionLifetime.ABSOLUTE, username -> jdbc.query(
                "select credentials_changed_at from staff_account where username = ?",
                (row, i) -> row.getObject(1, OffsetDateTime.class), username).stream()
                .filter(at -> at != null).map(OffsetDateTime::toInstant).findFirst());
    }

    /** This node's memory alone, as when no other node shares the accounts. */
    AccountRevocations() {
        this(Clock.systemUTC(), SessionLifetime.ABSOLUTE);
    }

    AccountRevocations(Clock clock, Duration remembered) {
        this(clock, remembered, username -> Optional.empty());
    }

    AccountRevocations(Clock clock, Duration remembered, Function<String, Optional<Instant>> storedChange) {
        this.clock = clock;
        this.remembered = remembered;
        this.storedChange = storedChange;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StaffAccountChanged changed) {
        revoke(changed.username());
    }

    void revoke(String username) {
        Instant now = clock.instant();
        if (revokedHere.size() >= MAX_ENTRIES) {
            revokedHere.values().removeIf(at -> at.plus(remembered).isBefore(now));
        }
        revokedHere.put(username, now);
    }

    /**
     * Whether the account changed at or after {@code since} (a time of this node's clock), on this node or
     * on another: then a session begun at {@code since} ends.
     */
    boolean revokedSince(String username, Instant since) {
        return revokedHereSince(username, since)
                || username != null && changedAt(username).filter(at -> !at.isBefore(since)).isPresent();
    }

    /** Whether the account changed at or after {@code since} on this node. */
    boolean revokedHereSince(String username, Instant since) {
        Instant at = username == null ? null : revokedHere.get(username);
        return at != null && !at.isBefore(since);
    }

    /**
     * The account's last change as every node sees it (empty when never changed since its creation). Two
     * reads that differ mean it changed in between, whatever the nodes' clocks say.
     */
    Optional<Instant> changedAt(String username) {
        return storedChange.apply(username);
    }
}
