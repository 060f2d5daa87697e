package org.carebridge.teleconsults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.RuntimeService;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.internal.SessionRooms;
import org.carebridge.teleconsults.internal.Teleconsult;
import org.carebridge.teleconsults.internal.TeleconsultAccess;
import org.carebridge.teleconsults.internal.TeleconsultIntake;
import org.carebridge.teleconsults.internal.TeleconsultRepository;
import org.carebridge.teleconsults.internal.TeleconsultTimeline;
import org.carebridge.teleconsults.internal.TeleconsultVital;
import org.carebridge.teleconsults.internal.TeleconsultVitalRepository;
import org.carebridge.teleconsults.internal.TeleconsultWording;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The teleconsult API: request (which starts {@code teleconsult.bpmn}), read, search, timeline,
 * observations during the consult, and cancel. The steps in between are the process's tasks,
 * completed through the inbox.
 */
@Service
@Validated
@Transactional
public class Teleconsults {

    public static final String PROCESS_KEY = "teleconsult";
    static final String CANCEL_MESSAGE = "CancelTeleconsult";
    static final String DETERIORATION_MESSAGE = "TeleconsultDeteriorated";

    private final TeleconsultRepository teleconsults;
    private final TeleconsultVitalRepository vitals;
    private final TeleconsultIntake intake;
    private final TeleconsultTimeline timeline;
    private final SessionRooms rooms;
    private final PatientRecords patients;
    private final Guidelines guidelines;
    private final Directory directory;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final ObjectMapper json;

    Teleconsults(TeleconsultRepository teleconsults, TeleconsultVitalRepository vitals, TeleconsultIntake intake,
            TeleconsultTimeline timeline, SessionRooms rooms, PatientRecords patients, Guidelines guidelines,
            Directory directory, AuditLog audit, RuntimeService runtime, ObjectMapper json) {
        this.teleconsults = teleconsults;
        this.vitals = vitals;
        this.intake = intake;
        this.timeline = timeline;
        this.rooms = rooms;
        this.patients = patients;
        this.guidelines = guidelines;
        this.directory = directory;
        this.audit = audit;
        this.runtime = runtime;
        this.json = json;
    }

    /** A clinic asks for a teleconsult: it is stored, assessed by the guidelines, and its process started. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public TeleconsultDetails request(@Valid TeleconsultRequest request) {
        Teleconsult teleconsult = intake.create(request.patientId(), request.requestingFacilityId(),
                request.specialty(), request.reason(), request.observations(), new AssessmentContext(
                        request.suspectedConditions(), request.hypercapnicRespiratoryFailure(), null, request.pregnant()),
                null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("teleconsultId", teleconsult.getId().toString());
        variables.put("teleconsultRef", teleconsult.getId().toString());
        variables.put("patientId", teleconsult.getPatientId().toString());
        variables.put("doctorUsername", null);
        // started before the first step runs: an EMERGENCY ends the process inside this call
        String instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(teleconsult.getId().toString())
                .setVariables(variables).execute().getProcessInstanceId();
        teleconsult.startedAs(instance);
        return details(teleconsult);
    }

    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public TeleconsultDetails teleconsult(UUID id) {
        Teleconsult teleconsult = visible(id);
        audit.record(AuditAction.READ, teleconsult.getPatientId(), "teleconsult " + id, "teleconsult");
        return details(teleconsult);
    }

    /** Teleconsults the caller may see, newest first. (Not read-only: reads are audited.) */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public Page<TeleconsultSummary> search(TeleconsultStatus status, Long doctorId, Pageable page) {
        Specification<Teleconsult> filter = (root, q, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (status != null) {
                all.add(cb.equal(root.get("status"), status));
            }
            if (doctorId != null) {
                all.add(cb.equal(root.get("doctorId"), doctorId));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<TeleconsultSummary> found = teleconsults.findAll(TeleconsultAccess.visibleTo(CurrentStaff.get())
                .and(filter), newestFirst).map(Teleconsults::summary);
        if (found.hasContent()) {
            audit.recordBatch(AuditAction.SEARCH, found.getContent().stream().map(TeleconsultSummary::patientId)
                    .distinct().toList(), "teleconsult list", "teleconsult list");
        }
        return found;
    }

    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public List<TeleconsultTimelineEntry> timeline(UUID id) {
        Teleconsult teleconsult = visible(id);
        audit.record(AuditAction.READ, teleconsult.getPatientId(), "teleconsult timeline " + id, "teleconsult");
        return timeline.of(id);
    }

    /** The observations the requesting side sent during the consult, oldest first: the live vitals. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public List<Vital> vitals(UUID id) {
        Teleconsult teleconsult = visible(id);
        audit.record(AuditAction.READ, teleconsult.getPatientId(), "teleconsult vitals " + id, "teleconsult");
        return vitals.findByTeleconsultIdOrderByIdAsc(id).stream().map(v -> new Vital(v.getAt(), v.getRecordedBy(),
                read(v.getObservationsJson()), v.getUrgency())).toList();
    }

    /** The process instance, for {@code Tasks.openTasksOf} on the detail page. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public String processInstanceId(UUID id) {
        return visible(id).getProcessInstanceId();
    }

    /** Doctors who could hold the session: teleconsult-capable with the specialty, by code. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public List<Practitioner> candidateDoctors(UUID id) {
        Teleconsult teleconsult = visible(id);
        return directory.allPractitioners().stream()
                .filter(p -> p.isTeleconsultCapable() && p.hasSpecialty(teleconsult.getSpecialty()))
                .sorted(java.util.Comparator.comparing(Practitioner::getCode)).toList();
    }

    /**
     * The requesting side sends new observations while the consult is open: they go into the patient's
     * record, the teleconsult is re-assessed, and a rise to EMERGENCY interrupts the consult and escalates.
     */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public TeleconsultDetails addObservations(UUID id, @NotNull @Valid Observations observations) {
        if (observations.measuresNothing()) {
            throw new InvalidRequestException("observations", "must hold at least one value");
        }
        ObjectNode sent = json.valueToTree(observations);
        removeNulls(sent);
        Teleconsult teleconsult = lock(id);
        TeleconsultAccess.requireVisible(CurrentStaff.get(), teleconsult);
        if (teleconsult.getStatus().isFinished()) {
            throw new ConflictException("status", "The teleconsult is already " + teleconsult.getStatus()
                    + ": its session has ended");
        }
        patients.recordObservations(teleconsult.getPatientId(), observations);
        AssessmentRequest before = intake.input(teleconsult);
        AssessmentRequest after = before.with(before.observations().updatedBy(observations));
        Assessment result = guidelines.assess(after);
        Instant now = TeleconsultTimeline.now();
        Urgency previous = teleconsult.getUrgency();
        teleconsult.assessed(result.urgency(), result.rulesetVersion(), intake.write(after), now);
        vitals.save(new TeleconsultVital(id, now, CurrentStaff.actor(), intake.write(sent), result.urgency()));
        timeline.record(id, TeleconsultEventType.OBSERVATIONS_ADDED, TeleconsultWording.observationsAdded(fieldNames(sent)));
        timeline.record(id, TeleconsultEventType.REASSESSED, Wording.of(TeleconsultWording.REASSESSED)
                .label("before", "urgency", previous).label("urgency", "urgency", result.urgency())
                .number("findings", result.findings().size()));
        audit.record(AuditAction.UPDATE, teleconsult.getPatientId(), "teleconsult observations " + id, "teleconsult");
        runtime.setVariable(teleconsult.getProcessInstanceId(), "urgency", result.urgency().name());
        if (result.urgency() == Urgency.EMERGENCY) {
            runtime.createMessageCorrelation(DETERIORATION_MESSAGE).processInstanceId(teleconsult.getProcessInstanceId())
                    .correlate();
        }
        return details(teleconsult);
    }

    /** Cancels the teleconsult at any step before it is finished: its open tasks end. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public TeleconsultDetails cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason", "size must be between 0 and 2000");
        }
        Teleconsult teleconsult = lock(id);
        TeleconsultAccess.requireServed(CurrentStaff.get(), teleconsult);
        if (teleconsult.getStatus().isFinished()) {
            throw new ConflictException("status", "The teleconsult is already " + teleconsult.getStatus());
        }
        teleconsult.finish(TeleconsultStatus.CANCELLED, TeleconsultTimeline.now());
        timeline.record(id, TeleconsultEventType.CANCELLED, Wording.of(TeleconsultWording.CANCELLED).text("reason", reason));
        audit.record(AuditAction.UPDATE, teleconsult.getPatientId(), "teleconsult " + id + " cancelled", "teleconsult");
        runtime.createMessageCorrelation(CANCEL_MESSAGE).processInstanceId(teleconsult.getProcessInstanceId())
                .setVariable("teleconsultOutcome", TeleconsultStatus.CANCELLED.name()).correlate();
        return details(teleconsult);
    }

    private Teleconsult lock(UUID id) {
        return teleconsults.findForUpdate(id).orElseThrow(() -> new NotFoundException("No teleconsult " + id));
    }

    private Teleconsult visible(UUID id) {
        Teleconsult teleconsult = teleconsults.findById(id).orElseThrow(() -> new NotFoundException("No teleconsult " + id));
        TeleconsultAccess.requireVisible(CurrentStaff.get(), teleconsult);
        return teleconsult;
    }

    private TeleconsultDetails details(Teleconsult t) {
        TeleconsultDetails.Note note = t.getAssessment() == null ? null : new TeleconsultDetails.Note(t.getSubjective(),
                t.getObjective(), t.getAssessment(), t.getPlan(), prescriptions(t.getPrescriptionsJson()), t.getFollowUp());
        return new TeleconsultDetails(t.getId(), t.getPatientId(), t.getStatus(), t.getRequestingFacilityId(),
                t.getSpecialty(), t.getReason(), t.getUrgency(), t.getDoctorId(), t.getStartsAt(),
                t.getStatus().isOpen() ? rooms.link(t.getSessionRoom()) : null, t.getConnectionFailures(), note,
                t.getReferralId(), t.getFollowUpReferralId(), t.getEncounterId(), t.getCreatedAt(), t.getUpdatedAt(),
                t.getClosedAt());
    }

    private static TeleconsultSummary summary(Teleconsult t) {
        return new TeleconsultSummary(t.getId(), t.getPatientId(), t.getStatus(), t.getSpecialty(), t.getUrgency(),
                t.getDoctorId(), t.getStartsAt(), t.getRequestingFacilityId(), t.getCreatedAt());
    }

    private List<Prescription> prescriptions(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<Prescription>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Observations read(String stored) {
        try {
            return json.readValue(stored, Observations.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeNulls(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            if (fields.next().getValue().isNull()) {
                fields.remove();
            }
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
