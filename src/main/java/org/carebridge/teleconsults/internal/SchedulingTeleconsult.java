package org.carebridge.teleconsults.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.identity.AuditAction;
import org.carebridge.referrals.DoctorCalendar;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.stereotype.Component;

/**
 * {@code ScheduleTeleconsult}: the coordinator picks the doctor and the start. The doctor must hold
 * teleconsultations, have the specialty, work then and be free (no referral appointment, no other
 * session); the session gets a room nobody can guess.
 */
@Component
public class SchedulingTeleconsult extends TaskStep<SchedulingTeleconsult.Form> {

    public static final String KEY = "ScheduleTeleconsult";
    static final int DEFAULT_MINUTES = 30;

    public record Form(@NotNull Long doctorId, @NotNull OffsetDateTime start, @Min(15) @Max(240) Integer durationMinutes) {

        int minutes() {
            return durationMinutes == null ? DEFAULT_MINUTES : durationMinutes;
        }
    }

    private final TeleconsultSteps steps;
    private final Directory directory;
    private final DoctorCalendar calendar;
    private final SessionRooms rooms;
    private final Sessions sessions;

    SchedulingTeleconsult(TeleconsultSteps steps, Directory directory, DoctorCalendar calendar, SessionRooms rooms,
            Sessions sessions) {
        super(KEY, Form.class);
        this.steps = steps;
        this.directory = directory;
        this.calendar = calendar;
        this.rooms = rooms;
        this.sessions = sessions;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Teleconsult teleconsult = steps.lock(task);
        Instant start = form.start().toInstant();
        Instant end = start.plus(Duration.ofMinutes(form.minutes()));
        List<FieldError> errors = new ArrayList<>();
        if (start.isBefore(TeleconsultTimeline.now())) {
            errors.add(new FieldError("start", "is in the past"));
        }
        if (!directory.practitionerExists(form.doctorId())) {
            errors.add(new FieldError("doctorId", "is not a known practitioner"));
            throw new InvalidRequestException(errors);
        }
        Practitioner doctor = directory.practitioner(form.doctorId());
        if (!doctor.isTeleconsultCapable()) {
            errors.add(new FieldError("doctorId", doctor.getCode() + " does not hold teleconsultations"));
        }
        if (!doctor.hasSpecialty(teleconsult.getSpecialty())) {
            errors.add(new FieldError("doctorId", doctor.getCode() + " lacks the specialty " + teleconsult.getSpecialty()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        calendar.conflicts(doctor, start, end).forEach(m -> errors.add(new FieldError("start", m)));
        steps.teleconsults.doctorSessions(doctor.getId(), start, end,
                EnumSet.of(TeleconsultStatus.SCHEDULED, TeleconsultStatus.IN_PROGRESS)).stream()
                .filter(other -> !other.getId().equals(teleconsult.getId())).findFirst()
                .ifPresent(other -> errors.add(new FieldError("start", doctor.getCode()
                        + " already holds teleconsult " + other.getId() + " then")));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        teleconsult.scheduled(doctor.getId(), start, end, rooms.newRoom(), TeleconsultTimeline.now());
        steps.record(teleconsult, TeleconsultEventType.SCHEDULED, Wording.of(TeleconsultWording.SCHEDULED)
                .doctor("doctor", doctor.getId()).time("start", start).duration("length", Duration.between(start, end)));
        steps.audit(teleconsult, AuditAction.UPDATE, "schedule");
        return sessions.variables(doctor.getId(), start);
    }
}
