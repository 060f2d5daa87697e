package org.carebridge.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.patients.consent.ConsentRules;
import org.carebridge.patients.consent.ConsentTerms;
import org.carebridge.patients.consent.ReleaseQuestion;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The patient's consents to release their records, and the consent decision over them (the rules of
 * {@code rules/org/carebridge/consent/consent.drl}). Audited like the rest of the record.
 */
@Service
@Validated
@Transactional
public class PatientConsents {

    private final ConsentRepository consents;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final Directory directory;
    private final AuditLog audit;
    private final ConsentRules rules = ConsentRules.fromClasspath();
    private final Clock clock = Clock.systemUTC();

    PatientConsents(ConsentRepository consents, PatientRepository patients, PatientAccess access, Directory directory,
            AuditLog audit) {
        this.consents = consents;
        this.patients = patients;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
    }

    /** The patient's consents, newest first. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')")
    public List<Consent> consents(UUID patientId) {
        access.visiblePatient(patientId);
        List<Consent> found = consents.findByPatientIdOrderByRecordedAtDesc(patientId);
        audit.record(AuditAction.READ, patientId, "consents", "chart");
        return found;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    public Consent record(UUID patientId, @Valid ConsentRequest request) {
        access.visiblePatient(patientId);
        List<FieldError> errors = new ArrayList<>();
        Long grantee = grantee(request.grantee(), errors);
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            errors.add(new FieldError("validUntil", "must not be before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Consent consent = consents.saveAndFlush(new Consent(UUID.randomUUID(), patientId, grantee, request.purposes(),
                request.scope(), request.validFrom(), request.validUntil(), request.decision(),
                request.evidence() == null ? null : request.evidence().strip(), CurrentStaff.actor(), clock.instant()));
        audit.record(AuditAction.CREATE, patientId, "consent " + consent.getId() + " " + consent.getDecision(), "consent");
        return consent;
    }

    /**
     * The consent decision for releasing the patient's records to a facility, for the record-release
     * process: over the consents in force on {@code day}. Its reasons name each rule and consent.
     */
    public ConsentDecision decide(UUID patientId, long toFacilityId, ReleasePurpose purpose, Set<RecordScope> scope,
            String reason, LocalDate day) {
        if (!patients.existsById(patientId)) {
            throw new NotFoundException("No patient " + patientId);
        }
        List<ConsentTerms> terms = consents.findByPatientIdOrderByRecordedAtDesc(patientId).stream()
                .map(PatientConsents::terms).toList();
        ConsentDecision decision = rules.decide(new ReleaseQuestion(toFacilityId, purpose, scope, reason, day), terms);
        audit.record(AuditAction.READ, patientId, "consents for a record release decision: " + decision.outcome()
                + (decision.breakGlass() ? " (break the glass)" : ""), "record release");
        return decision;
    }

    /**
     * Records the consent a patient gave when asked for one release (the record-release process's
     * {@code ObtainConsent}): a PERMIT for that receiver, purpose and scope, from {@code day} for 30 days.
     */
    public Consent recordGiven(UUID patientId, long toFacilityId, ReleasePurpose purpose, Set<RecordScope> scope,
            String evidence, LocalDate day) {
        Consent consent = consents.saveAndFlush(new Consent(UUID.randomUUID(), patientId, toFacilityId, Set.of(purpose),
                scope, day, day.plusDays(30), Consent.Decision.PERMIT, evidence, CurrentStaff.actor(), clock.instant()));
        audit.record(AuditAction.CREATE, patientId, "consent " + consent.getId() + " PERMIT, given for a record release",
                "record release");
        return consent;
    }

    private Long grantee(String grantee, List<FieldError> errors) {
        String value = grantee.strip();
        if (Consent.ANY.equalsIgnoreCase(value)) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (!directory.facilityExists(id)) {
                errors.add(new FieldError("grantee", "no facility " + id));
            }
            return id;
        } catch (NumberFormatException e) {
            errors.add(new FieldError("grantee", "must be a facility id or \"ANY\""));
            return null;
        }
    }

    private static ConsentTerms terms(Consent c) {
        return new ConsentTerms(c.getId(), c.getGranteeFacilityId(), c.getPurposes(), c.getScope(), c.getValidFrom(),
                c.getValidUntil(), c.getDecision() == Consent.Decision.DENY);
    }
}
