package org.carebridge.teleconsults;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;

/** {@code GET /api/teleconsults/{id}}. {@code sessionUrl} is shown to the doctor and the requesting side only. */
public record TeleconsultDetails(
        UUID id,
        UUID patientId,
        TeleconsultStatus status,
        Long requestingFacilityId,
        Specialty specialty,
        String reason,
        Urgency urgency,
        Long doctorId,
        Instant start,
        String sessionUrl,
        int connectionFailures,
        Note note,
        UUID referralId,
        UUID followUpReferralId,
        UUID encounterId,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    /** The doctor's consult note (SOAP) with prescriptions and follow-up. */
    public record Note(String subjective, String objective, String assessment, String plan,
            List<Prescription> prescriptions, TeleconsultFollowUp followUp) {
    }
}
