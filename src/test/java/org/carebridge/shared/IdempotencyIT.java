package org.carebridge.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clinic on a poor link sends a create again when the answer was lost: with the same
 * {@code Idempotency-Key} it gets the first answer back and nothing is created twice; and a patient's
 * demographics are only overwritten by someone who read the version they change.
 */
@IntegrationTest
class IdempotencyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient coordinator;
    long villageClinic;

    @BeforeEach
    void signIn() {
        coordinator = ApiClient.as(port, "coordinator");
        villageClinic = new DemoData(port).facilityId("YS-V1");
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyReturnsTheFirstAnswerAndRegistersOnePatient() {
        Map<String, Object> request = patient("吉克", "阿呷", LocalDate.of(1988, 2, 14));
        ApiClient retrying = coordinator.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response first = retrying.post("/api/patients", request);
        ApiClient.Response again = retrying.post("/api/patients", request);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(patientsWithResidentId(request)).isOne();
    }

    @Test
    void aRetriedReferralWithTheSameKeyStartsOneReferral() {
        String patientId = coordinator.post("/api/patients", patient("阿克", "木呷", LocalDate.of(1969, 8, 1)))
                .body().path("id").asText();
        Map<String, Object> request = Map.of("patientId", patientId, "referringFacilityId", villageClinic,
                "reason", "Palpitations", "requestedSpecialty", "INTERNAL_MEDICINE", "suspectedConditions", List.of(),
                "observations", Map.of("respiratoryRate", 16, "oxygenSaturation", 97, "systolicBp", 120,
                        "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8));
        ApiClient retrying = coordinator.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        long before = jdbc.queryForObject("select count(*) from referral", Long.class);

        ApiClient.Response first = retrying.post("/api/referrals", request);
        ApiClient.Response again = retrying.post("/api/referrals", request);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("id")).isEqualTo(first.body().path("id"));
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(jdbc.queryForObject("select count(*) from referral", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() {
        ApiClient retrying = coordinator.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> first = patient("阿苏", "拉则", LocalDate.of(1979, 9, 9));
        Map<String, Object> other = patient("阿苏", "拉则", LocalDate.of(1979, 9, 10));
        assertThat(retrying.post("/api/patients", first).status()).isEqualTo(201);

        ApiClient.Response reused = retrying.post("/api/patients", other);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();
        assertThat(reused.body().toString()).contains("Idempotency-Key");
        assertThat(patientsWithResidentId(other)).isZero();
    }

    @Test
    void aRetriedObservationIsRecordedOnceAndWithoutAKeyEachPostRecords() {
        Map<String, Object> observation = Map.of("type", "HEART_RATE", "value", 88,
                "effectiveAt", java.time.Instant.now().minusSeconds(60).toString());
        String patientId = coordinator.post("/api/patients", patient("曲比", "石惹", LocalDate.of(2001, 5, 5)))
                .body().path("id").asText();
        String path = "/api/patients/" + patientId + "/observations";
        ApiClient retrying = coordinator.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response first = retrying.post(path, observation);
        ApiClient.Response again = retrying.post(path, observation);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(observations(patientId)).isOne();

        assertThat(coordinator.post(path, observation).status()).isEqualTo(201);
        assertThat(coordinator.post(path, observation).status()).isEqualTo(201);
        assertThat(observations(patientId)).isEqualTo(3);
    }

    private long observations(String patientId) {
        return jdbc.queryForObject("select count(*) from observation where patient_id = ?", Long.class,
                UUID.fromString(patientId));
    }

    @Test
    void twoIdenticalRequestsAtOnceGiveOnePatientAndTheSameAnswer() throws Exception {
        ExecutorService clinic = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Map<String, Object> request = patient("马", "海来", LocalDate.of(1950 + round, 7, 7));
                String key = UUID.randomUUID().toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiClient.Response>> answers = new ArrayList<>();
                for (int attempt = 0; attempt < 2; attempt++) {
                    answers.add(clinic.submit(() -> {
                        ApiClient sender = ApiClient.as(port, "coordinator").withHeader("Idempotency-Key", key);
                        start.await();
                        return sender.post("/api/patients", request);
                    }));
                }
                start.countDown();
                ApiClient.Response one = answers.get(0).get();
                ApiClient.Response other = answers.get(1).get();

                assertThat(one.status()).as(one.toString()).isEqualTo(201);
                assertThat(other.status()).as(other.toString()).isEqualTo(201);
                assertThat(other.body()).isEqualTo(one.body());
                assertThat(patientsWithResidentId(request)).isOne();
            }
        } finally {
            clinic.shutdownNow();
        }
    }

    @Test
    void aPatientUpdateWithoutAVersionIsRefusedWith428() {
        Map<String, Object> request = patient("沙马", "尔古", LocalDate.of(1966, 1, 20));
        String id = coordinator.post("/api/patients", request).body().path("id").asText();
        Map<String, Object> moved = new HashMap<>(request);
        moved.put("homeFacilityId", new DemoData(port).facilityId("YS-CH"));

        ApiClient.Response unversioned = coordinator.put("/api/patients/" + id, moved);

        assertThat(unversioned.status()).isEqualTo(428);
        assertThat(unversioned.isProblem()).isTrue();
        assertThat(coordinator.get("/api/patients/" + id).body().path("homeFacilityId").asLong()).isEqualTo(villageClinic);
    }

    @Test
    void aPatientUpdateCarriesTheETagItReadAndAStaleOneIs409() {
        Map<String, Object> request = patient("吉伍", "阿果", LocalDate.of(1972, 3, 3));
        String id = coordinator.post("/api/patients", request).body().path("id").asText();
        String etag = coordinator.get("/api/patients/" + id).headers().getETag();
        assertThat(etag).isEqualTo("\"0\"");
        Map<String, Object> moved = new HashMap<>(request);
        moved.put("homeFacilityId", new DemoData(port).facilityId("YS-CH"));

        ApiClient.Response updated = coordinator.withHeader("If-Match", etag).put("/api/patients/" + id, moved);
        ApiClient.Response stale = coordinator.withHeader("If-Match", etag).put("/api/patients/" + id, request);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.headers().getETag()).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(coordinator.get("/api/patients/" + id).body().path("homeFacilityId").asLong())
                .isEqualTo(new DemoData(port).facilityId("YS-CH"));
    }

    private Map<String, Object> patient(String family, String given, LocalDate born) {
        return Map.of("familyName", family, "givenName", given, "birthDate", born.toString(), "sex", "FEMALE",
                "language", "ii", "homeFacilityId", villageClinic,
                "identifiers", List.of(Map.of("system", "RESIDENT_ID", "value", DemoData.freshResidentId(born))));
    }

    @SuppressWarnings("unchecked")
    private long patientsWithResidentId(Map<String, Object> request) {
        String residentId = ((List<Map<String, Object>>) request.get("identifiers")).get(0).get("value").toString();
        return jdbc.queryForObject("select count(*) from patient_identifier where identifier_value = ?", Long.class,
                residentId);
    }
}
