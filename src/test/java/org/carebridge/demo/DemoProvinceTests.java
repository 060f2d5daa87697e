package org.carebridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carebridge.demo.DemoProvince.County;
import org.carebridge.demo.DemoProvince.FacilitySeed;
import org.carebridge.directory.FacilityType;
import org.carebridge.directory.Specialty;
import org.carebridge.patients.IdentifierSystem;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.PatientImport;
import org.carebridge.patients.PatientImport.Measurement;
import org.carebridge.patients.ResidentIdNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoProvinceTests {

    private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");
    private static final DemoProvince PROVINCE = new DemoProvince(20261129);
    private static List<FacilitySeed> facilities;
    private static List<PatientImport> patients;

    @BeforeAll
    static void generate() {
        facilities = PROVINCE.facilities();
        patients = patients(PROVINCE);
    }

    @Test
    void eightCountiesFiveOfThemUnderservedWithRealisticPopulations() {
        assertThat(DemoProvince.COUNTIES).hasSize(8);
        assertThat(DemoProvince.COUNTIES).filteredOn(County::underserved).hasSize(5);
        assertThat(DemoProvince.COUNTIES).allSatisfy(c -> assertThat(c.population()).isBetween(40_000, 400_000));
    }

    @Test
    void travelTimesConnectEveryPairOfCountiesAndGrowWithDistance() {
        assertThat(PROVINCE.roads()).hasSize(8 * 7 / 2);
        assertThat(PROVINCE.roads()).allSatisfy(r -> assertThat(r.minutes()).isBetween(20, 600));
        int toNeighbour = minutes("YL", "QX");
        int toSnowMountain = minutes("YL", "XS");
        assertThat(toSnowMountain).isGreaterThan(2 * toNeighbour);
    }

    @Test
    void aboutThirtyFacilitiesOfEveryTierInEveryCounty() {
        assertThat(facilities).hasSizeBetween(28, 40);
        assertThat(facilities).extracting(FacilitySeed::type).containsOnly(FacilityType.values());
        assertThat(facilities.stream().map(FacilitySeed::code).distinct()).hasSameSizeAs(facilities);
        for (County county : DemoProvince.COUNTIES) {
            assertThat(facilities).filteredOn(f -> f.countyCode().equals(county.code()))
                    .extracting(FacilitySeed::type)
                    .contains(FacilityType.COUNTY_HOSPITAL, FacilityType.TOWNSHIP_HEALTH_CENTER, FacilityType.VILLAGE_CLINIC);
        }
    }

    @Test
    void aboutSixtyDoctorsMostOfThemAtThePrefectureHospital() {
        var practitioners = PROVINCE.practitioners();
        assertThat(practitioners).hasSizeBetween(50, 70);
        long atPrefecture = practitioners.stream().filter(p -> p.facilityCode().startsWith("YL-")).count();
        assertThat(atPrefecture).isGreaterThan(practitioners.size() / 2);
        assertThat(practitioners.stream().flatMap(p -> p.specialties().stream()).collect(Collectors.toSet()))
                .containsAll(Set.of(Specialty.values()));
        assertThat(practitioners.stream().map(p -> p.username()).distinct()).hasSameSizeAs(practitioners);
        var doctor = practitioners.get(0);
        assertThat(doctor.username()).isEqualTo("doctor");
        assertThat(doctor.teleconsultCapable()).isTrue();
        assertThat(doctor.specialties()).containsExactlyInAnyOrder(Specialty.GENERAL_PRACTICE, Specialty.INTERNAL_MEDICINE);
        assertThat(doctor.availability()).hasSize(5).allSatisfy(h -> {
            assertThat(h.start()).hasToString("08:00");
            assertThat(h.end()).hasToString("17:00");
        });
    }

    @Test
    void aboutTwentyPiecesOfEquipmentTwoOfThemMobile() {
        assertThat(PROVINCE.equipment()).hasSizeBetween(18, 24);
        assertThat(PROVINCE.equipment()).filteredOn(e -> e.mobile()).hasSize(2);
    }

    @Test
    void sameSeedSameProvince() {
        List<PatientImport> again = patients(new DemoProvince(20261129));
        assertThat(again).isEqualTo(patients);
        assertThat(patients(new DemoProvince(7)).get(0)).isNotEqualTo(patients.get(0));
    }

    @Test
    void everyPatientHasAValidUniqueResidentIdMatchingTheirBirthDate() {
        Set<String> seen = new HashSet<>();
        for (PatientImport p : patients) {
            String residentId = p.identifiers().stream().filter(i -> i.system() == IdentifierSystem.RESIDENT_ID)
                    .findFirst().orElseThrow().value();
            assertThat(ResidentIdNumber.problem(residentId)).isNull();
            assertThat(residentId.substring(6, 14)).isEqualTo(p.birthDate().toString().replace("-", ""));
            assertThat(seen.add(residentId)).isTrue();
        }
    }

    @Test
    void everyMeasurementIsPlausibleAndTakenAfterBirthAndBeforeNow() {
        for (PatientImport p : patients) {
            for (Measurement m : p.observations()) {
                if (m.type().kind() == ObservationType.ValueKind.NUMBER) {
                    assertThat(m.type().isPlausible(m.number())).as(m.type() + " " + m.number()).isTrue();
                }
                assertThat(m.effectiveAt()).isBefore(NOW).isAfter(p.birthDate().atStartOfDay(DemoProvince.ZONE).toInstant());
            }
            assertThat(p.encounters()).isNotEmpty();
        }
    }

    @Test
    void thePopulationSpeaksTheLanguagesOfTheRegion() {
        Map<String, Long> byLanguage = patients.stream().collect(Collectors.groupingBy(PatientImport::language, Collectors.counting()));
        assertThat(byLanguage.keySet()).containsExactlyInAnyOrder("zh", "ii", "bo", "za", "hmn");
        assertThat(byLanguage.get("zh")).isGreaterThan(patients.size() / 2);
    }

    @Test
    void historiesCoverHealthyHypertensiveDiabeticSepticAndPaediatricPatients() {
        assertThat(patients).hasSize(2400);
        assertThat(count(p -> latest(p, ObservationType.SYSTOLIC_BP) < 120 && age(p) >= 16)).isGreaterThan(300);
        assertThat(count(p -> latest(p, ObservationType.SYSTOLIC_BP) >= 140)).isGreaterThan(200);
        assertThat(count(p -> latest(p, ObservationType.SYSTOLIC_BP) > 180)).isGreaterThan(3);
        assertThat(count(p -> latest(p, ObservationType.FASTING_PLASMA_GLUCOSE) >= 7.0)).isGreaterThan(150);
        assertThat(count(p -> latest(p, ObservationType.RESPIRATORY_RATE) >= 22 && latest(p, ObservationType.SYSTOLIC_BP) <= 100
                && age(p) >= 16)).isGreaterThan(20);
        assertThat(count(p -> age(p) < 5)).isGreaterThan(150);
        assertThat(count(p -> age(p) < 5 && p.observations().stream()
                .anyMatch(m -> m.type() == ObservationType.IMCI_DANGER_SIGNS && !m.text().isEmpty()))).isGreaterThan(30);
        assertThat(count(p -> p.observations().stream().anyMatch(m -> m.type() == ObservationType.PREGNANCY_STATUS)))
                .isGreaterThan(30);
    }

    private static List<PatientImport> patients(DemoProvince province) {
        List<FacilitySeed> seeds = province.facilities();
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            ids.put(seeds.get(i).code(), (long) i + 1);
        }
        return province.patients(2400, seeds, ids, Map.of("YL-CH", List.of(100L, 101L)), NOW);
    }

    private static int minutes(String a, String b) {
        return PROVINCE.roads().stream().filter(r -> Set.of(r.fromCounty(), r.toCounty()).equals(Set.of(a, b)))
                .findFirst().orElseThrow().minutes();
    }

    private static long count(Predicate<PatientImport> predicate) {
        return patients.stream().filter(predicate).count();
    }

    private static int age(PatientImport p) {
        return Period.between(p.birthDate(), LocalDate.of(2026, 11, 29)).getYears();
    }

    /** The latest value of a type, or NaN when it was never measured. */
    private static double latest(PatientImport p, ObservationType type) {
        return p.observations().stream().filter(m -> m.type() == type)
                .max((a, b) -> a.effectiveAt().compareTo(b.effectiveAt()))
                .map(Measurement::number).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }
}
