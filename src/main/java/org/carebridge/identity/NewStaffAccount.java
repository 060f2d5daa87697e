package org.carebridge.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A staff account to create. The password is hashed with BCrypt and never stored or logged in clear. */
public record NewStaffAccount(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                message = "must be 2-64 lower-case letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty Set<@NotNull Role> roles,
        Long practitionerId,
        Long facilityId,
        Set<@NotNull Long> regionIds,
        boolean allRegions) {

    public NewStaffAccount {
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewStaffAccount[username=" + username + ", roles=" + roles + "]";
    }
}
