package org.carebridge.referrals;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;

/**
 * {@code ProvideInformation}: the referring side answers the coordinator's question; new observations
 * replace the ones they measure again, and the process re-assesses the referral before its review.
 */
@Component
class ProvidingInformation extends TaskStep<ProvidingInformation.Form> {

    record Form(@NotBlank @Size(max = 2000) String note, @Valid Observations observations) {
    }

    private final ReferralSteps steps;
    private final ObjectMapper json;

    ProvidingInformation(ReferralSteps steps, ObjectMapper json) {
        super("ProvideInformation", Form.class);
        this.steps = steps;
        this.json = json;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        if (form.observations() != null) {
            AssessmentRequest before = AssessingReferral.input(referral, json);
            ObjectNode merged = json.valueToTree(before.observations());
            merged.setAll((ObjectNode) json.valueToTree(form.observations()));
            Observations observations = json.convertValue(merged, Observations.class);
            AssessmentRequest after = new AssessmentRequest(before.ageYears(), before.sex(), before.pregnant(),
                    before.hypercapnicRespiratoryFailure(), before.suspectedConditions(), before.requestedSpecialty(),
                    observations);
            referral.assessed(referral.getUrgency(), referral.getSpecialty(), referral.getAssessmentJson(),
                    referral.getRulesetVersion(), AssessingReferral.write(after, json), Timeline.now());
        }
        referral.backToReview(Timeline.now());
        steps.record(referral, TimelineType.INFORMATION_PROVIDED, form.note().strip()
                + (form.observations() == null ? "" : " (with new observations)"));
        steps.audit(referral, AuditAction.UPDATE, "information");
        return Map.of();
    }
}
