package org.carebridge.recordrelease;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carebridge.cases.CaseAudits;
import org.carebridge.cases.CaseSnapshot;
import org.carebridge.cases.CaseStates;
import org.carebridge.cases.ExpectedAudit;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditTrace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Record requests as their rows stand, and the audit entries each release must have left, for the consistency
 * check. After a release {@code record-release.bpmn} runs two branches — the 30-day expiry timer and, when the
 * glass was broken, the administrator's review — so a request may be finished while one of them still waits.
 */
@Component
class ReleaseStates implements CaseStates, CaseAudits {

    static final String CASE_TYPE = "record-request";
    static final String EXPIRY_TIMER = "ReleaseExpired";

    /**
     * Where the process may wait in each status, before the branch of an emergency review is added. REQUESTED
     * never stands once the request is committed: its consent is decided in the transaction that stores it.
     */
    static final Map<RecordRequestStatus, Set<String>> WAITS_AT = new EnumMap<>(RecordRequestStatus.class);

    static {
        WAITS_AT.put(RecordRequestStatus.REQUESTED, Set.of());
        WAITS_AT.put(RecordRequestStatus.AWAITING_CONSENT, Set.of(ObtainingConsent.KEY));
        WAITS_AT.put(RecordRequestStatus.UNDER_REVIEW, Set.of(ReviewingRelease.KEY));
        WAITS_AT.put(RecordRequestStatus.RELEASED, Set.of(EXPIRY_TIMER));
        // finished, yet a branch may wait: a revoked release's timer still runs out its 30 days (and then does
        // nothing), and a release that expired before its emergency review still waits for that review
        WAITS_AT.put(RecordRequestStatus.REVOKED, Set.of(EXPIRY_TIMER));
        WAITS_AT.put(RecordRequestStatus.EXPIRED, Set.of());
        WAITS_AT.put(RecordRequestStatus.DENIED, Set.of());
        WAITS_AT.put(RecordRequestStatus.CANCELLED, Set.of());
    }

    private final JdbcTemplate jdbc;

    ReleaseStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the process may wait: a broken glass adds the administrator's review beside the expiry timer. */
    static Set<String> waitsAt(RecordRequestStatus status, boolean breakGlass) {
        Set<String> steps = new HashSet<>(WAITS_AT.get(status));
        if (breakGlass && (status == RecordRequestStatus.RELEASED || status == RecordRequestStatus.EXPIRED)) {
            steps.add(ReviewingEmergencyAccess.KEY);
        }
        return steps;
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    @Override
    public String processKey() {
        return RecordRequests.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return ReleaseAccess.CASE_VARIABLE;
    }

    @Override
    public List<CaseSnapshot> cases() {
        return jdbc.query("select id, status, break_glass from record_request", (rs, i) -> {
            RecordRequestStatus status = RecordRequestStatus.valueOf(rs.getString("status"));
            return new CaseSnapshot(CASE_TYPE, rs.getObject("id", UUID.class), status.name(), !status.isFinished(),
                    waitsAt(status, rs.getBoolean("break_glass")));
        });
    }

    /**
     * What the steps of each released request audit in their own transactions ({@link PackagingRecords} through
     * the record extract, {@link DecidingConsent}, {@link ExpiringRelease}, {@link ReviewingEmergencyAccess}).
     */
    @Override
    public List<ExpectedAudit> expectedAudits() {
        List<ExpectedAudit> expected = new ArrayList<>();
        jdbc.query("select id, patient_id, status, break_glass from record_request where released_at is not null", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            UUID patient = rs.getObject("patient_id", UUID.class);
            RecordRequestStatus status = RecordRequestStatus.valueOf(rs.getString("status"));
            String request = " of record request " + id;
            expected.add(new ExpectedAudit(CASE_TYPE, id, "extract of the records",
                    new AuditTrace(AuditAction.READ, patient, "record extract", "record release " + id)));
            expected.add(new ExpectedAudit(CASE_TYPE, id, "release of the bundle",
                    new AuditTrace(AuditAction.CREATE, patient, "released bundle" + request, null)));
            if (rs.getBoolean("break_glass")) {
                expected.add(new ExpectedAudit(CASE_TYPE, id, "breaking the glass",
                        new AuditTrace(AuditAction.UPDATE, patient, "break the glass" + request, null)));
            }
            if (status == RecordRequestStatus.EXPIRED || status == RecordRequestStatus.REVOKED) {
                expected.add(new ExpectedAudit(CASE_TYPE, id, "end of access",
                        new AuditTrace(AuditAction.UPDATE, patient, "access revoked" + request, null)));
            }
        });
        return expected;
    }
}
