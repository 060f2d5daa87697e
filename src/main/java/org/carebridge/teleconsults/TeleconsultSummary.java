package org.carebridge.teleconsults;

import java.time.Instant;
import java.util.UUID;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;

/** A row of {@code GET /api/teleconsults}. */
public record TeleconsultSummary(UUID id, UUID patientId, TeleconsultStatus status, Specialty specialty,
        Urgency urgency, Long doctorId, Instant start, Long requestingFacilityId, Instant createdAt) {
}
