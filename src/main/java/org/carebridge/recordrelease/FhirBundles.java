package org.carebridge.recordrelease;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.carebridge.patients.RecordExtract;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * Packages a record extract as an HL7 FHIR R4 {@code Bundle} of type {@code collection}, with HAPI's R4
 * model: always the {@code Patient}; {@code Observation}s (LOINC codes where CareBridge has them, UCUM
 * units) for OBSERVATIONS; {@code Encounter}s for ENCOUNTERS; each encounter note as a
 * {@code DocumentReference} (LOINC 11506-3 progress note, the text as a text/plain attachment) for NOTES;
 * each guideline assessment as a {@code RiskAssessment} (urgency as the qualitative risk, findings as
 * notes) for ASSESSMENTS. Entries are referenced by {@code urn:uuid:} full URLs.
 */
@Component
class FhirBundles {

    static final String UCUM = "http://unitsofmeasure.org";
    static final String LOINC = "http://loinc.org";
    static final String IDENTIFIER_SYSTEM = "urn:carebridge:identifier:";
    static final String FACILITY_SYSTEM = "urn:carebridge:facility";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /** Expensive to create (it scans the model), cheap to use from every thread: one for the application. */
    private static final FhirContext FHIR = FhirContext.forR4();

    static FhirContext context() {
        return FHIR;
    }

    String bundle(UUID releaseId, RecordExtract extract, Instant now) {
        return FHIR.newJsonParser().encodeResourceToString(build(releaseId, extract, now));
    }

    static Bundle build(UUID releaseId, RecordExtract extract, Instant now) {
        Bundle bundle = new Bundle();
        bundle.setId(releaseId.toString());
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + releaseId));
        Reference subject = add(bundle, patient(extract.patient()), extract.patient().id());
        extract.observations().forEach(o -> add(bundle, observation(o, subject), o.id()));
        extract.encounters().forEach(e -> add(bundle, encounter(e, subject), e.id()));
        boolean withEncounters = !extract.encounters().isEmpty();
        extract.notes().forEach(n -> add(bundle, note(n, subject, withEncounters), n.id()));
        extract.assessments().forEach(a -> add(bundle, assessment(a, subject), a.id()));
        return bundle;
    }

    static String sha256(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Reference add(Bundle bundle, Resource resource, UUID id) {
        resource.setId(id.toString());
        String url = "urn:uuid:" + id;
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return new Reference(url);
    }

    private static Patient patient(RecordExtract.Demographics p) {
        Patient patient = new Patient();
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName()).addGiven(p.givenName());
        if (p.latinName() != null) {
            patient.addName().setUse(HumanName.NameUse.USUAL).setText(p.latinName());
        }
        p.identifiers().forEach(i -> patient.addIdentifier().setSystem(IDENTIFIER_SYSTEM + i.system().name().toLowerCase())
                .setValue(i.value()));
        if (p.birthDate() != null) {
            patient.setBirthDate(java.sql.Date.valueOf(p.birthDate()));
        }
        if (p.sex() != null) {
            patient.setGender(switch (p.sex()) {
                case FEMALE -> AdministrativeGender.FEMALE;
                case MALE -> AdministrativeGender.MALE;
                case OTHER -> AdministrativeGender.OTHER;
                case UNKNOWN -> AdministrativeGender.UNKNOWN;
            });
        }
        return patient;
    }

    private static Observation observation(RecordExtract.ObservationEntry o, Reference subject) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(o.type().codeSystem(), o.type().code(), o.type().key()))
                .setText(o.type().key()));
        observation.setSubject(subject);
        observation.setEffective(new DateTimeType(Date.from(o.effectiveAt())));
        if (o.number() != null) {
            Quantity quantity = new Quantity().setValue(o.number());
            if (o.type().unit() != null) {
                quantity.setUnit(o.type().unit()).setSystem(UCUM).setCode(o.type().unit());
            }
            observation.setValue(quantity);
        } else if (o.bool() != null) {
            observation.setValue(new BooleanType(o.bool()));
        } else if (o.text() != null) {
            observation.setValue(new StringType(o.text()));
        }
        return observation;
    }

    private static Encounter encounter(RecordExtract.EncounterEntry e, Reference subject) {
        Encounter encounter = new Encounter();
        encounter.setStatus(e.endedAt() == null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(ACT_CODE, switch (e.type()) {
            case OUTPATIENT -> "AMB";
            case EMERGENCY -> "EMER";
            case INPATIENT -> "IMP";
            case TELECONSULT -> "VR";
            case HOME_VISIT -> "HH";
        }, e.type().name()));
        encounter.addType().setText(e.type().name());
        encounter.setSubject(subject);
        if (e.reason() != null) {
            encounter.addReasonCode().setText(e.reason());
        }
        encounter.setPeriod(new Period().setStart(Date.from(e.startedAt()))
                .setEnd(e.endedAt() == null ? null : Date.from(e.endedAt())));
        if (e.facilityId() != null) {
            encounter.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(FACILITY_SYSTEM)
                    .setValue(e.facilityId().toString())));
        }
        return encounter;
    }

    private static DocumentReference note(RecordExtract.NoteEntry n, Reference subject, boolean withEncounters) {
        DocumentReference note = new DocumentReference();
        note.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
        note.setType(new CodeableConcept(new Coding(LOINC, "11506-3", "Progress note")));
        note.setSubject(subject);
        note.setDate(Date.from(n.writtenAt()));
        note.addAuthor().setDisplay(n.author());
        note.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                .setData(n.text().getBytes(StandardCharsets.UTF_8)));
        if (withEncounters) {
            note.getContext().addEncounter(new Reference("urn:uuid:" + n.encounterId()));
        }
        return note;
    }

    private static RiskAssessment assessment(RecordExtract.AssessmentEntry a, Reference subject) {
        RiskAssessment risk = new RiskAssessment();
        risk.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        risk.setSubject(subject);
        risk.setOccurrence(new DateTimeType(Date.from(a.assessedAt())));
        risk.setMethod(new CodeableConcept().setText("CareBridge guidelines" + (a.rulesetVersion() == null ? ""
                : " " + a.rulesetVersion())));
        risk.addPrediction().setQualitativeRisk(new CodeableConcept().setText(a.urgency()))
                .setRationale(a.specialty() == null ? null : "Specialty: " + a.specialty());
        a.findings().forEach(f -> risk.addNote().setText(f));
        return risk;
    }
}
