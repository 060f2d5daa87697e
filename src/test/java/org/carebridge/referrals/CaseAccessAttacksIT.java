package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carebridge.referrals.ReferralScenario.CRISIS;
import static org.carebridge.referrals.ReferralScenario.HEALTHY;
import static org.carebridge.referrals.ReferralScenario.form;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carebridge.ApiClient;
import org.carebridge.clinical.Sex;
import org.carebridge.IntegrationTest;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.Role;
import org.carebridge.tasks.OpenTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The case holes issue 12 found, each attempted as the user who found it and named after it: a county
 * coordinator working another county's review, the referring side's steps worked by the patient's
 * county, any doctor reading and documenting any emergency, a planner reading clinical content, a
 * planner's role widening a doctor's charts, and access through a case that never ends.
 */
@IntegrationTest
class CaseAccessAttacksIT {

    private static final String PASSWORD = "case access 1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    ReferralScenario scenario;

    @BeforeEach
    void engine() {
        scenario = new ReferralScenario(context);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    /** A new account with those roles, serving those counties or that facility (null: none). */
    String account(Set<Role> roles, String countyCode, String facilityCode, Long practitionerId) {
        // listed after every demo login, so that no test takes it for one
        String username = "zz-case-" + UUID.randomUUID().toString().substring(0, 8);
        Set<Long> regions = countyCode == null ? Set.of() : Set.of(region(countyCode));
        scenario.staff.create(new NewStaffAccount(username, PASSWORD, "Case access " + username, roles, practitionerId,
                facilityCode == null ? null : scenario.facility(facilityCode), regions, false));
        return username;
    }

    long region(String code) {
        return scenario.jdbc.queryForObject("select id from region where code = ?", Long.class, code);
    }

    ApiClient api(String username) {
        return ApiClient.as(port, username, PASSWORD);
    }

    static boolean listsTask(ApiClient user, String taskId) {
        return user.get("/api/tasks").body().findValues("id").stream().map(JsonNode::asText).anyMatch(taskId::equals);
    }

    @Test
    void aCoordinatorOfAnotherCountyNeitherSeesNorWorksItsReviewTask() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);   // a Yishan patient, from a Yishan clinic
        String taskId = scenario.task(referral, "ReviewReferral").id();
        ApiClient elsewhere = api(account(Set.of(Role.COORDINATOR), "ML", null, null));

        assertThat(elsewhere.get("/api/referrals/" + referral.id()).status()).isEqualTo(403);
        assertThat(listsTask(elsewhere, taskId)).isFalse();
        assertThat(elsewhere.get("/api/tasks/" + taskId).status()).isEqualTo(403);
        assertThat(elsewhere.post("/api/tasks/" + taskId + "/claim", "{}").status()).isEqualTo(403);
        assertThat(elsewhere.post("/api/tasks/" + taskId + "/complete", form("decision", "REJECT", "reason", "not ours"))
                .status()).isEqualTo(403);
        assertThat(scenario.task(referral, "ReviewReferral").assignee()).isNull();

        ApiClient yishan = api(account(Set.of(Role.COORDINATOR), "YS", null, null));
        assertThat(listsTask(yishan, taskId)).isTrue();
        assertThat(yishan.get("/api/tasks/" + taskId).status()).isEqualTo(200);
    }

    @Test
    void theReferringSidesStepsAreForTheReferringCountyNotThePatientsCounty() {
        // a Meiling patient referred by a Yishan clinic: Meiling's coordinators serve the case ...
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.submit(new ReferralRequest(
                scenario.patientIn("ML"), scenario.facility("YS-V1"), "Cough for a month", null, Set.of(), null, null,
                scenario.json.convertValue(HEALTHY, Observations.class))));
        ApiClient meiling = api(account(Set.of(Role.COORDINATOR), "ML", null, null));
        assertThat(meiling.get("/api/referrals/" + referral.id()).status()).isEqualTo(200);
        String review = scenario.task(referral, "ReviewReferral").id();
        assertThat(listsTask(meiling, review)).isTrue();
        assertThat(meiling.post("/api/tasks/" + review + "/complete", form("decision", "REQUEST_INFO",
                "reason", "Sputum smear result?")).status()).isEqualTo(204);

        // ... but only the referring county's answer the request for information
        String provide = scenario.task(referral, "ProvideInformation").id();
        assertThat(listsTask(meiling, provide)).isFalse();
        assertThat(meiling.post("/api/tasks/" + provide + "/complete", form("note", "smear negative")).status())
                .isEqualTo(403);
        ApiClient yishan = api(account(Set.of(Role.COORDINATOR), "YS", null, null));
        assertThat(listsTask(yishan, provide)).isTrue();
    }

    @Test
    void onlyTheDoctorsWhereAnEmergencyWasTakenReadItAndDocumentItsOutcome() {
        // a patient of a Yishan village clinic
        ReferralDetails referral = scenario.submit(scenario.newPatient(LocalDate.now().minusYears(60), Sex.FEMALE),
                CRISIS, null);
        scenario.complete("coordinator", referral, "ArrangeEmergencyTransfer", form("destinationFacilityId",
                scenario.facility("YL-PH"), "transport", "AMBULANCE"));
        String document = scenario.task(referral, "DocumentOutcome").id();
        // a doctor of Yishan's county hospital, where the patient was not taken
        ApiClient elsewhere = api(account(Set.of(Role.DOCTOR), null, "YS-CH", null));
        assertThat(elsewhere.get("/api/referrals/" + referral.id()).status()).isEqualTo(403);
        assertThat(elsewhere.get("/api/patients/" + referral.patientId()).status()).isEqualTo(403);
        assertThat(listsTask(elsewhere, document)).isFalse();
        assertThat(elsewhere.post("/api/tasks/" + document + "/complete", form("attended", true, "diagnosis", "x",
                "plan", "y", "followUp", "NONE")).status()).isEqualTo(403);

        // the prefecture hospital's doctor, who received the patient
        ApiClient receiving = ApiClient.as(port, "doctor");
        assertThat(receiving.get("/api/referrals/" + referral.id()).status()).isEqualTo(200);
        assertThat(listsTask(receiving, document)).isTrue();
    }

    @Test
    void aPlannerReadsAReferralsDemandButNeitherItsReasonOutcomeNorTimelineAndTheReadIsAudited() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);
        ApiClient planner = ApiClient.as(port, "planner");
        ApiClient.Response read = planner.get("/api/referrals/" + referral.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("clinical").asBoolean()).isFalse();
        assertThat(read.body().path("reason").isNull()).isTrue();
        assertThat(read.body().path("assessment").isNull()).isTrue();
        assertThat(read.body().path("urgency").asText()).isEqualTo("ROUTINE");
        assertThat(planner.get("/api/referrals/" + referral.id() + "/timeline").status()).isEqualTo(403);

        JsonNode audit = ApiClient.as(port, "admin").get("/api/audit?actor=planner&patientId=" + referral.patientId())
                .body();
        assertThat(audit.findValues("resource").stream().map(JsonNode::asText))
                .contains("referral " + referral.id());
    }

    @Test
    void aPlannersRoleGivesADoctorNoChartsOfReferredPatients() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);
        // a doctor of Meiling's county hospital who also plans
        ApiClient both = api(account(Set.of(Role.PLANNER, Role.DOCTOR), null, "ML-CH", null));
        assertThat(both.get("/api/patients/" + referral.patientId()).status()).isEqualTo(403);
        ApiClient.Response read = both.get("/api/referrals/" + referral.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("reason").isNull()).isTrue();
        assertThat(both.get("/api/referrals/" + referral.id() + "/timeline").status()).isEqualTo(403);
    }

    @Test
    void aDoctorsAccessThroughAReferralEndsThirtyDaysAfterItCloses() {
        // a new Yishan patient, not the doctor's county, with no other case that could open the chart
        ReferralDetails referral = scenario.submit(scenario.newPatient(LocalDate.now().minusYears(45), Sex.MALE),
                HEALTHY, null);
        scenario.routeToDoctorAndAccept(referral);
        scenario.bookNextFreeSlot(referral);
        scenario.complete("doctor", referral, "DocumentOutcome", form("attended", true, "diagnosis", "Gastritis",
                "plan", "Omeprazole for four weeks", "followUp", "NONE"));
        scenario.complete("coordinator", referral, "AcknowledgeOutcome", form());
        assertThat(scenario.referral(referral.id()).closedAt()).isNotNull();

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(29))));
        assertThat(scenario.as("doctor", () -> scenario.referrals.referral(referral.id())).clinical()).isTrue();
        assertThat(scenario.as("doctor", () -> scenario.patients.patient(referral.patientId()))).isNotNull();

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
        assertThatThrownBy(() -> scenario.as("doctor", () -> scenario.referrals.referral(referral.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scenario.as("doctor", () -> scenario.patients.patient(referral.patientId())))
                .isInstanceOf(AccessDeniedException.class);
        // the county's coordinators keep the case
        assertThat(scenario.referral(referral.id()).clinical()).isTrue();
    }

    @Test
    void aDoctorsTaskOfAnotherDoctorsReferralIsNotTheirs() {
        ReferralDetails referral = scenario.submit(HEALTHY, null);
        scenario.complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", String.valueOf(scenario.practitioner("DR-0001"))));
        OpenTask accept = scenario.task(referral, "AcceptReferral");
        String other = account(Set.of(Role.DOCTOR), null, "YL-PH", null);
        assertThat(listsTask(api(other), accept.id())).isFalse();
        assertThat(api(other).post("/api/tasks/" + accept.id() + "/complete", form("decision", "ACCEPT")).status())
                .isEqualTo(403);
    }
}
