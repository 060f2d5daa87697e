package org.carebridge.directory;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create or replace directory entries. */
public final class Requests {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";
    private static final String CODE_MESSAGE = "must be 1-32 letters, digits, '.', '_' or '-'";

    private Requests() {
    }

    public record RegionRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(100_000_000) Integer population,
            @NotNull Boolean underserved,
            Long version) {
    }

    public record FacilityRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull FacilityType type,
            @NotNull Long regionId,
            @NotNull Boolean teleconsultCapable,
            Long version) {
    }

    public record PractitionerRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Size(max = 100) String givenName,
            @Size(max = 200) String latinName,
            @NotNull Long homeFacilityId,
            @NotNull Boolean teleconsultCapable,
            @NotEmpty Set<@NotNull Specialty> specialties,
            @NotEmpty Set<@NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                    message = "must be a BCP 47 language tag such as zh or ii") String> languages,
            List<@Valid @NotNull WeeklyAvailability> availability,
            Long version) {
    }

    public record AvailabilityRequest(@NotNull List<@Valid @NotNull WeeklyAvailability> availability) {
    }

    public record EquipmentRequest(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull EquipmentType type,
            @NotNull Long facilityId,
            @NotNull Boolean mobile,
            Long version) {
    }
}
