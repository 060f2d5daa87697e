package org.carebridge.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two clinics register the same person at the same moment: one record results, the other clinic hears 409. */
@IntegrationTest
class ConcurrentRegistrationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ofTwoSimultaneousRegistrationsWithOneResidentIdExactlyOneSucceeds() throws Exception {
        long facility = new DemoData(port).facilityId("QX-T1");
        ExecutorService clinics = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                LocalDate born = LocalDate.of(1960 + round, 3, 3);
                String residentId = DemoData.freshResidentId(born);
                Map<String, Object> request = Map.of("familyName", "韦", "givenName", "秀", "birthDate", born.toString(),
                        "sex", "FEMALE", "language", "za", "homeFacilityId", facility,
                        "identifiers", List.of(Map.of("system", "RESIDENT_ID", "value", residentId)));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int clinic = 0; clinic < 2; clinic++) {
                    answers.add(clinics.submit(() -> {
                        ApiClient coordinator = ApiClient.as(port, "coordinator");
                        start.await();
                        return coordinator.post("/api/patients", request).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                assertThat(jdbc.queryForObject("select count(*) from patient_identifier where identifier_value = ?",
                        Long.class, residentId)).isOne();
            }
        } finally {
            clinics.shutdownNow();
        }
    }
}
