package org.carebridge.patients;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of a record that a release covers, for the record-release process only: it reads them
 * after the consent decision (or an audited break-the-glass) and a records officer's approval, so it
 * does not ask whether the signed-in user serves the patient. Each extract is audited with its purpose.
 */
@Service
@Transactional
public class RecordExtracts {

    private final PatientRepository patients;
    private final ObservationRepository observations;
    private final EncounterRepository encounters;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Guidelines guidelines;

    RecordExtracts(PatientRepository patients, ObservationRepository observations, EncounterRepository encounters,
            JdbcTemplate jdbc, ObjectMapper json, AuditLog audit, Guidelines guidelines) {
        this.guidelines = guidelines;
        this.patients = patients;
        this.observations = observations;
        this.encounters = encounters;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    /** Whether the patient exists at all: a request may name a patient its sender does not serve yet. */
    @Transactional(readOnly = true)
    public boolean patientExists(UUID patientId) {
        return patients.existsById(patientId);
    }

    /**
     * Whether a facility holds the patient's record: the patient is registered there (home facility) or was seen
     * there (an encounter at that facility). Observations carry no facility of their own — they are taken in an
     * encounter or at the home facility — so they add nothing to this.
     */
    @Transactional(readOnly = true)
    public boolean isHeldBy(UUID patientId, long facilityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select case when exists (select 1 from patient"
                + " where id = ? and home_facility_id = ?) or exists (select 1 from encounter where patient_id = ?"
                + " and facility_id = ?) then true else false end", Boolean.class, patientId, facilityId, patientId,
                facilityId));
    }

    public RecordExtract extract(UUID patientId, Set<RecordScope> scope, String purpose) {
        Patient p = patients.findById(patientId).orElseThrow(() -> new NotFoundException("No patient " + patientId));
        RecordExtract.Demographics demographics = new RecordExtract.Demographics(p.getId(), p.getFamilyName(),
                p.getGivenName(), p.getLatinName(), p.getBirthDate(), p.getSex(), List.copyOf(p.getIdentifiers()));
        List<RecordExtract.ObservationEntry> observed = !scope.contains(RecordScope.OBSERVATIONS) ? List.of()
                : observations.findByPatientIdOrderByEffectiveAtAsc(patientId).stream().map(RecordExtracts::entry).toList();
        List<Encounter> contacts = scope.contains(RecordScope.ENCOUNTERS) || scope.contains(RecordScope.NOTES)
                ? encounters.findByPatientIdOrderByStartedAtDesc(patientId) : List.of();
        List<RecordExtract.EncounterEntry> encountered = !scope.contains(RecordScope.ENCOUNTERS) ? List.of()
                : contacts.stream().map(e -> new RecordExtract.EncounterEntry(e.getId(), e.getType(), e.getReason(),
                        e.getFacilityId(), e.getStartedAt(), e.getEndedAt())).toList();
        List<RecordExtract.NoteEntry> notes = !scope.contains(RecordScope.NOTES) ? List.of()
                : contacts.stream().flatMap(e -> e.getNotes().stream().map(n -> new RecordExtract.NoteEntry(n.getId(),
                        e.getId(), n.getAuthor(), n.getWrittenAt(), n.getText()))).toList();
        List<RecordExtract.AssessmentEntry> assessed = !scope.contains(RecordScope.ASSESSMENTS) ? List.of()
                : jdbc.query("select id, assessed_at, assessed_by, result_json from assessment where patient_id = ?"
                        + " order by assessed_at", (rs, i) -> assessment(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)), patientId);
        audit.record(AuditAction.READ, patientId, "record extract " + Consent.join(scope), purpose);
        return new RecordExtract(demographics, observed, encountered, notes, assessed);
    }

    private static RecordExtract.ObservationEntry entry(Observation o) {
        return switch (o.getType().kind()) {
            case NUMBER -> new RecordExtract.ObservationEntry(o.getId(), o.getType(), o.getNumber(), null, null,
                    o.getEffectiveAt());
            case BOOLEAN -> new RecordExtract.ObservationEntry(o.getId(), o.getType(), null, (Boolean) o.getValue(), null,
                    o.getEffectiveAt());
            default -> new RecordExtract.ObservationEntry(o.getId(), o.getType(), null, null, String.valueOf(o.getValue()),
                    o.getEffectiveAt());
        };
    }

    private RecordExtract.AssessmentEntry assessment(UUID id, java.time.Instant at, String by, String resultJson) {
        try {
            Assessment result = json.readValue(resultJson, Assessment.class);
            return new RecordExtract.AssessmentEntry(id, at, by,
                    result.urgency() == null ? null : result.urgency().name(),
                    result.specialty() == null ? null : result.specialty().name(),
                    // released records are read by the province's clinicians: their findings in Chinese
                    result.findings() == null ? List.of()
                            : result.findings().stream().map(f -> guidelines.message(f, Locale.CHINESE)).toList(),
                    result.rulesetVersion());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored assessment cannot be read: " + id, e);
        }
    }
}
