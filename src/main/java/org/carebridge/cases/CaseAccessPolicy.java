package org.carebridge.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import org.carebridge.identity.StaffMember;

/**
 * Who may work each task of a case of one kind ({@code shared/spec/roles.md}, "Objects, not only
 * roles"). One per case type, implemented by the module that owns the case beside its rules for who sees
 * the case; the task inbox lists, opens, claims and completes a task only when {@link #mayWork} says so,
 * and offers no task of a process without a policy. Roles combine as a union of what each grants on the same case:
 * a role that sees the case never lets another role work its tasks.
 */
public interface CaseAccessPolicy {

    /** How long after a case closes its care team may still reach it and the patient's chart through it. */
    Duration ACCESS_AFTER_CLOSE = Duration.ofDays(30);

    /** The key of the process whose instances are cases of this type. */
    String processKey();

    /** The process variable holding the case's id. */
    String caseVariable();

    /** Whether the user may work the open task {@code taskKey} of the case; false for a case that is gone. */
    boolean mayWork(StaffMember user, UUID caseId, String taskKey);

    /** Whether a case closed at {@code closedAt} (null: still open) is still within reach of its care team. */
    static boolean withinReach(Instant closedAt, Instant now) {
        return closedAt == null || closedAt.plus(ACCESS_AFTER_CLOSE).isAfter(now);
    }

    /** The same rule as {@link #withinReach(Instant, Instant)}, as a query criterion on a {@code closedAt} column. */
    static Predicate withinReach(Path<Instant> closedAt, CriteriaBuilder cb, Instant now) {
        return cb.or(cb.isNull(closedAt), cb.greaterThan(closedAt, now.minus(ACCESS_AFTER_CLOSE)));
    }
}
