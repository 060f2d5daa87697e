package org.carebridge.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.RuntimeService;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientAssessments;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The referral API: submit (which starts {@code referral.bpmn}), read, search, timeline and cancel.
 * The steps in between are the process's tasks, completed through the inbox.
 */
@Service
@Validated
@Transactional
public class Referrals {

    static final String PROCESS_KEY = "referral";
    static final String CANCEL_MESSAGE = "CancelReferral";

    private final ReferralRepository referrals;
    private final AppointmentRepository appointments;
    private final Timeline timeline;
    private final PatientRecords patients;
    private final Directory directory;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final SlotFinder suggestions;
    private final Guidelines guidelines;
    private final PatientAssessments assessments;

    Referrals(ReferralRepository referrals, AppointmentRepository appointments, Timeline timeline,
            PatientRecords patients, Directory directory, AuditLog audit, RuntimeService runtime, ObjectMapper json,
            SlotFinder suggestions, Guidelines guidelines, PatientAssessments assessments) {
        this.suggestions = suggestions;
        this.guidelines = guidelines;
        this.assessments = assessments;
        this.referrals = referrals;
        this.appointments = appointments;
        this.timeline = timeline;
        this.patients = patients;
        this.directory = directory;
        this.audit = audit;
        this.runtime = runtime;
        this.json = json;
    }

    /** A clinic refers a patient: the referral is stored, assessed by the guidelines, and its process started. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public ReferralDetails submit(@Valid ReferralRequest request) {
        Referral referral = create(request, null);
        return details(referral, CurrentStaff.get());
    }

    /** Creates and starts a referral; {@code previous} is the referral whose outcome asked for it, if any. */
    Referral create(ReferralRequest request, UUID previous) {
        return create(request, previous == null ? null : Origin.REFERRAL_FOLLOW_UP, previous, null);
    }

    /**
     * A teleconsult found the patient too ill to be seen over video (an EMERGENCY assessment at intake
     * or during the consult): an emergency referral starts at {@code ArrangeEmergencyTransfer}, its
     * urgency EMERGENCY whatever the observations' own assessment says, since the teleconsult already
     * decided. The timeline says which teleconsult it came from.
     */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public ReferralDetails referForEmergencyTransfer(@Valid ReferralRequest request, UUID teleconsultId) {
        Referral referral = create(request, Origin.TELECONSULT_ESCALATED, teleconsultId, "ArrangeEmergencyTransfer");
        return details(referral, CurrentStaff.get());
    }

    /** A teleconsult asks for the patient to be seen in person: a referral starts as if a clinic had sent it. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public ReferralDetails referInPerson(@Valid ReferralRequest request, Origin origin, UUID teleconsultId) {
        Referral referral = create(request, origin, teleconsultId, null);
        return details(referral, CurrentStaff.get());
    }

    /**
     * Creates and starts a referral; {@code origin} names what asked for it (null: a clinic, or a doctor's
     * follow-up), and {@code startBefore} the activity it starts at when its urgency is already known to
     * be EMERGENCY.
     */
    private Referral create(ReferralRequest request, Origin origin, UUID source, String startBefore) {
        List<FieldError> errors = new ArrayList<>();
        Facility facility = null;
        if (!directory.facilityExists(request.referringFacilityId())) {
            errors.add(new FieldError("referringFacilityId", "is not a known facility"));
        } else {
            facility = directory.facility(request.referringFacilityId());
        }
        Patient patient = null;
        try {
            patient = patients.patient(request.patientId());
        } catch (NotFoundException e) {
            errors.add(new FieldError("patientId", "is not a known patient"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = Timeline.now();
        AssessmentRequest input = assessments.intake(patient.getId(), request.observations(),
                new AssessmentContext(request.suspectedConditions(), request.hypercapnicRespiratoryFailure(),
                        request.requestedSpecialty(), request.pregnant()), now);
        String conditions = request.suspectedConditions() == null ? ""
                : request.suspectedConditions().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        Referral referral = new Referral(UUID.randomUUID(), patient.getId(),
                directory.facility(patient.getHomeFacilityId()).getRegionId(), facility.getId(), facility.getRegionId(),
                request.reason().strip(), request.requestedSpecialty(), conditions, AssessingReferral.write(input, json),
                now);
        referrals.saveAndFlush(referral);
        timeline.record(referral.getId(), TimelineType.SUBMITTED, origin == null
                ? Wording.of(ReferralWording.SUBMITTED).facility("facility", facility.getId()).text("reason", referral.getReason())
                : Wording.of(origin).text("source", source)
                        .text("reason", referral.getReason()));
        audit.record(AuditAction.CREATE, patient.getId(), "referral " + referral.getId(), "referral");
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralId", referral.getId().toString());
        variables.put("patientId", patient.getId().toString());
        variables.put("doctorUsername", null);
        String instance;
        if (startBefore == null) {
            instance = runtime.startProcessInstanceByKey(PROCESS_KEY, referral.getId().toString(), variables)
                    .getProcessInstanceId();
        } else {
            Assessment result = guidelines.assess(input);
            referral.assessed(Urgency.EMERGENCY, result.specialty(), AssessingReferral.write(result, json),
                    result.rulesetVersion(), AssessingReferral.write(input, json), now);
            referral.escalate(now);
            timeline.record(referral.getId(), TimelineType.ESCALATED, Wording.of(ReferralWording.EMERGENCY_AT_SUBMISSION)
                    .label("specialty", "specialty", result.specialty()));
            variables.put("urgency", Urgency.EMERGENCY.name());
            instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(referral.getId().toString())
                    .setVariables(variables).startBeforeActivity(startBefore).execute().getProcessInstanceId();
        }
        referral.startedAs(instance);
        return referral;
    }

    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'PLANNER')")
    public ReferralDetails referral(UUID id) {
        StaffMember user = CurrentStaff.get();
        Referral referral = visible(id, user);
        audit.record(AuditAction.READ, referral.getPatientId(), "referral " + id, "referral");
        return details(referral, user);
    }

    /** The board: referrals the caller may see, urgent first, then oldest first. (Not read-only: reads are audited.) */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'PLANNER')")
    public Page<ReferralSummary> search(ReferralFilter filter, Pageable page) {
        StaffMember user = CurrentStaff.get();
        Pageable unsorted = PageRequest.of(page.getPageNumber(), page.getPageSize());
        Page<ReferralSummary> found = referrals.findAll(ReferralAccess.visibleTo(user).and(matching(filter))
                .and(urgentFirst()), unsorted).map(ReferralSummary::of);
        if (found.hasContent()) {
            audit.recordBatch(AuditAction.SEARCH, found.getContent().stream().map(ReferralSummary::patientId)
                    .distinct().toList(), "referral list", "referral board");
        }
        return found;
    }

    /** How many referrals the caller may see are in each status, with the filter's other criteria. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'PLANNER')")
    public Map<ReferralStatus, Long> countByStatus(ReferralFilter filter) {
        ReferralFilter anyStatus = new ReferralFilter(null, filter.urgency(), filter.regionId(), filter.slaBreached(),
                filter.escalated(), filter.patientId());
        return referrals.countByStatus(ReferralAccess.visibleTo(CurrentStaff.get()).and(matching(anyStatus)));
    }

    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'PLANNER')")
    public List<TimelineEntry> timeline(UUID id) {
        StaffMember user = CurrentStaff.get();
        Referral referral = visible(id, user);
        ReferralAccess.requireClinical(user, referral);
        audit.record(AuditAction.READ, referral.getPatientId(), "referral timeline " + id, "referral");
        return timeline.of(id);
    }

    /**
     * The Camunda process instance of the referral, for {@code Tasks.openTasksOf} on its detail page
     * (the tasks module knows processes, not referrals).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'PLANNER')")
    public String processInstanceId(UUID id) {
        return visible(id, CurrentStaff.get()).getProcessInstanceId();
    }

    /** Cancels the referral at any step before it is finished: open tasks end, booked slots are freed. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public ReferralDetails cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason", "size must be between 0 and 2000");
        }
        StaffMember user = CurrentStaff.get();
        Referral referral = referrals.findForUpdate(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        ReferralAccess.requireServed(user, referral);
        if (referral.getStatus().isFinished()) {
            throw new ConflictException("status", "The referral is already " + referral.getStatus());
        }
        Instant now = Timeline.now();
        appointments.findByReferralIdOrderByBookedAtDesc(id).stream()
                .filter(a -> a.getStatus() == Appointment.Status.BOOKED)
                .forEach(a -> a.end(Appointment.Status.CANCELLED));
        referral.finish(ReferralStatus.CANCELLED, now);
        timeline.record(id, TimelineType.CANCELLED, ReferralWording.reason(reason));
        audit.record(AuditAction.UPDATE, referral.getPatientId(), "referral " + id + " cancelled", "referral");
        runtime.createMessageCorrelation(CANCEL_MESSAGE).processInstanceId(referral.getProcessInstanceId()).correlate();
        return details(referral, user);
    }

    /** Where the referral's appointment could go, best first (the scheduler's suggestions). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COORDINATOR')")
    public List<AppointmentSuggestion> suggestions(UUID id, int limit) {
        Referral referral = visible(id, CurrentStaff.get());
        ReferralAccess.requireServed(CurrentStaff.get(), referral);
        if (referral.getStatus().isFinished() || referral.getSpecialty() == null) {
            return List.of();
        }
        return suggestions.suggest(new AppointmentDemand(referral.getId(), referral.getPatientId(),
                referral.getUrgency(), referral.getSpecialty(), referral.getReferringRegionId(),
                referral.getReferringFacilityId(), referral.getAssignedDoctorId(), referral.getDeclinedDoctorIds(), Timeline.now(),
                SchedulingAppointment.DEFAULT_MINUTES), limit);
    }

    Referral visible(UUID id, StaffMember user) {
        Referral referral = referrals.findById(id).orElseThrow(() -> new NotFoundException("No referral " + id));
        ReferralAccess.requireVisible(user, referral);
        return referral;
    }

    ReferralDetails details(Referral r, StaffMember user) {
        Appointment current = appointments.findByReferralIdOrderByBookedAtDesc(r.getId()).stream().findFirst()
                .orElse(null);
        // demand only (planners): no assessment, reason nor outcome
        boolean clinical = ReferralAccess.view(user, r) == ReferralAccess.View.CLINICAL;
        Assessment assessment = clinical && r.getAssessmentJson() != null ? read(r.getAssessmentJson()) : null;
        return new ReferralDetails(r.getId(), r.getPatientId(), r.getStatus(), r.getStatus().fhirStatus(),
                r.getStatus() == ReferralStatus.SCHEDULED ? "scheduled" : null, r.getUrgency(), r.getSpecialty(),
                assessment, r.getRulesetVersion(), r.getAssignedDoctorId(), ReferralDetails.AppointmentView.of(current),
                r.getTransferFacilityId() == null ? null
                        : new ReferralDetails.Transfer(r.getTransferFacilityId(), r.getTransferTransport()),
                !clinical || r.getOutcomeAttended() == null ? null : new ReferralDetails.Outcome(r.getOutcomeAttended(),
                        r.getOutcomeDiagnosis(), r.getOutcomePlan(), r.getOutcomeFollowUp(), r.getMissedAppointments(),
                        r.getFollowUpReferralId()),
                r.isSlaBreached(), r.isEscalated(), r.getDeclineCount(), new TreeSet<>(r.getDeclinedDoctorIds()),
                r.getReferringFacilityId(), r.getReferringRegionId(), clinical ? r.getReason() : null,
                r.getRequestedSpecialty(), r.getCreatedAt(), r.getUpdatedAt(), r.getClosedAt(), clinical);
    }

    private static Specification<Referral> matching(ReferralFilter f) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (f.status() != null) {
                all.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.urgency() != null) {
                all.add(cb.equal(root.get("urgency"), f.urgency()));
            }
            if (f.regionId() != null) {
                all.add(cb.equal(root.get("referringRegionId"), f.regionId()));
            }
            if (f.slaBreached() != null) {
                all.add(cb.equal(root.get("slaBreached"), f.slaBreached()));
            }
            if (f.escalated() != null) {
                all.add(cb.equal(root.get("escalated"), f.escalated()));
            }
            if (f.patientId() != null) {
                all.add(cb.equal(root.get("patientId"), f.patientId()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** Orders by urgency (EMERGENCY first, not yet assessed last), then by age. */
    private static Specification<Referral> urgentFirst() {
        return (root, query, cb) -> {
            if (query.getResultType() != Long.class && query.getResultType() != long.class) {
                Expression<Object> rank = cb.selectCase()
                        .when(cb.equal(root.get("urgency"), Urgency.EMERGENCY), 0)
                        .when(cb.equal(root.get("urgency"), Urgency.URGENT), 1)
                        .when(cb.equal(root.get("urgency"), Urgency.SOON), 2)
                        .when(cb.equal(root.get("urgency"), Urgency.ROUTINE), 3)
                        .otherwise(4);
                query.orderBy(cb.asc(rank), cb.asc(root.get("createdAt")), cb.asc(root.get("id")));
            }
            return cb.conjunction();
        };
    }

    private Assessment read(String assessmentJson) {
        try {
            return json.readValue(assessmentJson, Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
