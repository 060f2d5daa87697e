package org.carebridge.consistency;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.carebridge.cases.CaseAudits;
import org.carebridge.cases.CaseBookings;
import org.carebridge.cases.CaseSnapshot;
import org.carebridge.cases.CaseStates;
import org.carebridge.cases.ExpectedAudit;
import org.carebridge.cases.HeldTime;
import org.carebridge.consistency.ConsistencyReport.Kind;
import org.carebridge.consistency.ConsistencyReport.Violation;
import org.carebridge.consistency.internal.RunningProcesses;
import org.carebridge.consistency.internal.RunningProcesses.Instance;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.AuditTrace;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether case rows, Camunda's process instances, bookings and the audit log agree. Each rule is one method
 * below. Everything is read in one read-only transaction at REPEATABLE READ, so that a step committing while
 * the check runs is seen whole or not at all (each step changes its row and its process in one transaction):
 * what is reported was inconsistent in one snapshot of the database.
 */
@Service
public class ConsistencyCheck {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final List<CaseStates> caseTypes;
    private final List<CaseBookings> bookings;
    private final List<CaseAudits> audits;
    private final RunningProcesses processes;
    private final AuditLog auditLog;

    ConsistencyCheck(List<CaseStates> caseTypes, List<CaseBookings> bookings, List<CaseAudits> audits,
            RunningProcesses processes, AuditLog auditLog) {
        this.caseTypes = caseTypes;
        this.bookings = bookings;
        this.audits = audits;
        this.processes = processes;
        this.auditLog = auditLog;
    }

    /** A case as violations name it: its type and id (a process instance's case id may be any text). */
    private record CaseRef(String caseType, String caseId) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ConsistencyReport run() {
        Map<String, Integer> checked = new LinkedHashMap<>();
        Map<CaseRef, CaseSnapshot> cases = new LinkedHashMap<>();
        Map<String, String> caseVariableByKey = new LinkedHashMap<>();
        Map<String, String> caseTypeByKey = new HashMap<>();
        for (CaseStates type : caseTypes) {
            List<CaseSnapshot> snapshots = type.cases();
            snapshots.forEach(c -> cases.put(new CaseRef(c.caseType(), c.caseId().toString()), c));
            checked.put(type.caseType(), snapshots.size());
            caseVariableByKey.put(type.processKey(), type.caseVariable());
            caseTypeByKey.put(type.processKey(), type.caseType());
        }
        List<Instance> running = processes.of(caseVariableByKey);
        checked.put("process-instance", running.size());
        List<HeldTime> held = bookings.stream().flatMap(b -> b.heldTime().stream()).toList();
        checked.put("booking", held.size());
        List<ExpectedAudit> expected = audits.stream().flatMap(a -> a.expectedAudits().stream()).toList();
        checked.put("audit-entry", expected.size());

        Map<CaseRef, List<Instance>> instancesOfCase = new HashMap<>();
        running.forEach(i -> instancesOfCase.computeIfAbsent(new CaseRef(caseTypeByKey.get(i.processKey()), i.caseId()),
                ref -> new ArrayList<>()).add(i));
        List<Violation> violations = new ArrayList<>();
        cases.forEach((ref, snapshot) -> {
            List<Instance> live = instancesOfCase.getOrDefault(ref, List.of());
            if (snapshot.open()) {
                openCaseRunsOnceAtItsStep(snapshot, live, violations);
            } else {
                finishedCaseLeavesNoProcess(snapshot, live, violations);
            }
        });
        processRunsAnExistingCase(instancesOfCase, cases, violations);
        nobodyIsBookedTwice(held, violations);
        finishedCaseHoldsNoSlot(held, cases, violations);
        auditedStepsLeftTheirEntries(expected, violations);
        violations.sort(Comparator.comparing(Violation::kind).thenComparing(Violation::caseType,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Violation::caseId,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Violation::message));
        return new ConsistencyReport(checked, violations);
    }

    /** 1. An open case has exactly one running process instance, waiting only where its status allows. */
    private static void openCaseRunsOnceAtItsStep(CaseSnapshot snapshot, List<Instance> live, List<Violation> violations) {
        if (live.isEmpty()) {
            violations.add(violation(Kind.NO_PROCESS, snapshot, "is " + snapshot.status()
                    + " but no process instance runs it"));
        } else if (live.size() > 1) {
            violations.add(violation(Kind.SEVERAL_PROCESSES, snapshot, "is run by " + live.size()
                    + " process instances: " + live.stream().map(Instance::id).sorted().collect(Collectors.joining(", "))));
        } else if (live.get(0).waitingAt().isEmpty() || !snapshot.mayWaitAt().containsAll(live.get(0).waitingAt())) {
            violations.add(violation(Kind.WRONG_STEP, snapshot, "is " + snapshot.status() + " but its process "
                    + live.get(0).id() + " waits at " + live.get(0).waitingAt() + allowed(snapshot)));
        }
    }

    /** 2. A finished case has no running process instance, unless a branch may still wait where its status allows. */
    private static void finishedCaseLeavesNoProcess(CaseSnapshot snapshot, List<Instance> live, List<Violation> violations) {
        for (Instance instance : live) {
            boolean allowed = live.size() == 1 && !instance.waitingAt().isEmpty()
                    && snapshot.mayWaitAt().containsAll(instance.waitingAt());
            if (!allowed) {
                violations.add(violation(Kind.PROCESS_OF_FINISHED_CASE, snapshot, "is " + snapshot.status()
                        + " but its process " + instance.id() + " still waits at " + instance.waitingAt()
                        + (snapshot.mayWaitAt().isEmpty() ? "" : allowed(snapshot))));
            }
        }
    }

    /** 3. Every running instance of a case process runs a case that exists. */
    private static void processRunsAnExistingCase(Map<CaseRef, List<Instance>> instancesOfCase,
            Map<CaseRef, CaseSnapshot> cases, List<Violation> violations) {
        instancesOfCase.forEach((ref, instances) -> {
            if (!cases.containsKey(ref)) {
                for (Instance instance : instances) {
                    violations.add(new Violation(Kind.PROCESS_WITHOUT_CASE, ref.caseType(), ref.caseId(), "process "
                            + instance.id() + " (" + instance.processKey() + ") waits at " + instance.waitingAt()
                            + (ref.caseId() == null ? " and names no case" : " for a " + ref.caseType() + " that does not exist")));
                }
            }
        });
    }

    /** 4. No practitioner or piece of equipment is held by two bookings at once. */
    private static void nobodyIsBookedTwice(List<HeldTime> held, List<Violation> violations) {
        Map<String, List<HeldTime>> byResource = held.stream().collect(Collectors.groupingBy(
                h -> h.resource() + " " + h.resourceId()));
        byResource.values().forEach(bookingsOfOne -> {
            List<HeldTime> byStart = bookingsOfOne.stream().sorted(Comparator.comparing(HeldTime::start)).toList();
            Map<HeldTime, List<HeldTime>> overlapping = new LinkedHashMap<>();
            for (int i = 0; i < byStart.size(); i++) {
                HeldTime first = byStart.get(i);
                for (int j = i + 1; j < byStart.size() && byStart.get(j).start().isBefore(first.end()); j++) {
                    HeldTime second = byStart.get(j);
                    if (first.overlaps(second)) {
                        overlapping.computeIfAbsent(first, h -> new ArrayList<>()).add(second);
                        overlapping.computeIfAbsent(second, h -> new ArrayList<>()).add(first);
                    }
                }
            }
            overlapping.forEach((booking, others) -> violations.add(new Violation(Kind.DOUBLE_BOOKING,
                    booking.caseType(), booking.caseId().toString(), resource(booking) + " is booked " + span(booking)
                            + " by " + booking.booking() + " and at the same time by " + others.stream()
                            .map(o -> o.booking() + " of " + o.caseType() + " " + o.caseId() + " " + span(o))
                            .collect(Collectors.joining(", ")))));
        });
    }

    /** 5. A finished case holds no slot still to come. */
    private static void finishedCaseHoldsNoSlot(List<HeldTime> held, Map<CaseRef, CaseSnapshot> cases,
            List<Violation> violations) {
        for (HeldTime booking : held) {
            CaseSnapshot owner = cases.get(new CaseRef(booking.caseType(), booking.caseId().toString()));
            if (booking.pending() && owner != null && !owner.open()) {
                violations.add(violation(Kind.SLOT_OF_FINISHED_CASE, owner, "is " + owner.status() + " but "
                        + booking.booking() + " still holds " + resource(booking) + " " + span(booking)));
            }
        }
    }

    /** 6. Every audited step a case took (a record release above all) left its entry in the audit log. */
    private void auditedStepsLeftTheirEntries(List<ExpectedAudit> expected, List<Violation> violations) {
        Map<AuditTrace, List<ExpectedAudit>> byTrace = expected.stream().collect(Collectors.groupingBy(ExpectedAudit::entry));
        for (AuditTrace missing : auditLog.missing(byTrace.keySet())) {
            for (ExpectedAudit step : byTrace.get(missing)) {
                violations.add(new Violation(Kind.AUDIT_MISSING, step.caseType(), step.caseId().toString(),
                        "the " + step.step() + " left no audit entry (" + missing.action() + " of \""
                                + missing.resourceStartsWith() + "…\"" + (missing.reasonStartsWith() == null ? ""
                                : " for \"" + missing.reasonStartsWith() + "…\"") + ")"));
            }
        }
    }

    private static Violation violation(Kind kind, CaseSnapshot snapshot, String what) {
        return new Violation(kind, snapshot.caseType(), snapshot.caseId().toString(),
                snapshot.caseType() + " " + snapshot.caseId() + " " + what);
    }

    private static String allowed(CaseSnapshot snapshot) {
        return snapshot.mayWaitAt().isEmpty() ? ", and no step is right for " + snapshot.status()
                : "; in " + snapshot.status() + " it may wait at " + new TreeSet<>(snapshot.mayWaitAt());
    }

    private static String resource(HeldTime booking) {
        return (booking.resource() == HeldTime.Resource.PRACTITIONER ? "practitioner " : "equipment ") + booking.resourceId();
    }

    private static String span(HeldTime booking) {
        return TIME.format(booking.start()) + "–" + TIME.format(booking.end());
    }
}
