package org.carebridge.recordrelease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.ConsentDecision;
import org.carebridge.patients.PatientConsents;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** {@code DecideConsent}: the consent rules over the patient's consents in force today. */
@Component("decideRecordConsent")
class DecidingConsent implements JavaDelegate {

    private final ReleaseSteps steps;
    private final PatientConsents consents;

    DecidingConsent(ReleaseSteps steps, PatientConsents consents) {
        this.steps = steps;
        this.consents = consents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordRequest request = steps.lock(execution);
        ConsentDecision decision = consents.decide(request.getPatientId(), request.getToFacilityId(),
                request.getPurpose(), request.getScope(), request.getReason(), ReleaseTimeline.today());
        request.consentDecided(decision, ReleaseTimeline.now());
        // the rules give their reasons as English prose (rule name and consent terms): kept as written
        steps.record(request, ReleaseEventType.CONSENT_DECIDED, Wording.of(ReleaseWording.CONSENT_DECIDED)
                .label("outcome", "records.consent", decision.outcome()).text("reasons", String.join("; ", decision.reasons())));
        if (decision.breakGlass()) {
            steps.record(request, ReleaseEventType.BREAK_GLASS, Wording.of(ReleaseWording.BREAK_GLASS)
                    .text("reason", request.getReason()));
            steps.audit(request, AuditAction.UPDATE, "break the glass");
        }
        if (decision.outcome() == ConsentDecision.Outcome.DENY) {
            steps.record(request, ReleaseEventType.DENIED, Wording.of(ReleaseWording.DENIED_BY_CONSENT));
        }
        execution.setVariable("consent", decision.outcome().name());
        execution.setVariable("breakGlass", decision.breakGlass());
    }
}
