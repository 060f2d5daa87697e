package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;

/** A row of the referral board. */
public record ReferralSummary(UUID id, UUID patientId, ReferralStatus status, String fhirStatus, Urgency urgency,
        Specialty specialty, Long assignedDoctorId, Long referringFacilityId, Long referringRegionId,
        boolean slaBreached, boolean escalated, Instant createdAt) {

    static ReferralSummary of(Referral r) {
        return new ReferralSummary(r.getId(), r.getPatientId(), r.getStatus(), r.getStatus().fhirStatus(),
                r.getUrgency(), r.getSpecialty(), r.getAssignedDoctorId(), r.getReferringFacilityId(),
                r.getReferringRegionId(), r.isSlaBreached(), r.isEscalated(), r.getCreatedAt());
    }
}
