package org.carebridge.patients;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import jakarta.validation.Valid;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.patients.LatestObservations.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Guideline assessments in the record: a clinician assesses a patient's latest observations, the
 * answer is kept with the patient, and a change of rules re-assesses everybody.
 */
@Service
@Validated
@Transactional
public class PatientAssessments {

    /** Patients per rules session when re-assessing everybody. */
    static final int BATCH = 1_000;

    private static final String CLINICIANS = "hasAnyRole('COORDINATOR', 'DOCTOR')";

    private final Guidelines guidelines;
    private final PatientAccess access;
    private final PatientRecords records;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    PatientAssessments(Guidelines guidelines, PatientAccess access, PatientRecords records, AuditLog audit,
            JdbcTemplate jdbc, ObjectMapper json) {
        this.guidelines = guidelines;
        this.access = access;
        this.records = records;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Assesses the patient's latest observations and keeps the answer in their record. */
    @PreAuthorize(CLINICIANS)
    public StoredAssessment assessLatest(UUID patientId, @Valid AssessmentContext context) {
        Patient patient = access.visiblePatient(patientId);
        AssessmentContext form = context == null ? AssessmentContext.none() : context;
        List<Value> values = values(patientId);
        keepChartCurrent(patient, values, form, clock.instant());
        AssessmentRequest request = LatestObservations.latest(patient.getBirthDate(), values, form);
        Assessment result = guidelines.assess(request);
        StoredAssessment stored = new StoredAssessment(UUID.randomUUID(), patientId, clock.instant(),
                CurrentStaff.actor(), request, result);
        store(List.of(stored));
        audit.record(AuditAction.READ, patientId, "observations for guideline assessment", "guideline assessment");
        audit.record(AuditAction.CREATE, patientId, "guideline assessment " + stored.id(), "guideline assessment");
        return stored;
    }

    /**
     * What the guidelines need about a patient whose observations a form sends now (a referral, a
     * teleconsult): the ages on that day, the form's pregnancy and hypercapnic respiratory failure or
     * else the chart's current ones. A form that says otherwise than the chart keeps the chart current:
     * its answer is recorded there.
     */
    @PreAuthorize(CLINICIANS)
    public AssessmentRequest intake(UUID patientId, Observations observations, @Valid AssessmentContext form,
            Instant at) {
        Patient patient = access.visiblePatient(patientId);
        AssessmentRequest chart = keepChartCurrent(patient, values(patientId), form, at);
        return LatestObservations.forPatient(patient.getBirthDate(), at, observations, form, chart.pregnant(),
                chart.hypercapnicRespiratoryFailure());
    }

    /**
     * The chart's current picture for the guidelines, with the form's context: vital signs of the last 24
     * hours, labs of the last 90 days; nothing older stands for the patient now.
     */
    @PreAuthorize(CLINICIANS)
    public AssessmentRequest current(UUID patientId, @Valid AssessmentContext context, Instant now) {
        Patient patient = access.visiblePatient(patientId);
        audit.record(AuditAction.READ, patientId, "observations for guideline assessment", "guideline assessment");
        return LatestObservations.current(patient.getBirthDate(), values(patientId), context, now);
    }

    /**
     * The chart's current pregnancy and hypercapnic respiratory failure (in a request without observations);
     * where the form says otherwise, the form's answer is recorded in the chart.
     */
    private AssessmentRequest keepChartCurrent(Patient patient, List<Value> values, AssessmentContext form, Instant at) {
        List<Value> conditions = values.stream().filter(v -> v.type() == ObservationType.PREGNANCY_STATUS
                || v.type() == ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE).toList();
        AssessmentRequest chart = LatestObservations.current(patient.getBirthDate(), conditions, AssessmentContext.none(), at);
        keepCurrent(patient.getId(), ObservationType.PREGNANCY_STATUS, chart.pregnant(), form.pregnant());
        keepCurrent(patient.getId(), ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE, chart.hypercapnicRespiratoryFailure(),
                form.hypercapnicRespiratoryFailure());
        return chart;
    }

    private void keepCurrent(UUID patientId, ObservationType condition, Boolean inChart, Boolean inForm) {
        if (inForm != null && !inForm.equals(inChart)) {
            records.recordObservation(patientId, new ObservationRequest(condition, BooleanNode.valueOf(inForm), null));
        }
    }

    private List<Value> values(UUID patientId) {
        return jdbc.query("select type, value_number, value_text, effective_at from observation where patient_id = ?",
                (rs, i) -> new Value(ObservationType.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), patientId);
    }

    /** The patient's assessments, newest first. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')")
    public List<StoredAssessment> history(UUID patientId) {
        access.visiblePatient(patientId);
        List<StoredAssessment> found = newestFirst(patientId, "");
        audit.record(AuditAction.READ, patientId, "guideline assessments", "chart");
        return found;
    }

    /** The patient's newest assessment, the chart's "how is the patient"; empty when never assessed. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')")
    public Optional<StoredAssessment> latest(UUID patientId) {
        access.visiblePatient(patientId);
        List<StoredAssessment> found = newestFirst(patientId, " fetch first 1 rows only");
        audit.record(AuditAction.READ, patientId, "latest guideline assessment", "chart");
        return found.stream().findFirst();
    }

    private List<StoredAssessment> newestFirst(UUID patientId, String limit) {
        return jdbc.query("select id, assessed_at, assessed_by, request_json, result_json from assessment"
                + " where patient_id = ? order by assessed_at desc" + limit, stored(patientId), patientId);
    }

    private RowMapper<StoredAssessment> stored(UUID patientId) {
        return (rs, i) -> new StoredAssessment(rs.getObject(1, UUID.class), patientId, rs.getTimestamp(2).toInstant(),
                rs.getString(3), read(rs.getString(4), AssessmentRequest.class), read(rs.getString(5), Assessment.class));
    }

    /** How a re-assessment of everybody went. */
    public record Reassessment(String rulesetVersion, int patients, int changedUrgency, int firstAssessed,
            long engineMillis, long totalMillis) {
    }

    /**
     * Re-assesses every patient's latest observations under the rules now in service, in batches of a
     * thousand on every core, keeps the new assessments and counts whose urgency changed. A patient
     * keeps the context (suspicions, requested specialty) of their last assessment.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Reassessment reassessEveryone() {
        long started = System.nanoTime();
        Map<UUID, LocalDate> born = new HashMap<>();
        jdbc.query("select id, birth_date from patient", rs -> {
            born.put(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate());
        });
        Map<UUID, List<Value>> values = new HashMap<>();
        jdbc.query("select patient_id, type, value_number, value_text, effective_at from ("
                + " select o.*, row_number() over (partition by patient_id, type order by effective_at desc) as latest"
                + " from observation o) ranked where latest = 1", rs -> {
            values.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(new Value(ObservationType.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
        });
        Map<UUID, Previous> previous = new HashMap<>();
        jdbc.query("select patient_id, urgency, request_json from ("
                + " select a.*, row_number() over (partition by patient_id order by assessed_at desc) as latest"
                + " from assessment a) ranked where latest = 1", rs -> {
            previous.put(rs.getObject(1, UUID.class), new Previous(rs.getString(2),
                    read(rs.getString(3), AssessmentRequest.class)));
        });

        List<UUID> ids = new ArrayList<>(born.keySet());
        List<AssessmentRequest> requests = ids.stream().map(id -> {
            Previous before = previous.get(id);
            AssessmentContext context = before == null ? AssessmentContext.none()
                    : new AssessmentContext(before.request().suspectedConditions(), null,
                            before.request().requestedSpecialty(), null);
            return LatestObservations.latest(born.get(id), values.getOrDefault(id, List.of()), context);
        }).toList();

        long engineStarted = System.nanoTime();
        List<List<Assessment>> batches = IntStream.range(0, (requests.size() + BATCH - 1) / BATCH).parallel()
                .mapToObj(b -> guidelines.assessAll(requests.subList(b * BATCH, Math.min(requests.size(), (b + 1) * BATCH))))
                .toList();
        long engineMillis = (System.nanoTime() - engineStarted) / 1_000_000;

        Instant now = clock.instant();
        List<StoredAssessment> stored = new ArrayList<>(ids.size());
        int changed = 0;
        int first = 0;
        int i = 0;
        for (List<Assessment> batch : batches) {
            for (Assessment result : batch) {
                UUID id = ids.get(i);
                Previous before = previous.get(id);
                if (before == null) {
                    first++;
                } else if (!Objects.equals(before.urgency(), result.urgency().name())) {
                    changed++;
                }
                stored.add(new StoredAssessment(UUID.randomUUID(), id, now, CurrentStaff.actor(), requests.get(i), result));
                i++;
            }
        }
        store(stored);
        audit.recordBatch(AuditAction.CREATE, ids, "guideline re-assessment", "rules changed");
        return new Reassessment(guidelines.rulesetVersion(), ids.size(), changed, first, engineMillis,
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Previous(String urgency, AssessmentRequest request) {
    }

    private void store(List<StoredAssessment> assessments) {
        jdbc.batchUpdate("insert into assessment (id, patient_id, assessed_at, assessed_by, ruleset_version, urgency,"
                        + " specialty, request_json, result_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", assessments, 1000,
                (ps, a) -> {
                    ps.setObject(1, a.id());
                    ps.setObject(2, a.patientId());
                    ps.setTimestamp(3, Timestamp.from(a.assessedAt()));
                    ps.setString(4, a.assessedBy());
                    ps.setString(5, a.result().rulesetVersion());
                    ps.setString(6, a.result().urgency().name());
                    ps.setString(7, a.result().specialty().name());
                    ps.setString(8, write(a.request()));
                    ps.setString(9, write(a.result()));
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
