package org.carebridge.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only log of every read and write of patient data. An entry is written in the
 * transaction of the access it records, so an access that is not logged does not happen.
 */
@Service
public class AuditLog {

    /**
     * A client may say why it reads or writes, for example the task it works on. What it says is added to the
     * server's reason, never put in its place: a client cannot make an access look like something else.
     */
    public static final String PURPOSE_HEADER = "X-Purpose";

    private static final RowMapper<AuditEntry> ROW = (rs, i) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action")),
            rs.getObject("patient_id", UUID.class),
            rs.getString("resource"),
            rs.getString("reason"),
            rs.getString("source"));

    /** Patients per query when looking for expected entries (well under every database's limit of parameters). */
    private static final int MISSING_BATCH = 500;

    /** {@code audit_entry.reason}. */
    private static final int REASON_LENGTH = 300;

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an access by the current user. The reason is {@code defaultReason}, followed by the purpose the
     * client stated, if any ({@code "record release; stated purpose: handover to ward 3"}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, UUID patientId, String resource, String defaultReason) {
        recordBatch(action, Collections.singletonList(patientId), resource, defaultReason);
    }

    /** Records one access to many patients' data at once, for example an import or a re-assessment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBatch(AuditAction action, List<UUID> patientIds, String resource, String defaultReason) {
        HttpServletRequest request = currentRequest();
        String stated = request == null ? null : request.getHeader(PURPOSE_HEADER);
        String reason = reason(defaultReason, stated);
        String source = request == null ? "system" : truncate(request.getRemoteAddr(), 100);
        Timestamp now = Timestamp.from(Instant.now());
        String actor = CurrentStaff.actor();
        jdbc.batchUpdate("insert into audit_entry (at, actor, action, patient_id, resource, reason, source)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", patientIds, 1000,
                (ps, patientId) -> {
                    ps.setTimestamp(1, now);
                    ps.setString(2, actor);
                    ps.setString(3, action.name());
                    ps.setObject(4, patientId);
                    ps.setString(5, truncate(resource, 300));
                    ps.setString(6, reason);
                    ps.setString(7, source);
                });
    }

    /**
     * Records something done to or with a staff account rather than to patient data: a sign-in refused
     * or locked ({@code actor} is the username tried), an account disabled or its password reset.
     */
    @Transactional
    public void recordAccountEvent(AuditAction action, String actor, String resource, String reason) {
        HttpServletRequest request = currentRequest();
        String source = request == null ? "system" : truncate(request.getRemoteAddr(), 100);
        jdbc.update("insert into audit_entry (at, actor, action, patient_id, resource, reason, source)"
                        + " values (?, ?, ?, null, ?, ?, ?)", Timestamp.from(Instant.now()), truncate(actor, 64),
                action.name(), truncate(resource, 300), truncate(reason, 300), source);
    }

    /** Entries matching every given criterion, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(UUID patientId, String actor, Instant from, Instant to, Pageable page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (patientId != null) {
            where.append(" and patient_id = ?");
            args.add(patientId);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = ?");
            args.add(actor);
        }
        if (from != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<AuditEntry> entries = jdbc.query("select * from audit_entry" + where
                + " order by at desc, id desc limit ? offset ?", ROW, pageArgs.toArray());
        return new PageImpl<>(entries, page, total);
    }

    /**
     * Which of the given entries the log does not hold: for the consistency check, which asks whether each
     * audited step of a case left its entry. Reads the entries of the patients named, by action, in batches.
     */
    @Transactional(readOnly = true)
    public List<AuditTrace> missing(Collection<AuditTrace> expected) {
        Map<UUID, List<AuditTrace>> byPatient = new HashMap<>();
        expected.forEach(trace -> byPatient.computeIfAbsent(trace.patientId(), p -> new ArrayList<>()).add(trace));
        Set<AuditTrace> found = new HashSet<>();
        List<UUID> patients = new ArrayList<>(byPatient.keySet());
        patients.remove(null);
        List<String> actions = expected.stream().map(trace -> trace.action().name()).distinct().toList();
        for (int from = 0; from < patients.size(); from += MISSING_BATCH) {
            List<UUID> batch = patients.subList(from, Math.min(patients.size(), from + MISSING_BATCH));
            String in = String.join(", ", Collections.nCopies(batch.size(), "?"));
            String actionsIn = String.join(", ", Collections.nCopies(actions.size(), "?"));
            List<Object> args = new ArrayList<>(batch);
            args.addAll(actions);
            jdbc.query("select action, patient_id, resource, reason from audit_entry where patient_id in (" + in
                    + ") and action in (" + actionsIn + ")", rs -> {
                        AuditAction action = AuditAction.valueOf(rs.getString("action"));
                        UUID patient = rs.getObject("patient_id", UUID.class);
                        String resource = rs.getString("resource");
                        String reason = rs.getString("reason");
                        for (AuditTrace trace : byPatient.getOrDefault(patient, List.of())) {
                            if (trace.matches(action, patient, resource, reason)) {
                                found.add(trace);
                            }
                        }
                    }, args.toArray());
        }
        return expected.stream().filter(trace -> !found.contains(trace)).toList();
    }

    /** The server's reason whole, then as much of the stated purpose as the column holds. */
    static String reason(String serverReason, String stated) {
        if (stated == null || stated.isBlank()) {
            return truncate(serverReason, REASON_LENGTH);
        }
        String prefix = serverReason == null || serverReason.isBlank() ? "" : truncate(serverReason, REASON_LENGTH - 40) + "; ";
        return truncate(prefix + "stated purpose: " + stated.strip(), REASON_LENGTH);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
