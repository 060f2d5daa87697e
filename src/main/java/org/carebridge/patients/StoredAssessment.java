package org.carebridge.patients;

import java.time.Instant;
import java.util.UUID;

import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;

/** A guideline assessment kept in the patient's record: the picture assessed and the guidelines' answer. */
public record StoredAssessment(UUID id, UUID patientId, Instant assessedAt, String assessedBy,
        AssessmentRequest request, Assessment result) {
}
