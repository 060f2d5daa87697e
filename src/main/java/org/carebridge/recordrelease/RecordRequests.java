package org.carebridge.recordrelease;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.RuntimeService;
import org.carebridge.directory.Directory;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.RecordExtracts;
import org.carebridge.patients.ReleasePurpose;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The record-release API: submit (which starts {@code record-release.bpmn}), read, search, timeline,
 * cancel, and the released bundle. The steps in between are the process's tasks, completed through the
 * inbox. Every read and change is audited.
 */
@Service
@Validated
@Transactional
public class RecordRequests {

    static final String PROCESS_KEY = "record-release";
    static final String CANCEL_MESSAGE = "CancelRecordRequest";
    private static final String READERS = "hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')";

    private final RecordRequestRepository requests;
    private final ReleaseTimeline timeline;
    private final RecordExtracts records;
    private final Directory directory;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final ReleaseAccess access;

    RecordRequests(RecordRequestRepository requests, ReleaseTimeline timeline, RecordExtracts records,
            Directory directory, AuditLog audit, RuntimeService runtime, ReleaseAccess access) {
        this.access = access;
        this.requests = requests;
        this.timeline = timeline;
        this.records = records;
        this.directory = directory;
        this.audit = audit;
        this.runtime = runtime;
    }

    /** A facility asks for a patient's records: the request is stored and its process started (consent is decided at once). */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public RecordRequestDetails submit(@Valid RecordRequestSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        if (!directory.facilityExists(submission.fromFacilityId())) {
            errors.add(new FieldError("fromFacilityId", "is not a known facility"));
        }
        if (!directory.facilityExists(submission.toFacilityId())) {
            errors.add(new FieldError("toFacilityId", "is not a known facility"));
        } else if (submission.toFacilityId().equals(submission.fromFacilityId())) {
            errors.add(new FieldError("toFacilityId", "must not be the facility that holds the records"));
        } else if (submission.purpose() != ReleasePurpose.EMERGENCY
                && !access.serves(CurrentStaff.get(), submission.toFacilityId())) {
            // records go to the facility asking for them: a user asks for their own facility (or one they serve)
            errors.add(new FieldError("toFacilityId", "must be a facility you serve"));
        }
        if (!records.patientExists(submission.patientId())) {
            errors.add(new FieldError("patientId", "is not a known patient"));
        }
        boolean explained = submission.reason() != null && !submission.reason().isBlank();
        if (submission.purpose() == ReleasePurpose.EMERGENCY && !explained) {
            errors.add(new FieldError("reason", "is required for emergency access (breaking the glass is justified and audited)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (submission.purpose() == ReleasePurpose.EMERGENCY) {
            requireLinkForBreakingTheGlass(submission);
        }
        Instant now = ReleaseTimeline.now();
        RecordRequest request = new RecordRequest(UUID.randomUUID(), submission.patientId(), submission.fromFacilityId(),
                submission.toFacilityId(), submission.purpose(), submission.scope(),
                explained ? submission.reason().strip() : null, CurrentStaff.actor(), now);
        requests.saveAndFlush(request);
        timeline.record(request.getId(), ReleaseEventType.REQUESTED, ReleaseWording.scope(Wording.of(ReleaseWording.REQUESTED)
                .facility("to", request.getToFacilityId()).facility("from", request.getFromFacilityId()), request.getScope())
                .label("purpose", "records.purpose", request.getPurpose()).text("reason", request.getReason()));
        audit.record(AuditAction.CREATE, request.getPatientId(), "record request " + request.getId(), "record release");
        Map<String, Object> variables = new HashMap<>();
        variables.put("recordRequestId", request.getId().toString());
        variables.put("patientId", request.getPatientId().toString());
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, request.getId().toString(), variables)
                .getProcessInstanceId();
        request.startedAs(instance);
        return RecordRequestDetails.of(request);
    }

    /** Staff serving either facility; administrators only the requests that broke the glass (they review those). */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER', 'ADMIN')")
    public RecordRequestDetails request(UUID id) {
        RecordRequest request = find(id);
        audit.record(AuditAction.READ, request.getPatientId(), "record request " + id, "record release");
        return RecordRequestDetails.of(request);
    }

    /** Newest first. (Not read-only: reads are audited.) */
    @PreAuthorize(READERS)
    public Page<RecordRequestDetails> search(RecordRequestFilter filter, Pageable page) {
        Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<RecordRequestDetails> found = requests.findAll(access.visibleTo(CurrentStaff.get()).and(matching(filter)),
                newestFirst).map(RecordRequestDetails::of);
        if (found.hasContent()) {
            audit.recordBatch(AuditAction.SEARCH, found.getContent().stream().map(RecordRequestDetails::patientId)
                    .distinct().toList(), "record request list", "record release");
        }
        return found;
    }

    @PreAuthorize(READERS)
    public List<ReleaseTimelineEntry> timeline(UUID id) {
        RecordRequest request = find(id);
        audit.record(AuditAction.READ, request.getPatientId(), "record request timeline " + id, "record release");
        return timeline.of(id);
    }

    /** The Camunda process instance, for {@code Tasks.openTasksOf} on the detail page. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public String processInstanceId(UUID id) {
        return find(id).getProcessInstanceId();
    }

    /** Cancels a request still being decided; a released one can only expire, a finished one is a conflict. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR')")
    public RecordRequestDetails cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must not be blank");
        }
        if (reason.length() > 2000) {
            throw new InvalidRequestException("reason", "size must be between 0 and 2000");
        }
        RecordRequest request = requests.findForUpdate(id).orElseThrow(() -> new NotFoundException("No record request " + id));
        access.requireVisible(CurrentStaff.get(), request);
        if (!request.getStatus().isPending()) {
            throw new ConflictException("status", "The record request is already " + request.getStatus());
        }
        request.finish(RecordRequestStatus.CANCELLED, reason.strip(), ReleaseTimeline.now());
        timeline.record(id, ReleaseEventType.CANCELLED, ReleaseWording.reason(reason));
        audit.record(AuditAction.UPDATE, request.getPatientId(), "record request " + id + " cancelled", "record release");
        runtime.createMessageCorrelation(CANCEL_MESSAGE).processInstanceId(request.getProcessInstanceId()).correlate();
        return RecordRequestDetails.of(request);
    }

    /**
     * The released FHIR bundle, for users of the receiving facility only (403 for others), while the
     * release lasts: 410 ({@link BundleExpiredException}) once {@code expiresAt} is reached (whether or not the
     * expiry timer has run) or the emergency access was revoked, 409 before it is released or when it was denied
     * or cancelled. Every read is audited and in the timeline.
     */
    @PreAuthorize(READERS)
    public ReleasedBundle bundle(UUID id) {
        StaffMember user = CurrentStaff.get();
        RecordRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("No record request " + id));
        if (user.facilityId() == null || user.facilityId() != request.getToFacilityId()) {
            throw new AccessDeniedException("Only users of the receiving facility may read the released records");
        }
        if (request.getStatus() == RecordRequestStatus.REVOKED) {
            throw new BundleExpiredException("Access to the released records was revoked at " + request.getClosedAt()
                    + ": the emergency access was judged not appropriate");
        }
        // the clock decides, not only the status: the expiry timer may run late or fail
        if (request.getStatus() == RecordRequestStatus.EXPIRED
                || request.getStatus() == RecordRequestStatus.RELEASED && !request.readableAt(ReleaseTimeline.now())) {
            throw new BundleExpiredException("Access to the released records ended at " + request.getExpiresAt());
        }
        if (request.getStatus() != RecordRequestStatus.RELEASED) {
            throw new ConflictException("status", "Nothing is released: the record request is " + request.getStatus());
        }
        audit.record(AuditAction.READ, request.getPatientId(), "released bundle of record request " + id, "record release");
        timeline.record(id, ReleaseEventType.BUNDLE_READ, Wording.of(ReleaseWording.BUNDLE_READ)
                .text("sha256", request.getBundleSha256()));
        return new ReleasedBundle(request.getBundleJson(), request.getBundleSha256());
    }

    /**
     * Breaking the glass releases without consent, so it needs a link on both sides (403 otherwise, nothing stored):
     * the caller serves the facility the records go to, and the facility they come from holds the patient.
     */
    private void requireLinkForBreakingTheGlass(RecordRequestSubmission submission) {
        if (!access.serves(CurrentStaff.get(), submission.toFacilityId())) {
            throw new AccessDeniedException("Breaking the glass is for staff serving the facility that receives the records");
        }
        if (!records.isHeldBy(submission.patientId(), submission.fromFacilityId())) {
            throw new AccessDeniedException("Breaking the glass needs a facility that holds the patient's records:"
                    + " the patient is neither registered nor seen there");
        }
    }

    /** The request, if it exists (404) and the caller serves either side of it (403). */
    private RecordRequest find(UUID id) {
        RecordRequest request = requests.findById(id).orElseThrow(() -> new NotFoundException("No record request " + id));
        access.requireVisible(CurrentStaff.get(), request);
        return request;
    }

    private static Specification<RecordRequest> matching(RecordRequestFilter f) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (f.status() != null) {
                all.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.patientId() != null) {
                all.add(cb.equal(root.get("patientId"), f.patientId()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }
}
