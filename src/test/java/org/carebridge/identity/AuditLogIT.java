package org.carebridge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read and write of patient data leaves an entry that nobody can change. */
@IntegrationTest
class AuditLogIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsAndWritesAreLoggedWithWhoWhatWhenWhereAndWhy() {
        UUID patient = new DemoData(port).patientIn("YL");
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        ApiClient doctor = ApiClient.as(port, "doctor").withPurpose("referral review R-17");
        doctor.get("/api/patients/" + patient);
        doctor.post("/api/patients/" + patient + "/observations", Map.of("type", "HEART_RATE", "value", 72));

        JsonNode entries = ApiClient.as(port, "admin")
                .get("/api/audit?patientId=" + patient + "&actor=doctor&from=" + before).body().path("content");
        assertThat(entries).hasSize(2);
        JsonNode newest = entries.get(0);
        assertThat(newest.path("action").asText()).isEqualTo("CREATE");
        assertThat(newest.path("resource").asText()).isEqualTo("observation HEART_RATE");
        // the server's reason stays; the client's stated purpose is added to it
        assertThat(newest.path("reason").asText()).endsWith("; stated purpose: referral review R-17")
                .doesNotStartWith("stated purpose");
        assertThat(newest.path("source").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(Instant.parse(newest.path("at").asText())).isAfter(before);
        assertThat(entries.get(1).path("action").asText()).isEqualTo("READ");
        assertThat(entries.get(1).path("resource").asText()).isEqualTo("patient demographics");
    }

    @Test
    void aSearchIsLoggedWithWhatWasAskedEvenWithoutAPatient() {
        ApiClient.as(port, "records").get("/api/patients?q=nobody-by-this-name");
        JsonNode newest = ApiClient.as(port, "admin").get("/api/audit?actor=records&size=1").body().path("content").get(0);
        assertThat(newest.path("action").asText()).isEqualTo("SEARCH");
        assertThat(newest.path("resource").asText()).startsWith("patients q=nobody-by-this-name");
        assertThat(newest.has("patientId")).isFalse();
    }

    @Test
    void aPatientListWritesOneEntryForEachPatientItShowed() {
        Instant before = Instant.now();
        JsonNode page = ApiClient.as(port, "records").get("/api/patients?size=7").body();
        List<String> shown = page.path("content").findValues("id").stream().map(JsonNode::asText).toList();
        assertThat(shown).hasSize(7);
        JsonNode entries = ApiClient.as(port, "admin").get("/api/audit?actor=records&size=50&from=" + before).body()
                .path("content");
        assertThat(entries.findValues("patientId").stream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrderElementsOf(shown);
        assertThat(entries.findValues("action").stream().map(JsonNode::asText)).containsOnly("SEARCH");
    }

    @Test
    void periodsMustRunForwards() {
        ApiClient.Response response = ApiClient.as(port, "admin")
                .get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.badFields()).containsExactly("from");
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'nobody' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", id))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select actor from audit_entry where id = ?", String.class, id)).isNotEqualTo("nobody");
    }
}
