package org.carebridge.patients;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carebridge.clinical.Sex;

/** A patient to register, or the new state of a registered one ({@code version} as last read). */
public record PatientRequest(
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 100) String givenName,
        @Size(max = 200) String latinName,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Sex sex,
        @NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "must be a BCP 47 language tag such as zh or ii") String language,
        @NotNull Long homeFacilityId,
        @Size(max = 10) List<@Valid @NotNull PatientIdentifier> identifiers,
        Long version) {
}
