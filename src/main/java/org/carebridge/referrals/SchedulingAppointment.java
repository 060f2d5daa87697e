package org.carebridge.referrals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Equipment;
import org.carebridge.directory.Practitioner;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;

/**
 * {@code ScheduleAppointment}: the coordinator books the accepted doctor's slot. Refused when the
 * start is past, outside the doctor's hours, or taken by the doctor or the equipment (400 naming the
 * conflict). The doctor's outcome is due a day after the appointment ends.
 */
@Component
class SchedulingAppointment extends TaskStep<SchedulingAppointment.Form> {

    static final String KEY = "ScheduleAppointment";
    static final int DEFAULT_MINUTES = 30;

    record Form(@NotNull OffsetDateTime start, @NotNull AppointmentMode mode, Long facilityId, Long equipmentId,
            @Min(15) @Max(480) Integer durationMinutes) {

        int minutes() {
            return durationMinutes == null ? DEFAULT_MINUTES : durationMinutes;
        }
    }

    private final ReferralSteps steps;
    private final Directory directory;
    private final Bookings bookings;

    SchedulingAppointment(ReferralSteps steps, Directory directory, Bookings bookings) {
        super(KEY, Form.class);
        this.steps = steps;
        this.directory = directory;
        this.bookings = bookings;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        Practitioner doctor = directory.practitioner(referral.getAssignedDoctorId());
        Instant start = form.start().toInstant();
        Instant end = start.plus(Duration.ofMinutes(form.minutes()));
        Long facilityId = form.facilityId() != null ? form.facilityId()
                : form.mode() == AppointmentMode.TELECONSULT ? referral.getReferringFacilityId() : null;
        List<FieldError> errors = new ArrayList<>();
        if (start.isBefore(Timeline.now())) {
            errors.add(new FieldError("start", "is in the past"));
        }
        if (form.mode() == AppointmentMode.TELECONSULT && !doctor.isTeleconsultCapable()) {
            errors.add(new FieldError("mode", doctor.getCode() + " does not hold teleconsultations"));
        }
        if (facilityId == null) {
            errors.add(new FieldError("facilityId", "is required for an appointment in person"));
        } else if (!directory.facilityExists(facilityId)) {
            errors.add(new FieldError("facilityId", "is not a known facility"));
        }
        if (form.equipmentId() != null) {
            checkEquipment(form.equipmentId(), form.mode(), facilityId, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Appointment appointment = bookings.book(referral.getId(), doctor, start, end, form.mode(), facilityId,
                form.equipmentId(), CurrentStaff.actor());
        referral.scheduled(Timeline.now());
        steps.record(referral, TimelineType.SCHEDULED, Wording.of(ReferralWording.SCHEDULED)
                .label("mode", "referrals.mode", form.mode()).doctor("doctor", doctor.getId())
                .time("start", appointment.getStartsAt()).duration("length", Duration.ofMinutes(form.minutes()))
                .text("equipment", form.equipmentId() == null ? null : directory.equipmentPiece(form.equipmentId()).getCode()));
        steps.audit(referral, AuditAction.UPDATE, "appointment");
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcomeDue", Date.from(end.plus(ServiceLevels.OUTCOME_AFTER_APPOINTMENT)));
        variables.put("appointmentMode", form.mode().name());
        if (form.mode() == AppointmentMode.TELECONSULT) {
            // what the called teleconsult ({@code teleconsult.bpmn}) needs: it skips its own scheduling
            variables.put("teleconsultDoctorId", doctor.getId());
            variables.put("teleconsultStart", Date.from(start));
            variables.put("teleconsultEnd", Date.from(end));
            variables.put("teleconsultFacilityId", referral.getReferringFacilityId());
            variables.put("teleconsultSpecialty", (referral.getSpecialty() != null ? referral.getSpecialty()
                    : referral.getRequestedSpecialty()).name());
            variables.put("teleconsultReason", referral.getReason());
            variables.put("teleconsultAssessmentInput", referral.getAssessmentInputJson());
        }
        return variables;
    }

    private void checkEquipment(long equipmentId, AppointmentMode mode, Long facilityId, List<FieldError> errors) {
        Equipment piece;
        try {
            piece = directory.equipmentPiece(equipmentId);
        } catch (NotFoundException e) {
            errors.add(new FieldError("equipmentId", "is not known equipment"));
            return;
        }
        if (mode == AppointmentMode.TELECONSULT) {
            return; // used by the clinic's staff on the patient's side, wherever it stands
        }
        if (!piece.isMobile() && !Objects.equals(piece.getFacilityId(), facilityId)) {
            errors.add(new FieldError("equipmentId", piece.getCode() + " stands at another facility and is not mobile"));
        }
    }
}
