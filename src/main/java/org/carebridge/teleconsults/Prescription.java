package org.carebridge.teleconsults;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One drug the doctor prescribes in the consult note. */
public record Prescription(@NotBlank @Size(max = 200) String drug, @NotBlank @Size(max = 100) String dose,
        @NotBlank @Size(max = 100) String frequency, @NotNull @Min(1) @Max(365) Integer days) {
}
