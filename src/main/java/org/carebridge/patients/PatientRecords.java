package org.carebridge.patients;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Valid;
import org.carebridge.directory.Directory;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The patient record. Every method that shows or changes patient data writes the audit log in the
 * same transaction, and only patients the user may see are shown.
 */
@Service
@Validated
@Transactional
public class PatientRecords {

    private static final String READERS = "hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')";
    private static final String CLINICIANS = "hasAnyRole('COORDINATOR', 'DOCTOR')";
    /** Reads a form's observations by their API names; nothing here depends on the application's settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PatientRepository patients;
    private final ObservationRepository observations;
    private final EncounterRepository encounters;
    private final PatientAccess access;
    private final Directory directory;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PatientRecords(PatientRepository patients, ObservationRepository observations, EncounterRepository encounters,
            PatientAccess access, Directory directory, AuditLog audit, JdbcTemplate jdbc) {
        this.patients = patients;
        this.observations = observations;
        this.encounters = encounters;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    // ---- demographics

    @PreAuthorize(READERS)
    public Page<Patient> search(@Valid PatientFilter filter, Pageable page) {
        Page<Patient> found = patients.findAll(matching(filter), page);
        // one entry per patient shown (one batch), or one for a search that showed nobody
        List<UUID> shown = found.getContent().stream().map(Patient::getId).toList();
        audit.recordBatch(AuditAction.SEARCH, shown.isEmpty() ? Collections.singletonList(null) : shown,
                "patients " + describe(filter) + " page " + page.getPageNumber() + ": " + found.getNumberOfElements()
                        + " shown of " + found.getTotalElements(), "patient search");
        return found;
    }

    /** How many patients the filter finds: a number only, so not an access to anybody's record. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(@Valid PatientFilter filter) {
        return patients.count(matching(filter));
    }

    /**
     * The facility a patient is registered at, for a case's bookkeeping (which county serves it): no part
     * of the chart, so neither checked against the caller nor audited.
     */
    @Transactional(readOnly = true)
    public long homeFacilityOf(UUID id) {
        return patients.findById(id).orElseThrow(() -> new NotFoundException("No patient " + id)).getHomeFacilityId();
    }

    @PreAuthorize(READERS)
    public Patient patient(UUID id) {
        Patient patient = access.visiblePatient(id);
        audit.record(AuditAction.READ, id, "patient demographics", "chart");
        return patient;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    public Patient register(@Valid PatientRequest request) {
        Instant now = clock.instant();
        checkRegistration(request, null);
        Patient patient = new Patient(UUID.randomUUID(), now);
        patient.update(request, now);
        patients.saveAndFlush(patient);
        audit.record(AuditAction.CREATE, patient.getId(), "patient demographics", "registration");
        return patient;
    }

    @PreAuthorize("hasRole('COORDINATOR')")
    public Patient update(UUID id, @Valid PatientRequest request) {
        Patient patient = access.visiblePatient(id);
        if (request.version() == null || request.version() != patient.getVersion()) {
            throw new ConflictException("version", "The patient is at version " + patient.getVersion()
                    + ", not " + request.version() + "; reload and try again");
        }
        checkRegistration(request, id);
        patient.update(request, clock.instant());
        patients.saveAndFlush(patient);
        audit.record(AuditAction.UPDATE, id, "patient demographics", "demographics update");
        return patient;
    }

    // ---- observations

    @PreAuthorize(READERS)
    public Page<Observation> observations(UUID patientId, ObservationType type, Instant from, Instant to,
            Pageable page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        access.visiblePatient(patientId);
        Specification<Observation> spec = (root, query, cb) -> cb.and(java.util.stream.Stream.of(
                        cb.equal(root.get("patientId"), patientId),
                        type == null ? null : cb.equal(root.get("type"), type),
                        from == null ? null : cb.greaterThanOrEqualTo(root.get("effectiveAt"), from),
                        to == null ? null : cb.lessThan(root.get("effectiveAt"), to))
                .filter(java.util.Objects::nonNull).toArray(Predicate[]::new));
        Page<Observation> found = observations.findAll(spec, page);
        audit.record(AuditAction.READ, patientId, "observations" + (type == null ? "" : " " + type), "chart");
        return found;
    }

    /** Every observation of the patient, oldest first: the chart's table and trends. */
    @PreAuthorize(READERS)
    public List<Observation> observationHistory(UUID patientId) {
        access.visiblePatient(patientId);
        List<Observation> history = observations.findByPatientIdOrderByEffectiveAtAsc(patientId);
        audit.record(AuditAction.READ, patientId, "observation history", "chart");
        return history;
    }

    @PreAuthorize(CLINICIANS)
    public Observation recordObservation(UUID patientId, @Valid ObservationRequest request) {
        Patient patient = access.visiblePatient(patientId);
        Instant now = clock.instant();
        Instant effectiveAt = request.effectiveAt() == null ? now : request.effectiveAt();
        ObservationValues.checkEffectiveAt(effectiveAt, now, patient.getBirthDate());
        ObservationValues.Stored value = ObservationValues.read(request.type(), request.value());
        Observation observation = observations.saveAndFlush(new Observation(UUID.randomUUID(), patientId,
                request.type(), value.number(), value.text(), effectiveAt, CurrentStaff.actor(), now));
        audit.record(AuditAction.CREATE, patientId, "observation " + request.type(), "observation entry");
        return observation;
    }

    /**
     * Each value of a form's observations goes into the record as one observation, taken now: what a
     * referral's or a teleconsult's new vitals add to the chart.
     */
    @PreAuthorize(CLINICIANS)
    public void recordObservations(UUID patientId, Observations sent) {
        JsonNode values = JSON.valueToTree(sent);
        for (ObservationType type : ObservationType.values()) {
            JsonNode value = values.get(type.key());
            if (value != null && !value.isNull()) {
                recordObservation(patientId, new ObservationRequest(type, value, null));
            }
        }
    }

    // ---- encounters

    @PreAuthorize(READERS)
    public List<Encounter> encounters(UUID patientId) {
        access.visiblePatient(patientId);
        List<Encounter> found = encounters.findByPatientIdOrderByStartedAtDesc(patientId);
        found.forEach(e -> e.getNotes().size()); // notes are shown with their encounter
        audit.record(AuditAction.READ, patientId, "encounters", "chart");
        return found;
    }

    @PreAuthorize(CLINICIANS)
    public Encounter openEncounter(UUID patientId, @Valid EncounterRequest request) {
        access.visiblePatient(patientId);
        List<FieldError> errors = new ArrayList<>();
        if (!directory.facilityExists(request.facilityId())) {
            errors.add(new FieldError("facilityId", "no facility " + request.facilityId()));
        }
        if (request.practitionerId() != null && !directory.practitionerExists(request.practitionerId())) {
            errors.add(new FieldError("practitionerId", "no practitioner " + request.practitionerId()));
        }
        if (request.endedAt() != null && request.endedAt().isBefore(request.startedAt())) {
            errors.add(new FieldError("endedAt", "must not be before startedAt"));
        }
        if (request.startedAt().isAfter(clock.instant().plus(ObservationValues.CLOCK_SKEW))) {
            errors.add(new FieldError("startedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Encounter encounter = encounters.saveAndFlush(new Encounter(UUID.randomUUID(), patientId, request));
        audit.record(AuditAction.CREATE, patientId, "encounter " + encounter.getId(), "encounter documentation");
        return encounter;
    }

    @PreAuthorize(CLINICIANS)
    public Encounter addNote(UUID patientId, UUID encounterId, @Valid NoteRequest request) {
        access.visiblePatient(patientId);
        Encounter encounter = encounters.findById(encounterId)
                .filter(e -> e.getPatientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("No encounter " + encounterId + " of patient " + patientId));
        encounter.addNote(CurrentStaff.actor(), request.text().strip(), clock.instant());
        encounters.saveAndFlush(encounter);
        audit.record(AuditAction.CREATE, patientId, "note on encounter " + encounterId, "encounter documentation");
        return encounter;
    }

    // ---- bulk import

    public boolean isEmpty() {
        return patients.count() == 0;
    }

    /** Imports patients with their histories in JDBC batches; each patient's creation is audited. */
    @Transactional
    public void importPatients(List<PatientImport> imported) {
        Instant now = clock.instant();
        batch("insert into patient (id, family_name, given_name, latin_name, birth_date, sex, language,"
                + " home_facility_id, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                imported, (ps, p) -> {
                    set(ps, p.id(), p.familyName(), p.givenName(), p.latinName(), Date.valueOf(p.birthDate()),
                            p.sex().name(), p.language(), p.homeFacilityId(), Timestamp.from(now), Timestamp.from(now));
                });
        batch("insert into patient_identifier (patient_id, identifier_system, identifier_value) values (?, ?, ?)",
                flatten(imported, p -> p.identifiers().stream().map(i -> new Object[] {p.id(), i.system().name(), i.value()}).toList()),
                (ps, row) -> set(ps, row));
        batch("insert into observation (id, patient_id, type, code, value_number, value_text, unit, effective_at,"
                + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)",
                flatten(imported, p -> p.observations().stream().map(o -> new Object[] {o.id(), p.id(), o.type().name(),
                        o.type().code(), o.number(), o.text(), o.type().unit(), Timestamp.from(o.effectiveAt()),
                        Timestamp.from(now)}).toList()),
                (ps, row) -> set(ps, row));
        batch("insert into encounter (id, patient_id, facility_id, practitioner_id, type, reason, started_at, ended_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                flatten(imported, p -> p.encounters().stream().map(e -> new Object[] {e.id(), p.id(), e.facilityId(),
                        e.practitionerId(), e.type().name(), e.reason(), Timestamp.from(e.startedAt()),
                        e.endedAt() == null ? null : Timestamp.from(e.endedAt())}).toList()),
                (ps, row) -> set(ps, row));
        batch("insert into encounter_note (id, encounter_id, author, written_at, text) values (?, ?, ?, ?, ?)",
                flatten(imported, p -> p.encounters().stream().filter(e -> e.note() != null)
                        .map(e -> new Object[] {UUID.nameUUIDFromBytes(e.id().toString().getBytes()), e.id(),
                                e.noteAuthor(), Timestamp.from(e.endedAt() == null ? e.startedAt() : e.endedAt()), e.note()})
                        .toList()),
                (ps, row) -> set(ps, row));
        audit.recordBatch(AuditAction.CREATE, imported.stream().map(PatientImport::id).toList(), "patient record import",
                "bulk import");
    }

    // ---- helpers

    private Specification<Patient> matching(PatientFilter filter) {
        Set<Long> visible = access.visibleFacilities();
        Set<Long> inRegion = filter.regionId() == null ? null : directory.facilityIdsIn(Set.of(filter.regionId()));
        String q = filter.q() == null ? "" : filter.q().strip();
        List<UUID> byIdentifier = q.isEmpty() ? List.of() : patients.findIdsByIdentifierValue(q);
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (visible != null) {
                where.add(visible.isEmpty() ? cb.disjunction() : root.get("homeFacilityId").in(visible));
            }
            if (inRegion != null) {
                where.add(inRegion.isEmpty() ? cb.disjunction() : root.get("homeFacilityId").in(inRegion));
            }
            if (filter.facilityId() != null) {
                where.add(cb.equal(root.get("homeFacilityId"), filter.facilityId()));
            }
            if (filter.sex() != null) {
                where.add(cb.equal(root.get("sex"), filter.sex()));
            }
            if (!q.isEmpty()) {
                String pattern = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%";
                Predicate byName = cb.or(
                        cb.like(cb.lower(cb.concat(root.get("familyName"), root.get("givenName"))), pattern, '\\'),
                        cb.like(cb.lower(root.get("latinName")), pattern, '\\'));
                where.add(byIdentifier.isEmpty() ? byName : cb.or(byName, root.get("id").in(byIdentifier)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Facility, identifiers and (on update) version: what Bean Validation cannot check alone. */
    private void checkRegistration(PatientRequest request, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        if (!directory.facilityExists(request.homeFacilityId())) {
            errors.add(new FieldError("homeFacilityId", "no facility " + request.homeFacilityId()));
        } else if (!access.canSeeFacility(request.homeFacilityId())) {
            errors.add(new FieldError("homeFacilityId", "is outside the facility and regions you serve"));
        }
        List<PatientIdentifier> identifiers = request.identifiers() == null ? List.of() : request.identifiers();
        Set<IdentifierSystem> systems = EnumSet.noneOf(IdentifierSystem.class);
        for (int i = 0; i < identifiers.size(); i++) {
            PatientIdentifier identifier = identifiers.get(i);
            if (!systems.add(identifier.system())) {
                errors.add(new FieldError("identifiers[" + i + "].system", "is given twice"));
            }
            if (identifier.system() == IdentifierSystem.RESIDENT_ID) {
                String problem = ResidentIdNumber.problem(identifier.value());
                if (problem != null) {
                    errors.add(new FieldError("identifiers[" + i + "].value", problem));
                } else if (!request.birthDate().equals(ResidentIdNumber.birthDate(identifier.value()))) {
                    errors.add(new FieldError("identifiers[" + i + "].value", "holds a birth date other than birthDate"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        for (int i = 0; i < identifiers.size(); i++) {
            PatientIdentifier identifier = identifiers.get(i);
            int index = i;
            patients.findIdByIdentifier(identifier.system(), identifier.value())
                    .filter(owner -> !owner.equals(self))
                    .ifPresent(owner -> {
                        throw new ConflictException("identifiers[" + index + "].value",
                                "Another patient already has the " + identifier.system() + " " + identifier.value());
                    });
        }
    }

    private static String describe(PatientFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            parts.add("q=" + filter.q().strip());
        }
        if (filter.regionId() != null) {
            parts.add("regionId=" + filter.regionId());
        }
        if (filter.facilityId() != null) {
            parts.add("facilityId=" + filter.facilityId());
        }
        if (filter.sex() != null) {
            parts.add("sex=" + filter.sex());
        }
        return parts.isEmpty() ? "(all)" : String.join(" ", parts);
    }

    private static <T> List<Object[]> flatten(List<T> items, java.util.function.Function<T, List<Object[]>> rows) {
        List<Object[]> all = new ArrayList<>();
        items.forEach(item -> all.addAll(rows.apply(item)));
        return all;
    }

    private <T> void batch(String sql, List<T> rows, BiConsumer<PreparedStatement, T> setter) {
        jdbc.batchUpdate(sql, rows, 1000, (ps, row) -> setter.accept(ps, row));
    }

    private static void set(PreparedStatement ps, Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
