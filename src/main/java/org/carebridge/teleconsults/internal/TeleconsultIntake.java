package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientAssessments;
import org.carebridge.patients.PatientRecords;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.stereotype.Component;

/** Stores a new teleconsult, asked for by a clinic or by a referral whose appointment is a teleconsult. */
@Component
public class TeleconsultIntake {

    private final TeleconsultSteps steps;
    private final PatientRecords patients;
    private final PatientAssessments assessments;
    private final Directory directory;
    private final ObjectMapper json;

    TeleconsultIntake(TeleconsultSteps steps, PatientRecords patients, PatientAssessments assessments,
            Directory directory, ObjectMapper json) {
        this.steps = steps;
        this.patients = patients;
        this.assessments = assessments;
        this.directory = directory;
        this.json = json;
    }

    /**
     * Checks what needs stored data (400 naming the fields, nothing stored), then stores the teleconsult with
     * what the guidelines need to assess it: the observations, the form's context and the chart's.
     */
    public Teleconsult create(UUID patientId, long facilityId, Specialty specialty, String reason,
            Observations observations, AssessmentContext context, UUID referralId) {
        List<FieldError> errors = new ArrayList<>();
        Facility facility = null;
        if (!directory.facilityExists(facilityId)) {
            errors.add(new FieldError("requestingFacilityId", "is not a known facility"));
        } else {
            facility = directory.facility(facilityId);
        }
        Patient patient = null;
        try {
            patient = patients.patient(patientId);
        } catch (NotFoundException e) {
            errors.add(new FieldError("patientId", "is not a known patient"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        AssessmentRequest input = assessments.intake(patient.getId(), observations, new AssessmentContext(
                context.suspectedConditions(), context.hypercapnicRespiratoryFailure(), specialty, context.pregnant()),
                TeleconsultTimeline.now());
        return store(patient.getId(), patient.getHomeFacilityId(), facility, specialty, reason, input, referralId);
    }

    /**
     * The teleconsult a referral's appointment calls for: the referral's patient and clinical picture as the
     * referral holds them, whoever booked the slot — a planner publishing a plan reads no chart.
     */
    public Teleconsult createForReferral(UUID patientId, long facilityId, Specialty specialty, String reason,
            AssessmentRequest referred, UUID referralId) {
        return store(patientId, patients.homeFacilityOf(patientId), directory.facility(facilityId), specialty, reason,
                referred, referralId);
    }

    private Teleconsult store(UUID patientId, long homeFacilityId, Facility facility, Specialty specialty, String reason,
            AssessmentRequest input, UUID referralId) {
        Instant now = TeleconsultTimeline.now();
        Teleconsult teleconsult = new Teleconsult(UUID.randomUUID(), patientId,
                directory.facility(homeFacilityId).getRegionId(), facility.getId(),
                facility.getRegionId(), specialty, reason.strip(), write(input), referralId, CurrentStaff.actor(), now);
        steps.teleconsults.saveAndFlush(teleconsult);
        steps.record(teleconsult, TeleconsultEventType.REQUESTED, Wording.of(referralId == null
                ? TeleconsultWording.REQUESTED : TeleconsultWording.REQUESTED_FOR_REFERRAL).text("referral", referralId)
                .facility("facility", facility.getId()).label("specialty", "specialty", specialty)
                .text("reason", teleconsult.getReason()));
        steps.audit(teleconsult, AuditAction.CREATE, "request");
        return teleconsult;
    }

    /** The referral a teleconsult hands the patient on to: same patient, clinic and specialty, and its clinical picture. */
    public ReferralRequest referral(Teleconsult teleconsult, String reason) {
        AssessmentRequest input = input(teleconsult);
        return new ReferralRequest(teleconsult.getPatientId(), teleconsult.getRequestingFacilityId(),
                reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "…", teleconsult.getSpecialty(),
                input.suspectedConditions(), input.pregnant(), input.hypercapnicRespiratoryFailure(), input.observations());
    }

    /** The form's context as the stored assessment input holds it. */
    public static AssessmentContext context(AssessmentRequest input) {
        return new AssessmentContext(input.suspectedConditions(), input.hypercapnicRespiratoryFailure(),
                input.requestedSpecialty(), input.pregnant());
    }

    public AssessmentRequest input(Teleconsult teleconsult) {
        return read(teleconsult.getAssessmentInputJson());
    }

    public AssessmentRequest read(String assessmentInputJson) {
        try {
            return json.readValue(assessmentInputJson, AssessmentRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment input unreadable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
