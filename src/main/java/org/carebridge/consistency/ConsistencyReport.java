package org.carebridge.consistency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a consistency check found.
 *
 * @param clean      no violation
 * @param checked    how many of each thing were checked: cases of each type, running process instances,
 *                   bookings holding time, audit entries a step must have left
 * @param violations each broken rule, naming its case
 */
public record ConsistencyReport(boolean clean, Map<String, Integer> checked, List<Violation> violations) {

    public ConsistencyReport {
        checked = Collections.unmodifiableMap(new LinkedHashMap<>(checked));
        violations = List.copyOf(violations);
    }

    public ConsistencyReport(Map<String, Integer> checked, List<Violation> violations) {
        this(violations.isEmpty(), checked, violations);
    }

    /** The rules, each named for what is wrong when it breaks. */
    public enum Kind {
        /** An open case no process instance runs: nothing will ever move it on. */
        NO_PROCESS,
        /** An open case more than one process instance runs. */
        SEVERAL_PROCESSES,
        /** An open case whose process waits at a step its status does not allow. */
        WRONG_STEP,
        /** A finished case whose process still waits somewhere its status does not allow. */
        PROCESS_OF_FINISHED_CASE,
        /** A running process instance of a case process whose case row does not exist. */
        PROCESS_WITHOUT_CASE,
        /** A practitioner or a piece of equipment booked twice at the same time. */
        DOUBLE_BOOKING,
        /** A finished case still holding a booked slot. */
        SLOT_OF_FINISHED_CASE,
        /** A step of a case that must have written an audit entry, with no such entry in the log. */
        AUDIT_MISSING
    }

    /**
     * One broken rule. {@code caseId} is the case's id, or for a process instance without a case the id its
     * business key or case variable names (null when it names none); {@code message} says what is wrong in
     * ids, statuses and step names only — never patient data.
     */
    public record Violation(Kind kind, String caseType, String caseId, String message) {
    }
}
