package org.carebridge.patients;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.SuspectedCondition;

/**
 * What the clinician adds to the record when assessing a patient: what they suspect, whether the
 * patient is in hypercapnic respiratory failure, and which specialty they would ask for. All optional.
 */
public record AssessmentContext(Set<@NotNull SuspectedCondition> suspectedConditions,
        Boolean hypercapnicRespiratoryFailure, Specialty requestedSpecialty) {

    public static AssessmentContext none() {
        return new AssessmentContext(Set.of(), null, null);
    }
}
