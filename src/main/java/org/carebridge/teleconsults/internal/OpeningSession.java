package org.carebridge.teleconsults.internal;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.stereotype.Component;

/**
 * Service task {@code OpenSession}: the calling referral already booked the doctor and the start
 * ({@code ScheduleAppointment}), so the teleconsult skips {@code ScheduleTeleconsult} and only opens
 * its session room.
 */
@Component("openTeleconsultSession")
class OpeningSession implements JavaDelegate {

    private final TeleconsultSteps steps;
    private final SessionRooms rooms;
    private final Sessions sessions;

    OpeningSession(TeleconsultSteps steps, SessionRooms rooms, Sessions sessions) {
        this.steps = steps;
        this.rooms = rooms;
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Teleconsult teleconsult = steps.lock(execution);
        long doctorId = ((Number) execution.getVariable("teleconsultDoctorId")).longValue();
        Date start = (Date) execution.getVariable("teleconsultStart");
        Date end = (Date) execution.getVariable("teleconsultEnd");
        teleconsult.scheduled(doctorId, start.toInstant(), end.toInstant(), rooms.newRoom(), TeleconsultTimeline.now());
        steps.record(teleconsult, TeleconsultEventType.SCHEDULED, Wording.of(TeleconsultWording.BOOKED_BY_REFERRAL)
                .doctor("doctor", doctorId).time("start", start.toInstant())
                .duration("length", Duration.between(start.toInstant(), end.toInstant())));
        steps.audit(teleconsult, AuditAction.UPDATE, "session");
        execution.setVariables(sessions.variables(doctorId, start.toInstant()));
    }
}
