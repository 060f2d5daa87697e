package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carebridge.clinical.Sex;
import org.carebridge.patients.EncounterType;
import org.carebridge.patients.IdentifierSystem;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.PatientIdentifier;
import org.carebridge.patients.RecordExtract;
import org.carebridge.patients.RecordScope;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;

/** The released bundle parses back with HAPI's R4 parser and holds exactly the resources in scope. */
class FhirBundleRoundTripTests {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID ENCOUNTER = UUID.randomUUID();

    final FhirBundles bundles = new FhirBundles();

    /** The whole record of a patient with one of each; {@link #in} keeps the parts in scope, as RecordExtracts does. */
    static RecordExtract in(Set<RecordScope> scope) {
        RecordExtract.Demographics patient = new RecordExtract.Demographics(PATIENT, "王", "芳", "Wang Fang",
                LocalDate.of(1961, 4, 2), Sex.FEMALE, List.of(new PatientIdentifier(IdentifierSystem.MEDICAL_INSURANCE, "NCMS-1")));
        List<RecordExtract.ObservationEntry> observations = List.of(
                new RecordExtract.ObservationEntry(UUID.randomUUID(), ObservationType.SYSTOLIC_BP, new BigDecimal("165"), null,
                        null, NOW.minusSeconds(3600)),
                new RecordExtract.ObservationEntry(UUID.randomUUID(), ObservationType.PREGNANCY_STATUS, null, false, null,
                        NOW.minusSeconds(3600)));
        List<RecordExtract.EncounterEntry> encounters = List.of(new RecordExtract.EncounterEntry(ENCOUNTER,
                EncounterType.OUTPATIENT, "Headache", 3L, NOW.minusSeconds(7200), NOW.minusSeconds(3600)));
        List<RecordExtract.NoteEntry> notes = List.of(new RecordExtract.NoteEntry(UUID.randomUUID(), ENCOUNTER, "doctor",
                NOW.minusSeconds(3000), "血压高，复诊"));
        List<RecordExtract.AssessmentEntry> assessments = List.of(new RecordExtract.AssessmentEntry(UUID.randomUUID(),
                NOW.minusSeconds(3500), "doctor", "SOON", "CARDIOLOGY", List.of("Stage 2 hypertension"), "abc"));
        return new RecordExtract(patient,
                scope.contains(RecordScope.OBSERVATIONS) ? observations : List.of(),
                scope.contains(RecordScope.ENCOUNTERS) ? encounters : List.of(),
                scope.contains(RecordScope.NOTES) ? notes : List.of(),
                scope.contains(RecordScope.ASSESSMENTS) ? assessments : List.of());
    }

    Bundle roundTrip(Set<RecordScope> scope) {
        String json = bundles.bundle(UUID.randomUUID(), in(scope), NOW);
        return FhirBundles.context().newJsonParser().parseResource(Bundle.class, json);
    }

    static List<ResourceType> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getResourceType()).toList();
    }

    @Test
    void observationsOnlyHoldThePatientAndTheirObservationsAndNoEncounter() {
        Bundle bundle = roundTrip(Set.of(RecordScope.OBSERVATIONS));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(types(bundle)).containsExactlyInAnyOrder(ResourceType.Patient, ResourceType.Observation,
                ResourceType.Observation);
        Observation systolic = (Observation) bundle.getEntry().get(1).getResource();
        assertThat(systolic.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(systolic.getCode().getCodingFirstRep().getCode()).isEqualTo("8480-6");
        Quantity value = systolic.getValueQuantity();
        assertThat(value.getValue()).isEqualByComparingTo("165");
        assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(value.getCode()).isEqualTo("mm[Hg]");
        assertThat(systolic.getSubject().getReference()).isEqualTo("urn:uuid:" + PATIENT);
        Patient patient = (Patient) bundle.getEntry().get(0).getResource();
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("王");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1961-04-02");
    }

    @Test
    void theWholeScopeHoldsOneResourceOfEachKind() {
        Bundle bundle = roundTrip(Set.of(RecordScope.values()));
        assertThat(types(bundle)).containsExactlyInAnyOrder(ResourceType.Patient, ResourceType.Observation,
                ResourceType.Observation, ResourceType.Encounter, ResourceType.DocumentReference,
                ResourceType.RiskAssessment);
        DocumentReference note = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst().orElseThrow();
        assertThat(new String(note.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .isEqualTo("血压高，复诊");
        assertThat(note.getContext().getEncounterFirstRep().getReference()).isEqualTo("urn:uuid:" + ENCOUNTER);
    }

    @Test
    void notesWithoutEncountersDoNotPointAtEncountersOutsideTheBundle() {
        Bundle bundle = roundTrip(Set.of(RecordScope.NOTES));
        assertThat(types(bundle)).containsExactlyInAnyOrder(ResourceType.Patient, ResourceType.DocumentReference);
        DocumentReference note = (DocumentReference) bundle.getEntry().get(1).getResource();
        assertThat(note.getContext().getEncounter()).isEmpty();
    }

    @Test
    void assessmentsOnlyHoldRiskAssessments() {
        assertThat(types(roundTrip(Set.of(RecordScope.ASSESSMENTS))))
                .containsExactlyInAnyOrder(ResourceType.Patient, ResourceType.RiskAssessment);
    }

    @Test
    void theStoredHashIsTheSha256OfTheJson() {
        assertThat(FhirBundles.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
