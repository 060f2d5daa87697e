package org.carebridge.referrals;

import java.time.Duration;
import java.util.Date;

import org.carebridge.guidelines.Urgency;
import org.springframework.stereotype.Component;

/**
 * How long each step may take by urgency ({@code shared/spec/referral-workflow.md}), and the task
 * priorities that put the most urgent work first. Used by {@code referral.bpmn} as {@code sla}.
 */
@Component("sla")
public class ServiceLevels {

    public static final Duration TRANSFER = Duration.ofMinutes(15);
    public static final Duration ACKNOWLEDGEMENT = Duration.ofDays(7);
    public static final Duration OUTCOME_AFTER_APPOINTMENT = Duration.ofHours(24);
    /** How much an SLA breach raises a task's priority. */
    static final int BREACH_PRIORITY_RAISE = 30;

    public static Duration review(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> TRANSFER;
            case URGENT -> Duration.ofHours(2);
            case SOON -> Duration.ofHours(24);
            case ROUTINE -> Duration.ofHours(72);
        };
    }

    public static Duration acceptance(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY, URGENT -> Duration.ofHours(4);
            case SOON -> Duration.ofHours(48);
            case ROUTINE -> Duration.ofDays(5);
        };
    }

    public static int priority(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> 100;
            case URGENT -> 70;
            case SOON -> 50;
            case ROUTINE -> 30;
        };
    }

    // --- for the process model's expressions (urgency arrives as a string variable) ---

    public String reviewTimer(String urgency) {
        return review(Urgency.valueOf(urgency)).toString();
    }

    public Date reviewDue(String urgency) {
        return dueIn(review(Urgency.valueOf(urgency)));
    }

    public String acceptanceTimer(String urgency) {
        return acceptance(Urgency.valueOf(urgency)).toString();
    }

    public Date acceptanceDue(String urgency) {
        return dueIn(acceptance(Urgency.valueOf(urgency)));
    }

    public Date transferDue() {
        return dueIn(TRANSFER);
    }

    public Date acknowledgementDue() {
        return dueIn(ACKNOWLEDGEMENT);
    }

    public int priorityOf(String urgency) {
        return priority(Urgency.valueOf(urgency));
    }

    private static Date dueIn(Duration duration) {
        return Date.from(Timeline.now().plus(duration));
    }
}
