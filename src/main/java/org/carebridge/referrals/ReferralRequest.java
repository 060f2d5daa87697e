package org.carebridge.referrals;

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
 * A clinic's referral of a patient, with the observations taken there. {@code pregnant} and
 * {@code hypercapnicRespiratoryFailure} left out are the chart's current values; given, they keep the
 * chart current.
 */
public record ReferralRequest(
        @NotNull UUID patientId,
        @NotNull Long referringFacilityId,
        @NotBlank @Size(max = 2000) String reason,
        Specialty requestedSpecialty,
        Set<@NotNull SuspectedCondition> suspectedConditions,
        Boolean pregnant,
        Boolean hypercapnicRespiratoryFailure,
        @NotNull @Valid Observations observations) {
}
