package org.carebridge.teleconsults.internal;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carebridge.cases.CaseBookings;
import org.carebridge.cases.CaseSnapshot;
import org.carebridge.cases.CaseStates;
import org.carebridge.cases.HeldTime;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.carebridge.teleconsults.Teleconsults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Teleconsults as their rows stand, and the doctors' time their sessions hold, for the consistency check.
 * A teleconsult a referral called is a process instance of its own (its row names it), so it is checked like
 * any other; its session is the referral's appointment, which the referral module reports.
 */
@Component
class TeleconsultStates implements CaseStates, CaseBookings {

    static final String CASE_TYPE = "teleconsult";

    /** Where {@code teleconsult.bpmn} may wait while the teleconsult is in each status; finished ones have no process. */
    static final Map<TeleconsultStatus, Set<String>> WAITS_AT = new EnumMap<>(TeleconsultStatus.class);

    static {
        // requested, or booked again after a failed link
        WAITS_AT.put(TeleconsultStatus.REQUESTED, Set.of(SchedulingTeleconsult.KEY));
        // booked (by a coordinator or by the calling referral), then under way from its start
        WAITS_AT.put(TeleconsultStatus.SCHEDULED, Set.of(ConductingTeleconsult.KEY));
        WAITS_AT.put(TeleconsultStatus.IN_PROGRESS, Set.of(ConductingTeleconsult.KEY));
        for (TeleconsultStatus status : TeleconsultStatus.values()) {
            if (status.isFinished()) {
                WAITS_AT.put(status, Set.of());
            }
        }
    }

    private final JdbcTemplate jdbc;

    TeleconsultStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    @Override
    public String processKey() {
        return Teleconsults.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return TeleconsultAccess.CASE_VARIABLE;
    }

    @Override
    public List<CaseSnapshot> cases() {
        return jdbc.query("select id, status from teleconsult", (rs, i) -> {
            TeleconsultStatus status = TeleconsultStatus.valueOf(rs.getString("status"));
            return new CaseSnapshot(CASE_TYPE, rs.getObject("id", UUID.class), status.name(), !status.isFinished(),
                    WAITS_AT.get(status));
        });
    }

    /** What {@link SessionCommitments} counts: the booked sessions of teleconsults asked for on their own. */
    @Override
    public List<HeldTime> heldTime() {
        return jdbc.query("select id, doctor_id, starts_at, ends_at from teleconsult where status in (?, ?)"
                        + " and referral_id is null and doctor_id is not null and starts_at is not null",
                (rs, i) -> new HeldTime(CASE_TYPE, rs.getObject("id", UUID.class), HeldTime.Resource.PRACTITIONER,
                        rs.getLong("doctor_id"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(), "teleconsult session", true),
                TeleconsultStatus.SCHEDULED.name(), TeleconsultStatus.IN_PROGRESS.name());
    }
}
