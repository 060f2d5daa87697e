package org.carebridge.teleconsults;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Observations;

/** {@code POST /api/teleconsults}: who is to be seen, from where, by which specialty, and the vitals taken on site. */
public record TeleconsultRequest(
        @NotNull UUID patientId,
        @NotNull Long requestingFacilityId,
        @NotNull Specialty specialty,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid Observations observations) {
}
