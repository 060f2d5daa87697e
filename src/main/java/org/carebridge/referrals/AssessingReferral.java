package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@code AssessReferral} and {@code ReassessReferral}: the guideline engine assesses the
 * referral's observations; urgency, specialty, findings and ruleset version go on the referral, and the
 * urgency into the process, which branches on it. A re-assessment that rises to EMERGENCY makes the
 * referral an emergency (the process goes on to {@code ArrangeEmergencyTransfer}).
 */
@Component("assessReferral")
class AssessingReferral implements JavaDelegate {

    private final ReferralSteps steps;
    private final Guidelines guidelines;
    private final ObjectMapper json;

    AssessingReferral(ReferralSteps steps, Guidelines guidelines, ObjectMapper json) {
        this.steps = steps;
        this.guidelines = guidelines;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = steps.lock(UUID.fromString((String) execution.getVariable("referralId")));
        AssessmentRequest input = input(referral, json);
        Assessment result = guidelines.assess(input);
        boolean first = referral.getAssessmentJson() == null;
        Urgency before = referral.getUrgency();
        Instant now = Timeline.now();
        referral.assessed(result.urgency(), result.specialty(), write(result, json), result.rulesetVersion(),
                write(input, json), now);
        steps.record(referral, first ? TimelineType.ASSESSED : TimelineType.REASSESSED,
                ReferralWording.urgencyAndSpecialty(ReferralWording.ASSESSED, result.urgency(), result.specialty())
                        .number("findings", result.findings().size())
                        .text("rules", result.rulesetVersion().substring(0, Math.min(12, result.rulesetVersion().length()))));
        steps.audit(referral, AuditAction.CREATE, "guideline assessment");
        if (!first && result.urgency() == Urgency.EMERGENCY && before != Urgency.EMERGENCY) {
            referral.becameEmergency(result.specialty(), now);
            steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.EMERGENCY_ON_REASSESSMENT)
                    .label("before", "urgency", before).label("specialty", "specialty", result.specialty()));
            execution.setVariable("doctorUsername", null);
        }
        execution.setVariable("urgency", result.urgency().name());
    }

    static AssessmentRequest input(Referral referral, ObjectMapper json) {
        try {
            return json.readValue(referral.getAssessmentInputJson(), AssessmentRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment input of referral " + referral.getId() + " unreadable", e);
        }
    }

    static String write(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
