package org.carebridge.patients;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record EncounterRequest(
        @NotNull EncounterType type,
        @NotNull Long facilityId,
        Long practitionerId,
        @Size(max = 500) String reason,
        @NotNull Instant startedAt,
        Instant endedAt) {
}
