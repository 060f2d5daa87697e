package org.carebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Objects, not only roles" of docs/roles.md, object by object: for each case type, cases in and out of the
 * scope of one user of each role limited to county Yishan (YS) — or, for the doctor, working at the
 * prefecture hospital (YL-PH) as DR-0001 — and for each, the case, its timeline, its task (in the inbox,
 * opened, claimed), the patient's chart reached through it and, for record requests, the released records.
 * Each case states who may reach what, in the words of roles.md; whatever it does not grant is 403.
 * <p>
 * Every patient is registered for this class, so that no other test's case gives anybody a way to them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String PASSWORD = "access matrix 1";
    private static final Map<String, Object> HEALTHY = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 120, "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8);

    // the users, one of each role
    static final String COORDINATOR = "coordinator of YS";
    static final String DOCTOR = "doctor DR-0001 at YL-PH";
    static final String PLANNER = "planner of YS";
    static final String RECORDS = "records officer of YS";
    static final String ADMIN = "administrator of YS";
    static final List<String> USERS = List.of(COORDINATOR, DOCTOR, PLANNER, RECORDS, ADMIN);

    /** A case of one type, the patient it is about, its open task, and who may reach what of it. */
    record Case(String type, UUID id, UUID patient, String taskKey, String taskId, String assignee, Set<String> clinical,
            Set<String> demandOnly, Set<String> chart, Set<String> workers, Set<String> releasedTo) {

        String path() {
            return "/api/" + type + "/" + id;
        }
    }

    static final String REFERRAL_AT_REVIEW_IN_YS = "referral from YS at review";
    static final String REFERRAL_AT_REVIEW_IN_ML = "referral from ML at review";
    static final String REFERRAL_ROUTED_TO_DR_0001 = "referral from YS routed to DR-0001";
    static final String REFERRAL_ROUTED_ELSEWHERE = "referral from ML routed to another doctor";
    static final String TELECONSULT_TO_SCHEDULE_IN_YS = "teleconsult from YS to schedule";
    static final String TELECONSULT_TO_SCHEDULE_IN_ML = "teleconsult from ML to schedule";
    static final String TELECONSULT_BOOKED_WITH_DR_0001 = "teleconsult from YS booked with DR-0001";
    static final String RECORDS_FROM_YS_TO_YL_PH = "record request YS-CH → YL-PH at review";
    static final String RECORDS_FROM_ML_TO_ML = "record request ML-CH → ML-T1 at review";
    static final String GLASS_BROKEN_FROM_YS_TO_YL_PH = "glass broken YS-CH → YL-PH";
    static final String GLASS_BROKEN_FROM_ML_TO_ML = "glass broken ML-CH → ML-T1";
    static final List<String> CASES = List.of(REFERRAL_AT_REVIEW_IN_YS, REFERRAL_AT_REVIEW_IN_ML,
            REFERRAL_ROUTED_TO_DR_0001, REFERRAL_ROUTED_ELSEWHERE, TELECONSULT_TO_SCHEDULE_IN_YS,
            TELECONSULT_TO_SCHEDULE_IN_ML, TELECONSULT_BOOKED_WITH_DR_0001, RECORDS_FROM_YS_TO_YL_PH,
            RECORDS_FROM_ML_TO_ML, GLASS_BROKEN_FROM_YS_TO_YL_PH, GLASS_BROKEN_FROM_ML_TO_ML);

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;

    final Map<String, ApiClient> users = new HashMap<>();
    final Map<String, Case> cases = new LinkedHashMap<>();
    final Map<String, Set<String>> inboxes = new HashMap<>();
    ApiClient coordinator;
    ApiClient doctor;

    @BeforeAll
    void oneUserOfEachRoleAndTheCasesInAndOutOfTheirScope() {
        coordinator = ApiClient.as(port, "coordinator");   // the demo coordinator serves every county
        doctor = ApiClient.as(port, "doctor");             // DR-0001 at YL-PH
        users.put(COORDINATOR, account(Role.COORDINATOR));
        users.put(DOCTOR, doctor);
        users.put(PLANNER, account(Role.PLANNER));
        users.put(RECORDS, account(Role.RECORDS_OFFICER));
        users.put(ADMIN, account(Role.ADMIN));

        // Charts: patients of the user's facility and regions (records officers of YS read YS charts), plus
        // those in their cases; never a planner's or an administrator's.
        // Referrals. Coordinators: cases whose patient or referring facility is in a county they serve.
        // Doctors: those routed to them. Planners: every referral's demand, never its clinical content.
        UUID ys = patientAt("YS-V1");
        UUID referral = referral(ys, "YS-V1");
        add(REFERRAL_AT_REVIEW_IN_YS, "referrals", referral, ys, "ReviewReferral",
                Set.of(COORDINATOR), Set.of(PLANNER), Set.of(COORDINATOR, RECORDS), Set.of(COORDINATOR), Set.of());

        UUID ml = patientAt("ML-V1");
        add(REFERRAL_AT_REVIEW_IN_ML, "referrals", referral(ml, "ML-V1"), ml, "ReviewReferral",
                Set.of(), Set.of(PLANNER), Set.of(), Set.of(), Set.of());

        UUID routed = patientAt("YS-V1");
        referral = referral(routed, "YS-V1");
        route(referral, practitioner("DR-0001"));
        // the chart is the doctor's through the referral routed to them ("those in their tasks")
        add(REFERRAL_ROUTED_TO_DR_0001, "referrals", referral, routed, "AcceptReferral",
                Set.of(COORDINATOR, DOCTOR), Set.of(PLANNER), Set.of(COORDINATOR, DOCTOR, RECORDS), Set.of(DOCTOR), Set.of());

        UUID elsewhere = patientAt("ML-V1");
        referral = referral(elsewhere, "ML-V1");
        route(referral, anotherInternist());
        add(REFERRAL_ROUTED_ELSEWHERE, "referrals", referral, elsewhere, "AcceptReferral",
                Set.of(), Set.of(PLANNER), Set.of(), Set.of(), Set.of());

        // Teleconsults: coordinators as for referrals; doctors those routed to them; planners none.
        ys = patientAt("YS-V1");
        add(TELECONSULT_TO_SCHEDULE_IN_YS, "teleconsults", teleconsult(ys, "YS-V1"), ys, "ScheduleTeleconsult",
                Set.of(COORDINATOR), Set.of(), Set.of(COORDINATOR, RECORDS), Set.of(COORDINATOR), Set.of());

        ml = patientAt("ML-V1");
        add(TELECONSULT_TO_SCHEDULE_IN_ML, "teleconsults", teleconsult(ml, "ML-V1"), ml, "ScheduleTeleconsult",
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        routed = patientAt("YS-V1");
        UUID teleconsult = teleconsult(routed, "YS-V1");
        bookWithTheDemoDoctor(teleconsult);
        add(TELECONSULT_BOOKED_WITH_DR_0001, "teleconsults", teleconsult, routed, "ConductTeleconsult",
                Set.of(COORDINATOR, DOCTOR), Set.of(), Set.of(COORDINATOR, DOCTOR, RECORDS), Set.of(DOCTOR), Set.of());

        // Record requests: records officers (and coordinators, doctors) of a facility on either side; the
        // source's records officers review; the released records go to the receiving facility's staff; an
        // administrator reviews every emergency access, and sees no chart.
        UUID held = patientAt("YS-CH");
        UUID request = recordRequest(doctor, held, "YS-CH", "YL-PH", "CONTINUING_CARE");
        add(RECORDS_FROM_YS_TO_YL_PH, "record-requests", request, held, "ReviewRelease",
                Set.of(COORDINATOR, DOCTOR, RECORDS), Set.of(), Set.of(COORDINATOR, RECORDS), Set.of(RECORDS), Set.of());

        held = patientAt("ML-CH");
        request = recordRequest(coordinator, held, "ML-CH", "ML-T1", "CONTINUING_CARE");
        add(RECORDS_FROM_ML_TO_ML, "record-requests", request, held, "ReviewRelease",
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        held = patientAt("YS-CH");
        request = recordRequest(doctor, held, "YS-CH", "YL-PH", "EMERGENCY");
        add(GLASS_BROKEN_FROM_YS_TO_YL_PH, "record-requests", request, held, "ReviewEmergencyAccess",
                Set.of(COORDINATOR, DOCTOR, RECORDS), Set.of(), Set.of(COORDINATOR, RECORDS), Set.of(ADMIN),
                Set.of(DOCTOR));

        held = patientAt("ML-CH");
        request = recordRequest(coordinator, held, "ML-CH", "ML-T1", "EMERGENCY");
        add(GLASS_BROKEN_FROM_ML_TO_ML, "record-requests", request, held, "ReviewEmergencyAccess",
                Set.of(), Set.of(), Set.of(), Set.of(ADMIN), Set.of());
    }

    Stream<Arguments> everyUserAndCase() {
        return USERS.stream().flatMap(user -> CASES.stream().map(c -> Arguments.of(user, c)));
    }

    Stream<Arguments> everyUserAndReleasedRecords() {
        return USERS.stream().flatMap(user -> Stream.of(GLASS_BROKEN_FROM_YS_TO_YL_PH, GLASS_BROKEN_FROM_ML_TO_ML)
                .map(c -> Arguments.of(user, c)));
    }

    @ParameterizedTest(name = "{0} reading the {1}")
    @MethodSource("everyUserAndCase")
    void aCaseIsReadByThoseItIsForAndRefusedToOthers(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response read = users.get(user).get(c.path());
        if (c.clinical().contains(user)) {
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.body().path("id").asText()).isEqualTo(c.id().toString());
        } else if (c.demandOnly().contains(user)) {
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.body().path("clinical").asBoolean(true)).isFalse();
            assertThat(read.body().path("reason").isNull()).isTrue();
            assertThat(read.body().path("assessment").isNull()).isTrue();
            assertThat(read.body().path("urgency").asText()).isNotBlank();
        } else {
            assertRefused(read);
        }
    }

    @ParameterizedTest(name = "{0} reading the timeline of the {1}")
    @MethodSource("everyUserAndCase")
    void aTimelineIsForTheCasesCareTeamOnly(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response timeline = users.get(user).get(c.path() + "/timeline");
        if (c.clinical().contains(user)) {
            assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
            assertThat(timeline.body().isArray()).isTrue();
            assertThat(timeline.body().size()).isPositive();
        } else {
            assertRefused(timeline);
        }
    }

    @ParameterizedTest(name = "{0} reading the chart of the patient of the {1}")
    @MethodSource("everyUserAndCase")
    void aPatientsChartIsReachedOnlyThroughACaseThatIsTheirs(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response chart = users.get(user).get("/api/patients/" + c.patient());
        if (c.chart().contains(user)) {
            assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
            assertThat(chart.body().path("id").asText()).isEqualTo(c.patient().toString());
        } else {
            assertRefused(chart);
        }
    }

    @ParameterizedTest(name = "{0} looking for the task of the {1} in their inbox")
    @MethodSource("everyUserAndCase")
    void aTaskIsInTheInboxOfThoseWhoMayCompleteItOnly(String user, String caseName) {
        Case c = cases.get(caseName);
        assertThat(inbox(user).contains(c.taskId())).as(c.taskKey() + " listed").isEqualTo(c.workers().contains(user));
    }

    @ParameterizedTest(name = "{0} opening the task of the {1}")
    @MethodSource("everyUserAndCase")
    void aTaskIsOpenedByThoseWhoMayCompleteItOnly(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response task = users.get(user).get("/api/tasks/" + c.taskId());
        if (c.workers().contains(user)) {
            assertThat(task.status()).as(task.toString()).isEqualTo(200);
            assertThat(task.body().path("taskKey").asText()).isEqualTo(c.taskKey());
        } else {
            assertRefused(task);
        }
    }

    @ParameterizedTest(name = "{0} claiming the task of the {1}")
    @MethodSource("everyUserAndCase")
    void aTaskIsClaimedByThoseWhoMayCompleteItOnly(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response claim = users.get(user).post("/api/tasks/" + c.taskId() + "/claim", null);
        try {
            if (c.workers().contains(user)) {
                assertThat(claim.status()).as(claim.toString()).isEqualTo(200);
            } else {
                assertRefused(claim);
                assertThat(taskService.createTaskQuery().taskId(c.taskId()).singleResult().getAssignee())
                        .isEqualTo(c.assignee());
            }
        } finally {
            // back to whoever held it (the doctor a referral is routed to), so that the order of probes does not matter
            taskService.setAssignee(c.taskId(), c.assignee());
        }
    }

    @ParameterizedTest(name = "{0} reading the records released by the {1}")
    @MethodSource("everyUserAndReleasedRecords")
    void releasedRecordsAreForTheReceivingFacilityOnly(String user, String caseName) {
        Case c = cases.get(caseName);
        ApiClient.Response bundle = users.get(user).get(c.path() + "/bundle");
        if (c.releasedTo().contains(user)) {
            assertThat(bundle.status()).as(bundle.toString()).isEqualTo(200);
            assertThat(bundle.body().path("resourceType").asText()).isEqualTo("Bundle");
        } else {
            assertRefused(bundle);
        }
    }

    @Test
    void aTaskClaimedInScopeIsStillRefusedNotReportedAsTakenToAUserOutOfScope() {
        // a coordinator of another county, in the task's candidate group but not serving the case
        Case c = cases.get(REFERRAL_AT_REVIEW_IN_ML);
        ApiClient ys = users.get(COORDINATOR);
        assertThat(coordinator.post("/api/tasks/" + c.taskId() + "/claim", null).status()).isEqualTo(200);
        try {
            assertRefused(ys.get("/api/tasks/" + c.taskId()));
            assertRefused(ys.post("/api/tasks/" + c.taskId() + "/claim", null));
        } finally {
            taskService.setAssignee(c.taskId(), c.assignee());
        }
    }

    private static void assertRefused(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    /** The ids of the tasks in the user's inbox (none when the role has no inbox: 403). */
    private Set<String> inbox(String user) {
        return inboxes.computeIfAbsent(user, u -> {
            ApiClient.Response inbox = users.get(u).get("/api/tasks");
            if (inbox.status() == 403) {
                return Set.of();
            }
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            return Set.copyOf(inbox.body().findValues("id").stream().map(JsonNode::asText).toList());
        });
    }

    // fixtures, built through the API as the demo staff would

    private void add(String name, String type, UUID id, UUID patient, String taskKey, Set<String> clinical,
            Set<String> demandOnly, Set<String> chart, Set<String> workers, Set<String> releasedTo) {
        String table = switch (type) {
            case "referrals" -> "referral";
            case "teleconsults" -> "teleconsult";
            default -> "record_request";
        };
        String instance = jdbc.queryForObject("select process_instance_id from " + table + " where id = ?", String.class,
                id);
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(taskKey).singleResult();
        cases.put(name, new Case(type, id, patient, taskKey, task.getId(), task.getAssignee(), clinical, demandOnly, chart,
                workers, releasedTo));
    }

    /** A new account of that role serving county YS (password {@link #PASSWORD}). */
    private ApiClient account(Role role) {
        String username = "matrix-" + role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        long ys = jdbc.queryForObject("select id from region where code = 'YS'", Long.class);
        staff.create(new NewStaffAccount(username, PASSWORD, "Access matrix " + username, Set.of(role), null, null,
                Set.of(ys), false));
        return ApiClient.as(port, username, PASSWORD);
    }

    private long facility(String code) {
        return jdbc.queryForObject("select id from facility where code = ?", Long.class, code);
    }

    private long practitioner(String code) {
        return jdbc.queryForObject("select id from practitioner where code = ?", Long.class, code);
    }

    /** An internist with a login who is not the demo doctor. */
    private long anotherInternist() {
        return jdbc.queryForObject("select s.practitioner_id from practitioner_specialty s join staff_account a"
                + " on a.practitioner_id = s.practitioner_id where s.specialty = 'INTERNAL_MEDICINE'"
                + " and s.practitioner_id <> ? order by 1 limit 1", Long.class, practitioner("DR-0001"));
    }

    private UUID patientAt(String facilityCode) {
        ApiClient.Response created = coordinator.post("/api/patients", Map.of("familyName", "矩阵", "givenName",
                "患者" + UUID.randomUUID().toString().substring(0, 6), "birthDate", "1970-03-01", "sex", "FEMALE",
                "language", "zh", "homeFacilityId", facility(facilityCode)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asText());
    }

    private UUID referral(UUID patient, String referringFacility) {
        ApiClient.Response created = coordinator.post("/api/referrals", Map.of("patientId", patient.toString(),
                "referringFacilityId", facility(referringFacility), "reason", "Cough for three weeks",
                "requestedSpecialty", "INTERNAL_MEDICINE", "suspectedConditions", List.of(), "observations", HEALTHY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asText());
    }

    private void route(UUID referral, long doctorId) {
        String instance = jdbc.queryForObject("select process_instance_id from referral where id = ?", String.class,
                referral);
        String review = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("ReviewReferral")
                .singleResult().getId();
        ApiClient.Response done = coordinator.post("/api/tasks/" + review + "/complete",
                Map.of("decision", "ROUTE", "doctorId", String.valueOf(doctorId)));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    private UUID teleconsult(UUID patient, String requestingFacility) {
        ApiClient.Response created = coordinator.post("/api/teleconsults", Map.of("patientId", patient.toString(),
                "requestingFacilityId", facility(requestingFacility), "specialty", "INTERNAL_MEDICINE",
                "reason", "Fever and cough for a week", "suspectedConditions", List.of(), "observations", HEALTHY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asText());
    }

    /** Books DR-0001 in a free weekday half-hour some weeks ahead (other tests book the same doctor). */
    private void bookWithTheDemoDoctor(UUID teleconsult) {
        String instance = jdbc.queryForObject("select process_instance_id from teleconsult where id = ?", String.class,
                teleconsult);
        String schedule = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("ScheduleTeleconsult").singleResult().getId();
        Random random = new Random();
        ApiClient.Response done = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7 + random.nextInt(120));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(17)),
                    ZoneId.of("Asia/Shanghai"));
            done = coordinator.post("/api/tasks/" + schedule + "/complete", Map.of("doctorId",
                    practitioner("DR-0001"), "start", start.toOffsetDateTime().toString()));
            if (done.status() == 204) {
                return;
            }
            assertThat(done.badFields()).as(done.toString()).containsOnly("start");
        }
        throw new AssertionError("no free slot found for DR-0001: " + done);
    }

    /** A request for the patient's records, with their consent unless the glass is broken. */
    private UUID recordRequest(ApiClient requester, UUID patient, String from, String to, String purpose) {
        if (!purpose.equals("EMERGENCY")) {
            ApiClient.Response consent = coordinator.post("/api/patients/" + patient + "/consents", Map.of(
                    "grantee", facility(to), "purposes", List.of(purpose), "scope", List.of("OBSERVATIONS"),
                    "validFrom", LocalDate.now().minusDays(1).toString(),
                    "validUntil", LocalDate.now().plusDays(90).toString(), "decision", "PERMIT"));
            assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        }
        Map<String, Object> submission = new HashMap<>(Map.of("patientId", patient.toString(), "fromFacilityId",
                facility(from), "toFacilityId", facility(to), "purpose", purpose, "scope", List.of("OBSERVATIONS")));
        if (purpose.equals("EMERGENCY")) {
            submission.put("reason", "Unconscious on arrival, history unknown");
        }
        ApiClient.Response created = requester.post("/api/record-requests", submission);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("id").asText());
    }
}
