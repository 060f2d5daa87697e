package org.carebridge.guidelines;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.carebridge.directory.Specialty;

/**
 * The guidelines' answer for one patient: each score with its scope, the urgency and specialty of the
 * triage policy, every finding in words, and the version of the rules that produced it. Scores out of
 * scope say why; {@code bloodPressure}, {@code glycemia} and {@code imci} are null when they could not
 * be assessed.
 */
@JsonInclude(Include.ALWAYS)
public record Assessment(
        News2 news2,
        Qsofa qsofa,
        Curb65 curb65,
        BloodPressure bloodPressure,
        Glycemia glycemia,
        Imci imci,
        Urgency urgency,
        Specialty specialty,
        List<Finding> findings,
        String rulesetVersion) {

    /** Royal College of Physicians, 2017. */
    @JsonInclude(Include.NON_NULL)
    public record News2(boolean applicable, String reason, Integer score, Risk risk, Boolean complete,
            Map<String, Integer> parameters) {

        public enum Risk { LOW, LOW_MEDIUM, MEDIUM, HIGH }
    }

    /** Sepsis-3 quick SOFA. */
    @JsonInclude(Include.NON_NULL)
    public record Qsofa(boolean applicable, String reason, Integer score, Boolean positive, Boolean complete) {
    }

    /** British Thoracic Society. */
    @JsonInclude(Include.NON_NULL)
    public record Curb65(boolean applicable, String reason, Integer score, Risk risk, Boolean complete) {

        public enum Risk { LOW, MODERATE, SEVERE }
    }

    /** ACC/AHA 2017. */
    public record BloodPressure(Category category) {

        public enum Category { NORMAL, ELEVATED, STAGE_1, STAGE_2, HYPERTENSIVE_CRISIS }
    }

    /** ADA Standards of Care, screening category. */
    public record Glycemia(Status status) {

        public enum Status { NORMAL, PREDIABETES, DIABETES }
    }

    /** WHO IMCI general danger signs, children under 5. */
    public record Imci(boolean dangerSign) {
    }

    /** Why: one rule that fired, naming its guideline, in words a clinician reads. */
    public record Finding(String guideline, String rule, String message) {
    }
}
