package org.carebridge.patients;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.SuspectedCondition;

/**
 * What the clinician adds when a patient is assessed: what they suspect, whether the patient is pregnant
 * or in chronic hypercapnic respiratory failure, and which specialty they would ask for. All optional:
 * pregnancy and hypercapnic respiratory failure left out are the chart's current values.
 */
public record AssessmentContext(Set<@NotNull SuspectedCondition> suspectedConditions,
        Boolean hypercapnicRespiratoryFailure, Specialty requestedSpecialty, Boolean pregnant) {

    public static AssessmentContext none() {
        return new AssessmentContext(Set.of(), null, null, null);
    }
}
