package org.carebridge.guidelines;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;

/** What the guidelines need to know about one patient; every field but {@code observations} may be absent. */
public record AssessmentRequest(
        @Min(0) @Max(130) Integer ageYears,
        Sex sex,
        Boolean pregnant,
        Boolean hypercapnicRespiratoryFailure,
        Set<@NotNull SuspectedCondition> suspectedConditions,
        Specialty requestedSpecialty,
        @NotNull @Valid Observations observations) {
}
