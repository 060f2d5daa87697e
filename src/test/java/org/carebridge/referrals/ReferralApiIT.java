package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.ApiClient.Response;
import org.carebridge.IntegrationTest;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The referral and task REST API of {@code shared/spec/referral-workflow.md}: contract, bad input, roles, conflicts. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    ReferralScenario scenario;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts staff;

    ApiClient coordinator;
    ApiClient doctor;

    @BeforeAll
    void signIn() {
        scenario = new ReferralScenario(context);
        coordinator = ApiClient.as(port, "coordinator");
        doctor = ApiClient.as(port, "doctor");
        if (staff.all().stream().noneMatch(s -> s.username().equals("coordinator2"))) {
            staff.create(new NewStaffAccount("coordinator2", "coordinator2", "Second coordinator",
                    Set.of(Role.COORDINATOR), null, null, Set.of(), true));
        }
    }

    private Map<String, Object> referral(Map<String, Object> observations) {
        return Map.of("patientId", scenario.patientIn("YS").toString(), "referringFacilityId", scenario.facility("YS-V1"),
                "reason", "Palpitations", "requestedSpecialty", "INTERNAL_MEDICINE",
                "suspectedConditions", List.of(), "observations", observations);
    }

    private JsonNode submit() {
        Response created = coordinator.post("/api/referrals", referral(ReferralScenario.HEALTHY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private String openTask(String referralId, String taskKey, ApiClient as) {
        for (JsonNode task : as.get("/api/tasks").body()) {
            if (task.path("referralId").asText().equals(referralId) && task.path("taskKey").asText().equals(taskKey)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no " + taskKey + " of " + referralId + " in the inbox");
    }

    private long referralCount() {
        return jdbc.queryForObject("select count(*) from referral", Long.class);
    }

    @Test
    void submittingAReferralAnswers201WithTheAssessedReferral() {
        Response created = coordinator.post("/api/referrals", referral(ReferralScenario.NEWS2_MEDIUM));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(created.headers().getLocation().toString()).endsWith("/api/referrals/" + body.path("id").asText());
        assertThat(body.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(body.path("fhirStatus").asText()).isEqualTo("requested");
        assertThat(body.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(body.path("specialty").asText()).isEqualTo("INTERNAL_MEDICINE");
        assertThat(body.path("assessment").path("news2").path("score").asInt()).isEqualTo(6);
        assertThat(body.path("assessment").path("rulesetVersion").asText()).hasSize(64);
        assertThat(body.has("assignedDoctorId")).isTrue();
        assertThat(body.has("appointment")).isTrue();
        assertThat(body.path("slaBreached").asBoolean()).isFalse();
        assertThat(body.path("escalated").asBoolean()).isFalse();
        assertThat(body.path("createdAt").asText()).isNotBlank();

        JsonNode read = coordinator.get("/api/referrals/" + body.path("id").asText()).body();
        assertThat(read.path("urgency").asText()).isEqualTo("URGENT");
        JsonNode timeline = coordinator.get("/api/referrals/" + body.path("id").asText() + "/timeline").body();
        assertThat(timeline.get(0).path("type").asText()).isEqualTo("SUBMITTED");
        assertThat(timeline.get(0).path("actor").asText()).isEqualTo("coordinator");
        assertThat(timeline.get(0).path("at").asText()).isNotBlank();
        assertThat(timeline.findValuesAsText("type")).contains("ASSESSED", "TASK_CREATED");
    }

    @Test
    void theTimelineSpeaksTheReadersLanguageWithPeopleByNameAndTheEntrysCodeAndParametersForMachines() {
        String id = submit().path("id").asText();

        JsonNode chinese = coordinator.inLanguage("zh").get("/api/referrals/" + id + "/timeline").body();
        JsonNode submitted = chinese.get(0);
        assertThat(submitted.path("code").asText()).isEqualTo("referrals.said.SUBMITTED");
        assertThat(submitted.path("parameters").path("facility").asText()).isEqualTo(String.valueOf(scenario.facility("YS-V1")));
        assertThat(submitted.path("parameters").path("reason").asText()).isEqualTo("Palpitations");
        assertThat(submitted.path("details").asText()).startsWith("由").endsWith("转诊：Palpitations");
        assertThat(submitted.path("actor").asText()).isEqualTo("coordinator");
        assertThat(submitted.path("actorName").asText()).isEqualTo("协调员 周敏");
        JsonNode assessed = chinese.get(1);
        assertThat(assessed.path("code").asText()).isEqualTo("referrals.said.ASSESSED");
        assertThat(assessed.path("details").asText()).startsWith("常规，内科").doesNotContain("ROUTINE", "INTERNAL_MEDICINE");
        JsonNode opened = chinese.findParents("code").stream()
                .filter(e -> e.path("code").asText().equals("tasks.said.OPENED_DUE")).findFirst().orElseThrow();
        assertThat(opened.path("details").asText()).startsWith("审核转诊：交由协调员，截止 ").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");

        JsonNode english = coordinator.inLanguage("en").get("/api/referrals/" + id + "/timeline").body();
        assertThat(english.get(0).path("details").asText()).startsWith("Referred from ").endsWith(": Palpitations");
        assertThat(english.get(1).path("details").asText()).startsWith("Routine, Internal medicine");
    }

    @Test
    void aBadReferralIsRefusedNamingEachFieldAndNothingIsStored() {
        long before = referralCount();
        Response empty = coordinator.post("/api/referrals", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.isProblem()).isTrue();
        assertThat(empty.badFields()).contains("patientId", "referringFacilityId", "reason", "observations");

        Map<String, Object> fahrenheit = new java.util.HashMap<>(referral(Map.of("temperature", 98.6)));
        Response implausible = coordinator.post("/api/referrals", fahrenheit);
        assertThat(implausible.badFields()).containsExactly("observations.temperature");

        Map<String, Object> unknown = new java.util.HashMap<>(referral(ReferralScenario.HEALTHY));
        unknown.put("patientId", UUID.randomUUID().toString());
        unknown.put("referringFacilityId", 999_999);
        assertThat(coordinator.post("/api/referrals", unknown).badFields())
                .containsExactlyInAnyOrder("patientId", "referringFacilityId");

        Map<String, Object> wrongType = new java.util.HashMap<>(referral(ReferralScenario.HEALTHY));
        wrongType.put("requestedSpecialty", "ASTROLOGY");
        assertThat(coordinator.post("/api/referrals", wrongType).badFields()).containsExactly("requestedSpecialty");
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void theBoardFiltersAndPutsUrgentFirst() {
        submit();
        coordinator.post("/api/referrals", referral(ReferralScenario.NEWS2_MEDIUM));
        JsonNode urgent = coordinator.get("/api/referrals?urgency=URGENT&size=200").body();
        assertThat(urgent.path("content").findValuesAsText("urgency")).isNotEmpty().containsOnly("URGENT");
        List<String> order = coordinator.get("/api/referrals?status=REQUESTED&size=200").body().path("content")
                .findValuesAsText("urgency");
        assertThat(order.indexOf("URGENT")).isLessThan(order.lastIndexOf("ROUTINE"));
        assertThat(coordinator.get("/api/referrals?regionId=" + jdbc.queryForObject(
                "select id from region where code = 'XS'", Long.class)).body().path("content")).isEmpty();
        assertThat(coordinator.get("/api/referrals?status=LOST").badFields()).containsExactly("status");
    }

    @Test
    void theBoardsCountsPerStatusAreWhatTheBoardListsForEachUser() {
        submit();
        coordinator.post("/api/referrals", referral(ReferralScenario.NEWS2_MEDIUM));
        for (String user : List.of("coordinator", "doctor", "planner")) {
            for (Urgency urgency : new Urgency[] {null, Urgency.URGENT}) {
                Map<ReferralStatus, Long> counts = scenario.as(user, () -> scenario.referrals.countByStatus(
                        new ReferralFilter(null, urgency, null, null, null, null)));
                assertThat(counts.keySet()).containsExactlyInAnyOrder(ReferralStatus.values());
                for (ReferralStatus status : ReferralStatus.values()) {
                    long listed = scenario.as(user, () -> scenario.referrals.search(
                            new ReferralFilter(status, urgency, null, null, null, null), PageRequest.of(0, 1)))
                            .getTotalElements();
                    assertThat(counts.get(status)).as(user + ", " + status + ", " + urgency).isEqualTo(listed);
                }
            }
        }
        assertThat(scenario.as("coordinator", () -> scenario.referrals.countByStatus(
                new ReferralFilter(null, Urgency.URGENT, null, null, null, null))).get(ReferralStatus.REQUESTED))
                .as("the urgent referral just submitted").isPositive();
    }

    @Test
    void doctorsReadOnlyReferralsRoutedToThemAndPlannersSeeDemandWithoutTheChart() {
        String id = submit().path("id").asText();
        assertThat(doctor.get("/api/referrals/" + id).status()).isEqualTo(403);
        JsonNode demand = ApiClient.as(port, "planner").get("/api/referrals/" + id).body();
        assertThat(demand.path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(demand.path("assessment").isNull()).isTrue();

        String review = openTask(id, "ReviewReferral", coordinator);
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "ROUTE",
                "doctorId", "" + scenario.practitioner("DR-0001"))).status()).isEqualTo(204);
        JsonNode routed = doctor.get("/api/referrals/" + id).body();
        assertThat(routed.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(routed.path("assessment").path("urgency").asText()).isEqualTo("ROUTINE");
        // the chart of a patient routed to them, outside the doctor's county
        assertThat(doctor.get("/api/patients/" + routed.path("patientId").asText()).status()).isEqualTo(200);
    }

    @Test
    void theInboxShowsEachUserTheirOwnTasks() {
        String id = submit().path("id").asText();
        JsonNode task = null;
        for (JsonNode t : coordinator.get("/api/tasks").body()) {
            if (t.path("referralId").asText().equals(id)) {
                task = t;
            }
        }
        assertThat(task).isNotNull();
        assertThat(task.path("taskKey").asText()).isEqualTo("ReviewReferral");
        assertThat(task.path("patientId").asText()).isEqualTo(scenario.patientIn("YS").toString());
        assertThat(task.path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(task.path("due").asText()).isNotBlank();
        assertThat(doctor.get("/api/tasks").body().findValuesAsText("referralId")).doesNotContain(id);
        assertThat(ApiClient.as(port, "records").get("/api/tasks").body().findValuesAsText("referralId")).doesNotContain(id);
    }

    @Test
    void aFormThatFailsValidationChangesNothing() {
        String id = submit().path("id").asText();
        String review = openTask(id, "ReviewReferral", coordinator);
        Response missing = coordinator.post("/api/tasks/" + review + "/complete", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.badFields()).containsExactly("decision");
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "MAYBE")).badFields())
                .containsExactly("decision");
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "ROUTE")).badFields())
                .containsExactly("doctorId");
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "ROUTE", "doctorId",
                "" + scenario.practitioner("DR-0001"), "specialty", "CARDIOLOGY", "reason", "Murmur")).badFields())
                .containsExactly("doctorId");
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "ROUTE", "colour", "red"))
                .badFields()).containsExactly("colour");
        assertThat(coordinator.get("/api/tasks/" + review).status()).isEqualTo(200);
        assertThat(coordinator.get("/api/referrals/" + id).body().path("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void newObservationsAndUrgencyChangesRefuseBadInputNamingTheFieldsAndChangeNothing() {
        String id = submit().path("id").asText();
        Response fahrenheit = coordinator.post("/api/referrals/" + id + "/observations", Map.of("temperature", 98.6));
        assertThat(fahrenheit.status()).isEqualTo(400);
        assertThat(fahrenheit.isProblem()).isTrue();
        assertThat(fahrenheit.badFields()).containsExactly("temperature");
        assertThat(coordinator.post("/api/referrals/" + id + "/observations", Map.of()).badFields())
                .containsExactly("observations");
        assertThat(coordinator.post("/api/referrals/" + id + "/urgency", Map.of("urgency", "EMERGENCY")).badFields())
                .containsExactly("reason");
        assertThat(coordinator.post("/api/referrals/" + id + "/urgency", Map.of("urgency", "SOON", "reason", "x"))
                .badFields()).containsExactly("urgency");
        assertThat(coordinator.post("/api/referrals/" + id + "/urgency", Map.of("reason", "x")).badFields())
                .containsExactly("urgency");
        assertThat(coordinator.get("/api/referrals/" + id).body().path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(coordinator.get("/api/referrals/" + id + "/timeline").body().toString()).doesNotContain("REASSESSED");

        Response worse = coordinator.post("/api/referrals/" + id + "/observations", Map.of("systolicBp", 80,
                "heartRate", 140, "respiratoryRate", 30, "oxygenSaturation", 85));
        assertThat(worse.status()).as(worse.toString()).isEqualTo(200);
        assertThat(worse.body().path("urgency").asText()).isEqualTo("EMERGENCY");
        assertThat(coordinator.post("/api/referrals/" + id + "/urgency", Map.of("urgency", "EMERGENCY", "reason", "again"))
                .status()).isEqualTo(409);
        assertThat(coordinator.post("/api/referrals/" + UUID.randomUUID() + "/observations", Map.of("heartRate", 80))
                .status()).isEqualTo(404);
    }

    @Test
    void aTaskOfAnotherGroupIsForbiddenAndOneAlreadyDoneIsAConflict() {
        String id = submit().path("id").asText();
        String review = openTask(id, "ReviewReferral", coordinator);
        Map<String, Object> reject = Map.of("decision", "REJECT", "reason", "Duplicate of an earlier referral");
        assertThat(doctor.post("/api/tasks/" + review + "/complete", reject).status()).isEqualTo(403);
        assertThat(doctor.post("/api/tasks/" + review + "/claim", null).status()).isEqualTo(403);
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", reject).status()).isEqualTo(204);
        Response again = coordinator.post("/api/tasks/" + review + "/complete", reject);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(coordinator.post("/api/tasks/no-such-task/complete", reject).status()).isEqualTo(404);
    }

    @Test
    void aTaskClaimedBySomeoneElseIsAConflict() {
        String id = submit().path("id").asText();
        String review = openTask(id, "ReviewReferral", coordinator);
        ApiClient second = ApiClient.as(port, "coordinator2");
        assertThat(second.post("/api/tasks/" + review + "/claim", null).body().path("assignee").asText())
                .isEqualTo("coordinator2");
        assertThat(coordinator.post("/api/tasks/" + review + "/claim", null).status()).isEqualTo(409);
        assertThat(coordinator.post("/api/tasks/" + review + "/complete", Map.of("decision", "REJECT", "reason", "x"))
                .status()).isEqualTo(409);
        assertThat(coordinator.get("/api/tasks").body().findValuesAsText("id")).doesNotContain(review);
        assertThat(second.get("/api/tasks").body().findValuesAsText("id")).contains(review);
        assertThat(coordinator.get("/api/referrals/" + id + "/timeline").body().findValuesAsText("type"))
                .contains("TASK_CLAIMED");
    }

    @Test
    void twoPeopleCompletingTheSameTaskAtOnceOnlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String id = submit().path("id").asText();
                String review = openTask(id, "ReviewReferral", coordinator);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (ApiClient who : List.of(coordinator, ApiClient.as(port, "coordinator2"))) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return who.post("/api/tasks/" + review + "/complete",
                                Map.of("decision", "REJECT", "reason", "Seen elsewhere"));
                    }));
                }
                start.countDown();
                List<Response> both = List.of(answers.get(0).get(), answers.get(1).get());
                assertThat(both).as("round " + round + ": " + both).extracting(Response::status)
                        .containsExactlyInAnyOrder(204, 409);
                assertThat(jdbc.queryForObject("select count(*) from referral_event where referral_id = ?"
                        + " and type = 'REJECTED'", Long.class, UUID.fromString(id))).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingNeedsAReasonAndAFinishedReferralCannotBeCancelled() {
        String id = submit().path("id").asText();
        assertThat(coordinator.post("/api/referrals/" + id + "/cancel", Map.of()).badFields()).containsExactly("reason");
        assertThat(doctor.post("/api/referrals/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
        Response cancelled = coordinator.post("/api/referrals/" + id + "/cancel", Map.of("reason", "Patient recovered"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("fhirStatus").asText()).isEqualTo("cancelled");
        Response again = coordinator.post("/api/referrals/" + id + "/cancel", Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(coordinator.post("/api/referrals/" + UUID.randomUUID() + "/cancel", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void bookingRefusesASlotTheDoctorAlreadyHoldsOrOutsideTheirHours() {
        JsonNode first = submit();
        JsonNode second = submit();
        for (JsonNode r : List.of(first, second)) {
            String id = r.path("id").asText();
            coordinator.post("/api/tasks/" + openTask(id, "ReviewReferral", coordinator) + "/complete",
                    Map.of("decision", "ROUTE", "doctorId", "" + scenario.practitioner("DR-0001")));
            doctor.post("/api/tasks/" + openTask(id, "AcceptReferral", doctor) + "/complete", Map.of("decision", "ACCEPT"));
        }
        JsonNode slot = coordinator.get("/api/referrals/" + first.path("id").asText() + "/suggestions?limit=1").body().get(0);
        Map<String, Object> booking = Map.of("start", slot.path("start").asText(), "mode", "IN_PERSON",
                "facilityId", slot.path("facilityId").asLong());
        String firstTask = openTask(first.path("id").asText(), "ScheduleAppointment", coordinator);
        assertThat(coordinator.post("/api/tasks/" + firstTask + "/complete", booking).status()).isEqualTo(204);

        String secondTask = openTask(second.path("id").asText(), "ScheduleAppointment", coordinator);
        Response taken = coordinator.post("/api/tasks/" + secondTask + "/complete", booking);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.badFields()).containsExactly("start");
        assertThat(taken.body().path("errors").get(0).path("message").asText()).contains("already booked");

        Map<String, Object> atNight = Map.of("start", ReferralScenario.nextWeekdayAt(java.time.LocalTime.of(3, 0))
                .toString(), "mode", "IN_PERSON", "facilityId", slot.path("facilityId").asLong());
        Response outside = coordinator.post("/api/tasks/" + secondTask + "/complete", atNight);
        assertThat(outside.badFields()).containsExactly("start");
        assertThat(outside.body().path("errors").get(0).path("message").asText()).contains("working hours");
        assertThat(coordinator.post("/api/tasks/" + secondTask + "/complete", Map.of("start", "tomorrow",
                "mode", "IN_PERSON")).badFields()).containsExactly("start");
        assertThat(coordinator.get("/api/referrals/" + second.path("id").asText()).body().path("status").asText())
                .isEqualTo("ACCEPTED");
    }
}
