package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carebridge.clinical.Sex;

/**
 * The parts of one patient's record that a release covers, as plain values (what a FHIR bundle is built
 * from). Lists of parts out of scope are empty; the patient's demographics are always there.
 */
public record RecordExtract(Demographics patient, List<ObservationEntry> observations, List<EncounterEntry> encounters,
        List<NoteEntry> notes, List<AssessmentEntry> assessments) {

    public RecordExtract {
        observations = List.copyOf(observations);
        encounters = List.copyOf(encounters);
        notes = List.copyOf(notes);
        assessments = List.copyOf(assessments);
    }

    public record Demographics(UUID id, String familyName, String givenName, String latinName, LocalDate birthDate,
            Sex sex, List<PatientIdentifier> identifiers) {
    }

    /** {@code number} for numeric observations (with its UCUM {@code unit}), else {@code text}; {@code bool} for yes/no ones. */
    public record ObservationEntry(UUID id, ObservationType type, BigDecimal number, Boolean bool, String text,
            Instant effectiveAt) {
    }

    public record EncounterEntry(UUID id, EncounterType type, String reason, Long facilityId, Instant startedAt,
            Instant endedAt) {
    }

    public record NoteEntry(UUID id, UUID encounterId, String author, Instant writtenAt, String text) {
    }

    public record AssessmentEntry(UUID id, Instant assessedAt, String assessedBy, String urgency, String specialty,
            List<String> findings, String rulesetVersion) {
    }
}
