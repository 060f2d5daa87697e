package org.carebridge.teleconsults.internal;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.stereotype.Component;

/**
 * Service task {@code AssessTeleconsult}: the guideline engine assesses the observations taken on
 * site; the urgency goes into the process, which escalates an EMERGENCY. When the process was called
 * from a referral (no {@code teleconsultId} yet), this first step also stores the teleconsult from
 * the referral's variables: it is the first moment the teleconsult exists.
 */
@Component("assessTeleconsult")
class AssessingTeleconsult implements JavaDelegate {

    private final TeleconsultSteps steps;
    private final TeleconsultIntake intake;
    private final Guidelines guidelines;

    AssessingTeleconsult(TeleconsultSteps steps, TeleconsultIntake intake, Guidelines guidelines) {
        this.steps = steps;
        this.intake = intake;
        this.guidelines = guidelines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Teleconsult teleconsult;
        if (execution.getVariable("teleconsultId") == null) {
            AssessmentRequest referred = intake.read((String) execution.getVariable("teleconsultAssessmentInput"));
            teleconsult = intake.createForReferral(UUID.fromString((String) execution.getVariable("patientId")),
                    ((Number) execution.getVariable("teleconsultFacilityId")).longValue(),
                    Specialty.valueOf((String) execution.getVariable("teleconsultSpecialty")),
                    (String) execution.getVariable("teleconsultReason"), referred,
                    UUID.fromString((String) execution.getVariable("callingReferralId")));
            teleconsult.startedAs(execution.getProcessInstanceId());
            execution.setVariable("teleconsultId", teleconsult.getId().toString());
            execution.setVariable("teleconsultRef", teleconsult.getId().toString());
        } else {
            teleconsult = steps.lock(execution);
        }
        AssessmentRequest input = intake.input(teleconsult);
        Assessment result = guidelines.assess(input);
        teleconsult.assessed(result.urgency(), result.rulesetVersion(), intake.write(input), TeleconsultTimeline.now());
        steps.record(teleconsult, TeleconsultEventType.ASSESSED, Wording.of(TeleconsultWording.ASSESSED)
                .label("urgency", "urgency", result.urgency()).label("specialty", "specialty", result.specialty())
                .number("findings", result.findings().size()));
        steps.audit(teleconsult, AuditAction.CREATE, "guideline assessment");
        execution.setVariable("urgency", result.urgency().name());
        execution.setVariable("booked", teleconsult.isCalledFromReferral()
                && execution.getVariable("teleconsultDoctorId") != null);
    }
}
