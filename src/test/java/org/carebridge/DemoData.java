package org.carebridge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.patients.ResidentIdNumber;

/** Finds things in the demo province that integration tests need, through the API as the coordinator. */
public final class DemoData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private final ApiClient coordinator;

    public DemoData(int port) {
        this.coordinator = ApiClient.as(port, "coordinator");
    }

    public long regionId(String code) {
        for (JsonNode region : coordinator.get("/api/regions?size=50").body().path("content")) {
            if (region.path("code").asText().equals(code)) {
                return region.path("id").asLong();
            }
        }
        throw new IllegalStateException("no demo region " + code);
    }

    public long facilityId(String code) {
        return coordinator.get("/api/facilities?q=" + code).body().path("content").get(0).path("id").asLong();
    }

    public long practitionerId(String code) {
        return coordinator.get("/api/practitioners?q=" + code).body().path("content").get(0).path("id").asLong();
    }

    /** A patient registered in the given county (the demo doctor and records officer serve YL). */
    public UUID patientIn(String regionCode) {
        JsonNode page = coordinator.get("/api/patients?size=1&regionId=" + regionId(regionCode)).body();
        return UUID.fromString(page.path("content").get(0).path("id").asText());
    }

    /** A healthy Yishan patient referred by a Yishan village clinic, as the coordinator: the new referral's id. */
    public String submitReferral() {
        ApiClient.Response created = coordinator.post("/api/referrals", Map.of(
                "patientId", patientIn("YS").toString(), "referringFacilityId", facilityId("YS-V1"),
                "reason", "Palpitations", "requestedSpecialty", "INTERNAL_MEDICINE", "suspectedConditions", List.of(),
                "observations", Map.of("respiratoryRate", 16, "oxygenSaturation", 97, "systolicBp", 120,
                        "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8)));
        if (created.status() != 201) {
            throw new IllegalStateException("referral refused: " + created);
        }
        return created.body().path("id").asText();
    }

    /** A new coordinator account of the first county, made by the admin: its username. */
    public static String newCoordinator(int port, String password) {
        String username = "nurse" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = ApiClient.as(port, "admin").post("/api/users", Map.of("username", username,
                "password", password, "displayName", "护士 林", "roles", List.of("COORDINATOR"), "regionIds", List.of(1)));
        if (created.status() != 201) {
            throw new IllegalStateException("account refused: " + created);
        }
        return username;
    }

    /** A resident ID number no demo patient has (address code 539999 is not a demo county). */
    public static String freshResidentId(LocalDate birthDate) {
        return ResidentIdNumber.of("539999", birthDate, SEQUENCE.getAndIncrement() % 1000);
    }
}
