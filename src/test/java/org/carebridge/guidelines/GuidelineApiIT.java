package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.carebridge.ApiClient;
import org.carebridge.DemoData;
import org.carebridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** The assessment API of shared/spec/assessment-api.md, its bad inputs, and the rules' administration. */
@IntegrationTest
class GuidelineApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = """
            {"ageYears": 70, "ageMonths": 847, "sex": "FEMALE", "pregnant": false, "hypercapnicRespiratoryFailure": false,
             "suspectedConditions": ["INFECTION", "PNEUMONIA"], "requestedSpecialty": "CARDIOLOGY",
             "observations": {"respiratoryRate": 22, "oxygenSaturation": 95, "onSupplementalOxygen": false,
               "systolicBp": 105, "diastolicBp": 70, "heartRate": 112, "consciousness": "ALERT", "temperature": 38.6,
               "bloodUrea": 8.1, "fastingPlasmaGlucose": 7.2, "hba1c": 6.8, "randomPlasmaGlucose": 12.0,
               "classicHyperglycemiaSymptoms": true, "imciDangerSigns": ["CONVULSIONS"]}}""";

    @LocalServerPort
    int port;

    @Test
    void theSpecsExampleIsScoredTriagedAndExplained() {
        ApiClient.Response response = ApiClient.as(port, "doctor").post("/api/assessments", EXAMPLE);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode a = response.body();
        assertThat(a.path("news2").path("score").asInt()).isEqualTo(7);
        assertThat(a.path("news2").path("risk").asText()).isEqualTo("HIGH");
        assertThat(a.path("news2").path("complete").asBoolean()).isTrue();
        assertThat(a.path("news2").path("parameters").path("respiratoryRate").asInt()).isEqualTo(2);
        assertThat(a.path("qsofa").path("score").asInt()).isEqualTo(1);
        assertThat(a.path("curb65").path("risk").asText()).isEqualTo("MODERATE");
        assertThat(a.path("bloodPressure").path("category").asText()).isEqualTo("NORMAL");
        assertThat(a.path("glycemia").path("status").asText()).isEqualTo("DIABETES");
        assertThat(a.has("imci")).isTrue();
        assertThat(a.path("imci").isNull()).as("IMCI is out of scope at 70").isTrue();
        assertThat(a.path("urgency").asText()).isEqualTo("EMERGENCY");
        assertThat(a.path("specialty").asText()).isEqualTo("EMERGENCY_MEDICINE");
        assertThat(a.path("rulesetVersion").asText()).matches("[0-9a-f]{64}");
        assertThat(a.path("findings")).anySatisfy(f -> {
            assertThat(f.path("guideline").asText()).isEqualTo("NEWS2 (RCP 2017)");
            assertThat(f.path("rule").asText()).isEqualTo("NEWS2 aggregate 7 or more is high risk");
            assertThat(f.path("code").asText()).isEqualTo("NEWS2_HIGH_RISK");
            assertThat(f.path("parameters").path("score").asInt()).isEqualTo(7);
            assertThat(f.path("message").asText()).as("Chinese when no language is asked for")
                    .isEqualTo("NEWS2 7 分（≥7）：临床高风险，需急诊评估。");
        });
    }

    @Test
    void findingsAreInTheLanguageTheReaderAsksFor() {
        JsonNode english = ApiClient.as(port, "doctor").inLanguage("en-GB,en;q=0.8").post("/api/assessments", EXAMPLE).body();
        JsonNode chinese = ApiClient.as(port, "doctor").inLanguage("zh-CN").post("/api/assessments", EXAMPLE).body();
        assertThat(english.path("findings")).anySatisfy(f -> assertThat(f.path("message").asText())
                .isEqualTo("NEWS2 7 (7 or more): high clinical risk, emergency assessment."));
        assertThat(chinese.path("findings")).anySatisfy(f -> assertThat(f.path("message").asText())
                .isEqualTo("NEWS2 7 分（≥7）：临床高风险，需急诊评估。"));
        assertThat(english.path("findings").size()).isEqualTo(chinese.path("findings").size());
        for (JsonNode finding : english.path("findings")) {
            assertThat(finding.path("message").asText()).as(finding.path("code").asText()).isNotBlank().doesNotContain("{");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a pregnant woman in shock | {\"ageYears\": 27, \"pregnant\": true} | EMERGENCY | OBSTETRICS | meows",
            "an 8-year-old in shock | {\"ageYears\": 8} | EMERGENCY | PEDIATRICS | paediatricTriggers"})
    void thoseMostAtRiskAreTriagedByTheirOwnScores(String who, String patient, String urgency, String specialty,
            String score) {
        String request = patient.replace("}", ", \"observations\": {\"systolicBp\": 80, \"heartRate\": 140,"
                + " \"respiratoryRate\": 30, \"oxygenSaturation\": 85}}");
        JsonNode a = ApiClient.as(port, "doctor").post("/api/assessments", request).body();
        assertThat(a.path("news2").path("applicable").asBoolean()).isFalse();
        assertThat(a.path(score).path("triggered").asBoolean()).as(a.toString()).isTrue();
        assertThat(a.path("urgency").asText()).isEqualTo(urgency);
        assertThat(a.path("specialty").asText()).isEqualTo(specialty);
    }

    @Test
    void aSixMonthOldBreathingFastIsReadByTheAgeInMonths() {
        JsonNode a = ApiClient.as(port, "doctor").post("/api/assessments", """
                {"ageMonths": 6, "observations": {"respiratoryRate": 70, "imciDangerSigns": []}}""").body();
        assertThat(a.path("imci").path("dangerSign").asBoolean()).isFalse();
        assertThat(a.path("imci").path("fastBreathing").asBoolean()).isTrue();
        assertThat(a.path("urgency").asText()).isEqualTo("SOON");
        assertThat(a.path("specialty").asText()).isEqualTo("PEDIATRICS");
        JsonNode notRecorded = ApiClient.as(port, "doctor").post("/api/assessments", """
                {"ageMonths": 6, "observations": {"respiratoryRate": 30}}""").body();
        assertThat(notRecorded.path("imci").has("dangerSign")).isTrue();
        assertThat(notRecorded.path("imci").path("dangerSign").isNull()).as("not assessed is never none").isTrue();
    }

    @Test
    void onlyCoordinatorsAndDoctorsRunAssessments() {
        assertThat(ApiClient.as(port, "coordinator").post("/api/assessments", EXAMPLE).status()).isEqualTo(200);
        for (String user : List.of("planner", "records", "admin")) {
            assertThat(ApiClient.as(port, user).post("/api/assessments", EXAMPLE).status()).as(user).isEqualTo(403);
        }
        assertThat(ApiClient.anonymous(port).post("/api/assessments", EXAMPLE).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
    @CsvSource(delimiter = '|', value = {
            "ageYears | 131 | ageYears", "ageYears | -1 | ageYears",
            "ageMonths | 1561 | ageMonths", "ageMonths | -1 | ageMonths", "ageMonths | 12 | ageMonths",
            "ageMonths | 839 | ageMonths",
            "observations.respiratoryRate | 81 | observations.respiratoryRate",
            "observations.respiratoryRate | -1 | observations.respiratoryRate",
            "observations.oxygenSaturation | 101 | observations.oxygenSaturation",
            "observations.systolicBp | 29 | observations.systolicBp",
            "observations.systolicBp | 301 | observations.systolicBp",
            "observations.diastolicBp | 9 | observations.diastolicBp",
            "observations.diastolicBp | 201 | observations.diastolicBp",
            "observations.diastolicBp | 105 | observations.diastolicBp",
            "observations.diastolicBp | 110 | observations.diastolicBp",
            "observations.heartRate | 301 | observations.heartRate",
            "observations.temperature | 98.6 | observations.temperature",
            "observations.temperature | 24.9 | observations.temperature",
            "observations.temperature | 45.1 | observations.temperature",
            "observations.bloodUrea | 100.1 | observations.bloodUrea",
            "observations.fastingPlasmaGlucose | 60.5 | observations.fastingPlasmaGlucose",
            "observations.randomPlasmaGlucose | -0.1 | observations.randomPlasmaGlucose",
            "observations.hba1c | 1.9 | observations.hba1c",
            "observations.hba1c | 25.1 | observations.hba1c",
            "sex | \"F\" | sex",
            "observations.consciousness | \"ASLEEP\" | observations.consciousness",
            "observations.imciDangerSigns | [\"COUGH\"] | observations.imciDangerSigns[0]",
            "suspectedConditions | [\"FLU\"] | suspectedConditions[0]",
            "requestedSpecialty | \"SURGERY\" | requestedSpecialty",
            "ageYears | \"seventy\" | ageYears",
            "ageYears | 70.5 | ageYears",
            "pregnant | \"yes\" | pregnant",
            "observations.heartRate | \"fast\" | observations.heartRate",
            "observations | null | observations",
            "observations.respiratoryRate.value | 1 | observations.respiratoryRate"})
    void implausibleOrMistypedInputIsRefusedNamingTheField(String path, String value, String field) throws IOException {
        ApiClient.Response response = ApiClient.as(port, "doctor").post("/api/assessments", replace(path, value));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.badFields()).as(response.toString()).contains(field);
    }

    @Test
    void unparseableBodiesAreRefused() {
        ApiClient doctor = ApiClient.as(port, "doctor");
        assertThat(doctor.post("/api/assessments", "{\"ageYears\": 70,").badFields()).containsExactly("body");
        assertThat(doctor.post("/api/assessments", "[]").status()).isEqualTo(400);
        assertThat(doctor.post("/api/assessments", "{\"ageYears\": 70, \"colour\": \"blue\", \"observations\": {}}")
                .badFields()).containsExactly("colour");
    }

    @Test
    void aDoctorAssessesAPatientsLatestObservationsAndTheAnswerIsKeptAndAudited() {
        UUID patient = new DemoData(port).patientIn("YL");
        ApiClient doctor = ApiClient.as(port, "doctor");
        doctor.post("/api/patients/" + patient + "/observations", Map.of("type", "RESPIRATORY_RATE", "value", 31));
        doctor.post("/api/patients/" + patient + "/observations", Map.of("type", "CONSCIOUSNESS", "value", "CONFUSION"));

        ApiClient.Response created = doctor.post("/api/patients/" + patient + "/assessments",
                Map.of("suspectedConditions", List.of("PNEUMONIA"), "requestedSpecialty", "PULMONOLOGY"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stored = created.body();
        assertThat(stored.path("request").path("observations").path("respiratoryRate").asDouble()).isEqualTo(31.0);
        assertThat(stored.path("result").path("curb65").path("applicable").asBoolean()).isTrue();
        assertThat(stored.path("result").path("curb65").path("score").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(stored.path("result").path("news2").path("parameters").path("consciousness").asInt()).isEqualTo(3);
        assertThat(stored.path("assessedBy").asText()).isEqualTo("doctor");

        JsonNode history = ApiClient.as(port, "records").get("/api/patients/" + patient + "/assessments").body();
        assertThat(history.get(0).path("id").asText()).isEqualTo(stored.path("id").asText());
        JsonNode audit = ApiClient.as(port, "admin").get("/api/audit?patientId=" + patient + "&actor=doctor&size=5").body();
        assertThat(audit.path("content").findValuesAsText("resource")).anyMatch(r -> r.startsWith("guideline assessment"));
        assertThat(ApiClient.as(port, "records").post("/api/patients/" + patient + "/assessments", "{}").status())
                .isEqualTo(403);
        assertThat(doctor.post("/api/patients/" + patient + "/assessments",
                Map.of("suspectedConditions", List.of("FLU"))).badFields()).containsExactly("suspectedConditions[0]");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsRejectedAndTheRulesInServiceStay() throws IOException {
        Path folder = Path.of("target/test-rules");
        FileSystemUtils.deleteRecursively(folder);
        FileSystemUtils.copyRecursively(Path.of("rules"), folder);
        ApiClient admin = ApiClient.as(port, "admin");
        ApiClient doctor = ApiClient.as(port, "doctor");

        ApiClient.Response reloaded = admin.post("/api/admin/rules/reload", "");
        assertThat(reloaded.status()).as(reloaded.toString()).isEqualTo(200);
        String version = reloaded.body().path("rulesetVersion").asText();
        assertThat(reloaded.body().path("rules").asInt()).isGreaterThan(60);
        assertThat(doctor.post("/api/assessments", EXAMPLE).body().path("rulesetVersion").asText()).isEqualTo(version);

        Path news2 = folder.resolve("org/carebridge/guidelines/news2.drl");
        Files.writeString(news2, Files.readString(news2).replace("respiratoryRate <= 8", "respiratoryRate <=<= 8"));
        ApiClient.Response rejected = admin.post("/api/admin/rules/reload", "");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.isProblem()).isTrue();
        assertThat(rejected.body().path("messages").toString()).contains("news2.drl");
        assertThat(doctor.post("/api/assessments", EXAMPLE).body().path("rulesetVersion").asText()).isEqualTo(version);
        assertThat(doctor.post("/api/assessments", EXAMPLE).body().path("urgency").asText()).isEqualTo("EMERGENCY");

        Files.writeString(news2, Files.readString(news2).replace("respiratoryRate <=<= 8", "respiratoryRate <= 8"));
        Path triage = folder.resolve("org/carebridge/guidelines/triage.csv");
        Files.writeString(triage, Files.readString(triage).lines()
                .map(row -> row.startsWith("\"Triage: NEWS2 high risk\"") ? row.replace("EMERGENCY_MEDICINE", "INTERNAL_MEDICINE") : row)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        ApiClient.Response changed = admin.post("/api/admin/rules/reload", "");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("rulesetVersion").asText()).isNotEqualTo(version);
        assertThat(doctor.post("/api/assessments", EXAMPLE).body().path("specialty").asText()).isEqualTo("INTERNAL_MEDICINE");

        FileSystemUtils.deleteRecursively(folder);
        FileSystemUtils.copyRecursively(Path.of("rules"), folder);
        assertThat(admin.post("/api/admin/rules/reload", "").body().path("rulesetVersion").asText()).isEqualTo(version);
        assertThat(doctor.post("/api/admin/rules/reload", "").status()).isEqualTo(403);
    }

    @Test
    void reassessingEveryoneCountsWhoseUrgencyChanged() {
        ApiClient.Response first = ApiClient.as(port, "admin").post("/api/admin/rules/reassess", "");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        int patients = first.body().path("patients").asInt();
        assertThat(patients).isGreaterThanOrEqualTo(800);
        ApiClient.Response again = ApiClient.as(port, "admin").post("/api/admin/rules/reassess", "");
        assertThat(again.body().path("patients").asInt()).isEqualTo(patients);
        assertThat(again.body().path("firstAssessed").asInt()).isZero();
        assertThat(again.body().path("changedUrgency").asInt()).as("same rules, same observations").isZero();
        assertThat(ApiClient.as(port, "coordinator").post("/api/admin/rules/reassess", "").status()).isEqualTo(403);
    }

    /** The example with one field replaced (or removed, with "null"), by its dotted path. */
    private static String replace(String path, String value) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(EXAMPLE);
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.path(parts[i]);
            if (!next.isObject()) {
                ObjectNode created = JSON.createObjectNode();
                created.set(parts[i + 1], JSON.readTree(value));
                parent.set(parts[i], created);
                return JSON.writeValueAsString(root);
            }
            parent = (ObjectNode) next;
        }
        parent.set(parts[parts.length - 1], JSON.readTree(value));
        return JSON.writeValueAsString(root);
    }
}
