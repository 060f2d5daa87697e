package org.carebridge.teleconsults;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.SuspectedCondition;

/**
 * {@code POST /api/teleconsults}: who is to be seen, from where, by which specialty, what is suspected, and
 * the vitals taken on site. {@code pregnant} and {@code hypercapnicRespiratoryFailure} left out are the
 * chart's current values; given, they keep the chart current.
 */
public record TeleconsultRequest(
        @NotNull UUID patientId,
        @NotNull Long requestingFacilityId,
        @NotNull Specialty specialty,
        @NotBlank @Size(max = 2000) String reason,
        Set<@NotNull SuspectedCondition> suspectedConditions,
        Boolean pregnant,
        Boolean hypercapnicRespiratoryFailure,
        @NotNull @Valid Observations observations) {
}
