package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carebridge.clinical.Sex;

/** A patient with their history, as a bulk import (the demo province, a migration) brings them. */
public record PatientImport(
        UUID id,
        String familyName,
        String givenName,
        String latinName,
        LocalDate birthDate,
        Sex sex,
        String language,
        long homeFacilityId,
        List<PatientIdentifier> identifiers,
        List<Measurement> observations,
        List<PastEncounter> encounters) {

    /** An observation: {@code number} for measurements, {@code text} for flags, levels and signs. */
    public record Measurement(UUID id, ObservationType type, BigDecimal number, String text, Instant effectiveAt) {
    }

    public record PastEncounter(UUID id, EncounterType type, long facilityId, Long practitionerId, String reason,
            Instant startedAt, Instant endedAt, String noteAuthor, String note) {
    }
}
