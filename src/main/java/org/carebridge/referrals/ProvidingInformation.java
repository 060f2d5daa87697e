package org.carebridge.referrals;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.springframework.stereotype.Component;

/**
 * {@code ProvideInformation}: the referring side answers the coordinator's question; new observations go
 * into the chart and replace the ones they measure again, and the process re-assesses the referral — back
 * to its review, or to the emergency transfer when it has become an emergency.
 */
@Component
class ProvidingInformation extends TaskStep<ProvidingInformation.Form> {

    record Form(@NotBlank @Size(max = 2000) String note, @Valid Observations observations) {
    }

    private final ReferralSteps steps;
    private final PatientRecords patients;
    private final ObjectMapper json;

    ProvidingInformation(ReferralSteps steps, PatientRecords patients, ObjectMapper json) {
        super("ProvideInformation", Form.class);
        this.steps = steps;
        this.patients = patients;
        this.json = json;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Referral referral = steps.lock(task);
        if (form.observations() != null && !form.observations().measuresNothing()) {
            patients.recordObservations(referral.getPatientId(), form.observations());
            AssessmentRequest before = AssessingReferral.input(referral, json);
            referral.observedAgain(AssessingReferral.write(before.with(before.observations()
                    .updatedBy(form.observations())), json), Timeline.now());
        }
        referral.backToReview(Timeline.now());
        steps.record(referral, TimelineType.INFORMATION_PROVIDED, Wording.of(form.observations() == null
                ? ReferralWording.INFORMATION_PROVIDED : ReferralWording.INFORMATION_PROVIDED_WITH_OBSERVATIONS)
                .text("note", form.note()));
        steps.audit(referral, AuditAction.UPDATE, "information");
        return Map.of();
    }
}
