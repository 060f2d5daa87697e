package org.carebridge.recordrelease;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.Consent;
import org.carebridge.patients.PatientConsents;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code ObtainConsent}: the source's coordinator asked the patient. Given (with its evidence) → a
 * consent is recorded for this receiver, purpose and scope, and the release goes to review; refused →
 * DENIED.
 */
@Component
class ObtainingConsent extends TaskStep<ObtainingConsent.Form> {

    static final String KEY = "ObtainConsent";

    record Form(@NotNull Boolean consentGiven, @Size(max = 2000) String evidence) {
    }

    private final ReleaseSteps steps;
    private final PatientConsents consents;

    ObtainingConsent(ReleaseSteps steps, PatientConsents consents) {
        super(KEY, Form.class);
        this.steps = steps;
        this.consents = consents;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        RecordRequest request = steps.lock(task);
        if (form.consentGiven() && !StringUtils.hasText(form.evidence())) {
            throw new InvalidRequestException("evidence", "is required when the patient consents (how it was given)");
        }
        if (form.consentGiven()) {
            Consent consent = consents.recordGiven(request.getPatientId(), request.getToFacilityId(), request.getPurpose(),
                    request.getScope(), form.evidence().strip(), ReleaseTimeline.today());
            request.consentGiven(ReleaseTimeline.now());
            steps.record(request, ReleaseEventType.CONSENT_GIVEN, Wording.of(ReleaseWording.CONSENT_GIVEN)
                    .text("consent", consent.getId()).text("evidence", form.evidence()));
        } else {
            String why = "The patient refused consent" + (!StringUtils.hasText(form.evidence()) ? "" : ": " + form.evidence().strip());
            request.finish(RecordRequestStatus.DENIED, why, ReleaseTimeline.now());
            steps.record(request, ReleaseEventType.CONSENT_REFUSED, Wording.of(ReleaseWording.CONSENT_REFUSED)
                    .text("evidence", form.evidence()));
        }
        steps.audit(request, AuditAction.UPDATE, "consent " + (form.consentGiven() ? "given" : "refused"));
        return Map.of("consentGiven", form.consentGiven());
    }
}
