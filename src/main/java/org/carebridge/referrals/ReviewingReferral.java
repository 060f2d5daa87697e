package org.carebridge.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/**
 * {@code ReviewReferral}: the coordinator routes the referral to a doctor with the specialty (or
 * "AUTO": the first suggestion), asks the referring side for information, or rejects it. Changing the
 * assessment's urgency or specialty needs a reason, kept in the timeline; raising it to EMERGENCY sends
 * the patient to the emergency transfer instead of a doctor.
 */
@Component
class ReviewingReferral extends TaskStep<ReviewingReferral.Form> {

    static final String KEY = "ReviewReferral";
    static final String AUTO = "AUTO";

    enum Decision { ROUTE, REQUEST_INFO, REJECT }

    record Form(@NotNull Decision decision, @Size(max = 32) String doctorId, Urgency urgency, Specialty specialty,
            @Size(max = 2000) String reason) {
    }

    private final ReferralSteps steps;
    private final Directory directory;
    private final StaffAccounts staff;
    private final SlotFinder suggestions;

    ReviewingReferral(ReferralSteps steps, Directory directory, StaffAccounts staff,
            SlotFinder suggestions) {
        super(KEY, Form.class);
        this.steps = steps;
        this.directory = directory;
        this.staff = staff;
        this.suggestions = suggestions;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        boolean hasReason = form.reason() != null && !form.reason().isBlank();
        if (form.decision() != Decision.ROUTE && !hasReason) {
            throw new InvalidRequestException("reason", "is required to " + form.decision().name().toLowerCase().replace('_', ' '));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", form.decision().name());
        Instant now = Timeline.now();
        switch (form.decision()) {
            case ROUTE -> route(referral, form, hasReason, now, variables);
            case REQUEST_INFO -> {
                referral.onHold(now);
                steps.record(referral, TimelineType.INFORMATION_REQUESTED, ReferralWording.reason(form.reason()));
            }
            case REJECT -> {
                referral.finish(ReferralStatus.REJECTED, now);
                steps.record(referral, TimelineType.REJECTED, ReferralWording.reason(form.reason()));
            }
        }
        steps.audit(referral, AuditAction.UPDATE, "review");
        return variables;
    }

    private void route(Referral referral, Form form, boolean hasReason, Instant now, Map<String, Object> variables) {
        Urgency urgency = form.urgency() == null ? referral.getUrgency() : form.urgency();
        Specialty specialty = form.specialty() == null ? referral.getSpecialty() : form.specialty();
        List<FieldError> errors = new ArrayList<>();
        boolean overridden = urgency != referral.getUrgency() || specialty != referral.getSpecialty();
        if (overridden && !hasReason) {
            errors.add(new FieldError("reason", "is required to change the assessment's urgency or specialty"));
        }
        if (urgency == Urgency.EMERGENCY) {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            raiseToEmergency(referral, specialty, form.reason().strip(), now, variables);
            return;
        }
        Practitioner doctor = null;
        if (form.doctorId() == null || form.doctorId().isBlank()) {
            errors.add(new FieldError("doctorId", "is required to route: a practitioner id or \"AUTO\""));
        } else if (errors.isEmpty()) {
            doctor = AUTO.equals(form.doctorId()) ? auto(referral, urgency, specialty, errors)
                    : chosen(referral, form.doctorId(), specialty, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (overridden) {
            steps.record(referral, TimelineType.OVERRIDE, overridden(referral, urgency, specialty, form.reason()));
        }
        referral.routed(doctor.getId(), urgency, specialty, now);
        steps.record(referral, TimelineType.ROUTED, ReferralWording.urgencyAndSpecialty(AUTO.equals(form.doctorId())
                ? ReferralWording.ROUTED_AUTOMATICALLY : ReferralWording.ROUTED, urgency, specialty)
                .doctor("doctor", doctor.getId()));
        variables.put("doctorUsername", staff.usernameOfPractitioner(doctor.getId()).orElseThrow());
        variables.put("urgency", urgency.name());
    }

    private static Wording overridden(Referral referral, Urgency urgency, Specialty specialty, String reason) {
        return ReferralWording.urgencyAndSpecialty(ReferralWording.OVERRIDDEN, urgency, specialty)
                .label("before", "urgency", referral.getUrgency())
                .label("specialtyBefore", "specialty", referral.getSpecialty()).text("reason", reason);
    }

    /** The coordinator judges it an emergency: the patient is transferred now, not routed to a doctor. */
    private void raiseToEmergency(Referral referral, Specialty specialty, String reason, Instant now,
            Map<String, Object> variables) {
        steps.record(referral, TimelineType.OVERRIDE, overridden(referral, Urgency.EMERGENCY, specialty, reason));
        referral.becameEmergency(specialty, now);
        steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.EMERGENCY_AT_REVIEW));
        variables.put("urgency", Urgency.EMERGENCY.name());
        variables.put("doctorUsername", null);
    }

    private Practitioner auto(Referral referral, Urgency urgency, Specialty specialty, List<FieldError> errors) {
        AppointmentDemand demand = new AppointmentDemand(referral.getId(), referral.getPatientId(), urgency, specialty,
                referral.getReferringRegionId(), referral.getReferringFacilityId(), null, referral.getDeclinedDoctorIds(), Timeline.now(),
                SchedulingAppointment.DEFAULT_MINUTES);
        List<AppointmentSuggestion> best = suggestions.suggest(demand, 1);
        if (best.isEmpty()) {
            errors.add(new FieldError("doctorId", "no practitioner with " + specialty
                    + " who has not declined this referral has a free slot"));
            return null;
        }
        return directory.practitioner(best.get(0).doctorId());
    }

    private Practitioner chosen(Referral referral, String doctorId, Specialty specialty, List<FieldError> errors) {
        long id;
        try {
            id = Long.parseLong(doctorId.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("doctorId", "must be a practitioner id or \"AUTO\""));
            return null;
        }
        if (!directory.practitionerExists(id)) {
            errors.add(new FieldError("doctorId", "is not a known practitioner"));
            return null;
        }
        Practitioner doctor = directory.practitioner(id);
        if (!doctor.hasSpecialty(specialty)) {
            errors.add(new FieldError("doctorId", doctor.getCode() + " does not practise " + specialty));
        } else if (referral.getDeclinedDoctorIds().contains(id)) {
            errors.add(new FieldError("doctorId", doctor.getCode() + " has declined this referral already"));
        } else if (staff.usernameOfPractitioner(id).isEmpty()) {
            errors.add(new FieldError("doctorId", doctor.getCode() + " has no CareBridge login to receive it"));
        }
        return doctor;
    }
}
