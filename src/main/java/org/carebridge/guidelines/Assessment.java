package org.carebridge.guidelines;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.carebridge.directory.Specialty;

/**
 * The guidelines' answer for one patient: each score with its scope, the urgency and specialty of the
 * triage policy, every finding (a code with its parameters, and its words in the reader's language), and
 * the version of the rules that produced it. Scores out of scope say why; {@code bloodPressure},
 * {@code glycemia}, {@code imci}, {@code meows} and {@code paediatricTriggers} are null when out of scope
 * or when none of their inputs was recorded.
 */
@JsonInclude(Include.ALWAYS)
public record Assessment(
        News2 news2,
        Qsofa qsofa,
        Curb65 curb65,
        BloodPressure bloodPressure,
        Glycemia glycemia,
        Imci imci,
        Meows meows,
        PaediatricTriggers paediatricTriggers,
        Urgency urgency,
        Specialty specialty,
        List<Finding> findings,
        String rulesetVersion) {

    /** Royal College of Physicians, 2017: adults (16 or older, or age unknown), not in pregnancy. */
    @JsonInclude(Include.NON_NULL)
    public record News2(boolean applicable, String reason, Integer score, Risk risk, Boolean complete,
            Map<String, Integer> parameters) {

        public enum Risk { LOW, LOW_MEDIUM, MEDIUM, HIGH }
    }

    /** Sepsis-3 quick SOFA: adults with suspected infection or pneumonia. */
    @JsonInclude(Include.NON_NULL)
    public record Qsofa(boolean applicable, String reason, Integer score, Boolean positive, Boolean complete) {
    }

    /** British Thoracic Society: adults with suspected pneumonia. */
    @JsonInclude(Include.NON_NULL)
    public record Curb65(boolean applicable, String reason, Integer score, Risk risk, Boolean complete) {

        public enum Risk { LOW, MODERATE, SEVERE }
    }

    /** ACC/AHA 2017. */
    public record BloodPressure(Category category) {

        public enum Category { NORMAL, ELEVATED, STAGE_1, STAGE_2, HYPERTENSIVE_CRISIS }
    }

    /** ADA Standards of Care: hypoglycaemia level 2, then the screening categories. */
    public record Glycemia(Status status) {

        public enum Status { HYPOGLYCAEMIA, NORMAL, PREDIABETES, DIABETES, HYPERGLYCAEMIA_UNCONFIRMED }
    }

    /**
     * WHO IMCI, children under 5: a general danger sign (null: the signs were not recorded; false: looked
     * for and none found) and fast breathing for the age in months (null: rate or age in months missing).
     */
    @JsonInclude(Include.ALWAYS)
    public record Imci(Boolean dangerSign, Boolean fastBreathing) {
    }

    /**
     * Maternal early warning (MEOWS), whenever pregnant: the parameters in a red and in a yellow band;
     * triggered on one red or two yellows. {@code complete} is false when a parameter was not recorded.
     */
    public record Meows(List<String> red, List<String> yellow, boolean triggered, boolean complete) {
    }

    /**
     * The age-banded paediatric emergency call criteria, under 16 years: the parameters outside their
     * band; {@code complete} is false when a parameter was not recorded.
     */
    public record PaediatricTriggers(AgeBand ageBand, boolean triggered, List<String> criteria, boolean complete) {

        /** The rows of the criteria table. */
        public enum AgeBand { MONTHS_0_TO_3, MONTHS_4_TO_12, YEARS_1_TO_4, YEARS_5_TO_12, YEARS_13_TO_15 }
    }

    /**
     * Why: one rule that fired, naming its guideline. {@code code} is stable and {@code parameters} are
     * the values it speaks of; {@code message} is its text in the reader's language (see {@code
     * FindingMessages}), rendered from the code whenever it is shown.
     */
    public record Finding(String guideline, String rule, String code, Map<String, Object> parameters,
            String message) {

        public Finding withMessage(String text) {
            return new Finding(guideline, rule, code, parameters, text);
        }
    }
}
