package org.carebridge.recordrelease;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;

/** {@code POST /api/record-requests}: the receiving facility asks the source for these parts of the record. */
public record RecordRequestSubmission(
        @NotNull UUID patientId,
        @NotNull Long fromFacilityId,
        @NotNull Long toFacilityId,
        @NotNull ReleasePurpose purpose,
        @NotEmpty Set<@NotNull RecordScope> scope,
        @Size(max = 2000) String reason) {
}
