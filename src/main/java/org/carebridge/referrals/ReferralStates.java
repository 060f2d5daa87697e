package org.carebridge.referrals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carebridge.cases.CaseBookings;
import org.carebridge.cases.CaseSnapshot;
import org.carebridge.cases.CaseStates;
import org.carebridge.cases.HeldTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Referrals as their rows stand, and the slots their appointments hold, for the consistency check. Where
 * {@code referral.bpmn} may wait in each status is read off its steps: which status each step leaves the
 * referral in when the process moves on to the next wait.
 */
@Component
class ReferralStates implements CaseStates, CaseBookings {

    static final String CASE_TYPE = "referral";

    /** Where the process may wait while the referral is in each status; finished ones have no process. */
    static final Map<ReferralStatus, Set<String>> WAITS_AT = new EnumMap<>(ReferralStatus.class);

    static {
        // submitted, declined, unanswered, information given, an emergency lowered: review; or an emergency
        // at submission, at review or on new observations: the transfer
        WAITS_AT.put(ReferralStatus.REQUESTED, Set.of("ReviewReferral", ChangingUrgency.EMERGENCY_TRANSFER));
        WAITS_AT.put(ReferralStatus.ON_HOLD, Set.of("ProvideInformation"));
        WAITS_AT.put(ReferralStatus.RECEIVED, Set.of("AcceptReferral"));
        // accepted, or a teleconsult that was not held: book a slot
        WAITS_AT.put(ReferralStatus.ACCEPTED, Set.of(SchedulingAppointment.KEY));
        // booked in person or over video, the transfer arranged; a first missed appointment stays SCHEDULED
        // while it is booked again (or transferred, for an emergency), as does a teleconsult that escalated
        WAITS_AT.put(ReferralStatus.SCHEDULED, Set.of("DocumentOutcome", "Teleconsultation", SchedulingAppointment.KEY,
                ChangingUrgency.EMERGENCY_TRANSFER));
        WAITS_AT.put(ReferralStatus.REPORTED, Set.of("AcknowledgeOutcome"));
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status.isFinished()) {
                WAITS_AT.put(status, Set.of());
            }
        }
    }

    private final JdbcTemplate jdbc;

    ReferralStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String caseType() {
        return CASE_TYPE;
    }

    @Override
    public String processKey() {
        return Referrals.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return ReferralAccess.CASE_VARIABLE;
    }

    @Override
    public List<CaseSnapshot> cases() {
        return jdbc.query("select id, status from referral", (rs, i) -> {
            ReferralStatus status = ReferralStatus.valueOf(rs.getString("status"));
            return new CaseSnapshot(CASE_TYPE, rs.getObject("id", UUID.class), status.name(), !status.isFinished(),
                    WAITS_AT.get(status));
        });
    }

    /**
     * What {@link Bookings} refuses to book over ({@link Bookings#HELD}): booked appointments, and attended ones
     * that have not ended (an outcome may be documented early). An attended appointment in the past is history.
     */
    @Override
    public List<HeldTime> heldTime() {
        List<HeldTime> held = new ArrayList<>();
        jdbc.query("select id, referral_id, practitioner_id, equipment_id, starts_at, ends_at, status from appointment"
                        + " where status = ? or status = ? and ends_at > ?", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID referral = rs.getObject("referral_id", UUID.class);
                    Instant start = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
                    Instant end = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
                    boolean pending = Appointment.Status.BOOKED.name().equals(rs.getString("status"));
                    String booking = "appointment " + id;
                    held.add(new HeldTime(CASE_TYPE, referral, HeldTime.Resource.PRACTITIONER, rs.getLong("practitioner_id"),
                            start, end, booking, pending));
                    long equipment = rs.getLong("equipment_id");
                    if (!rs.wasNull()) {
                        held.add(new HeldTime(CASE_TYPE, referral, HeldTime.Resource.EQUIPMENT, equipment, start, end,
                                booking, pending));
                    }
                }, Appointment.Status.BOOKED.name(), Appointment.Status.ATTENDED.name(),
                OffsetDateTime.ofInstant(Timeline.now(), ZoneOffset.UTC));
        return held;
    }
}
