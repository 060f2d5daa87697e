package org.carebridge.patients;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A consent directive to record: {@code grantee} is a facility id or {@code "ANY"}; {@code validUntil}
 * may be left out for a consent without end.
 */
public record ConsentRequest(
        @NotBlank @Size(max = 20) String grantee,
        @NotEmpty Set<@NotNull ReleasePurpose> purposes,
        @NotEmpty Set<@NotNull RecordScope> scope,
        @NotNull LocalDate validFrom,
        LocalDate validUntil,
        @NotNull Consent.Decision decision,
        @Size(max = 2000) String evidence) {
}
