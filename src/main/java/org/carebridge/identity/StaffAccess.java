package org.carebridge.identity;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** What an account may do and whose patients it serves: its roles, facility and regions. */
public record StaffAccess(
        @NotEmpty Set<@NotNull Role> roles,
        Long facilityId,
        Set<@NotNull Long> regionIds,
        boolean allRegions) {

    public StaffAccess {
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
    }
}
