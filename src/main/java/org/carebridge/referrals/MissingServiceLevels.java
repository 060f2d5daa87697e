package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import org.carebridge.shared.Wording;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The non-interrupting timers of {@code referral.bpmn}: a step is late. The breach is flagged on the
 * referral and in its timeline, and the late task moves up its group's inbox.
 */
@Component("recordBreach")
class MissingServiceLevels implements JavaDelegate {

    private final ReferralSteps steps;
    private final TaskService tasks;

    MissingServiceLevels(ReferralSteps steps, TaskService tasks) {
        this.steps = steps;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = steps.lock(UUID.fromString((String) execution.getVariable("referralId")));
        Instant now = Timeline.now();
        String lateTask = switch (execution.getCurrentActivityId()) {
            case "RecordReviewBreach" -> {
                referral.slaBreached(now);
                steps.record(referral, TimelineType.SLA_BREACHED, Wording.of(ReferralWording.NOT_REVIEWED_IN_TIME)
                        .duration("within", ServiceLevels.review(referral.getUrgency())));
                yield "ReviewReferral";
            }
            case "EscalateLateTransfer" -> {
                referral.slaBreached(now);
                referral.escalate(now);
                steps.record(referral, TimelineType.ESCALATED, Wording.of(ReferralWording.TRANSFER_NOT_ARRANGED_IN_TIME)
                        .duration("within", ServiceLevels.TRANSFER));
                yield "ArrangeEmergencyTransfer";
            }
            case "RemindAcknowledgement" -> {
                referral.slaBreached(now);
                steps.record(referral, TimelineType.REMINDER, Wording.of(ReferralWording.OUTCOME_NOT_ACKNOWLEDGED_IN_TIME)
                        .duration("within", ServiceLevels.ACKNOWLEDGEMENT));
                yield "AcknowledgeOutcome";
            }
            default -> throw new IllegalStateException("No service level at " + execution.getCurrentActivityId());
        };
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(lateTask).list()) {
            tasks.setPriority(task.getId(), Math.min(100, task.getPriority() + ServiceLevels.BREACH_PRIORITY_RAISE));
        }
    }
}
