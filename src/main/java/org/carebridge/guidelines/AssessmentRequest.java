package org.carebridge.guidelines;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.Specialty;

/**
 * What the guidelines need to know about one patient; every field but {@code observations} may be absent.
 * {@code ageMonths} (completed months) is what infants' and small children's bands need; given with
 * {@code ageYears}, the two must agree.
 */
@AgesAgree
public record AssessmentRequest(
        @Min(0) @Max(130) Integer ageYears,
        @Min(0) @Max(1560) Integer ageMonths,
        Sex sex,
        Boolean pregnant,
        Boolean hypercapnicRespiratoryFailure,
        Set<@NotNull SuspectedCondition> suspectedConditions,
        Specialty requestedSpecialty,
        @NotNull @Valid Observations observations) {

    /** The same patient and context with other observations. */
    public AssessmentRequest with(Observations other) {
        return new AssessmentRequest(ageYears, ageMonths, sex, pregnant, hypercapnicRespiratoryFailure,
                suspectedConditions, requestedSpecialty, other);
    }
}
