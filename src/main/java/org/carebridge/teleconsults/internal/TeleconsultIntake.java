package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Specialty;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.springframework.stereotype.Component;

/** Stores a new teleconsult, asked for by a clinic or by a referral whose appointment is a teleconsult. */
@Component
public class TeleconsultIntake {

    private final TeleconsultSteps steps;
    private final PatientRecords patients;
    private final Directory directory;
    private final ObjectMapper json;

    TeleconsultIntake(TeleconsultSteps steps, PatientRecords patients, Directory directory, ObjectMapper json) {
        this.steps = steps;
        this.patients = patients;
        this.directory = directory;
        this.json = json;
    }

    /** Checks what needs stored data (400 naming the fields, nothing stored), then stores the teleconsult. */
    public Teleconsult create(UUID patientId, long facilityId, Specialty specialty, String reason,
            Observations observations, UUID referralId) {
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
        Instant now = TeleconsultTimeline.now();
        Integer age = patient.getBirthDate() == null ? null
                : Period.between(patient.getBirthDate(), LocalDate.ofInstant(now, WeeklyAvailability.ZONE)).getYears();
        AssessmentRequest input = new AssessmentRequest(age, patient.getSex(), null, null, null, specialty, observations);
        Teleconsult teleconsult = new Teleconsult(UUID.randomUUID(), patient.getId(), facility.getId(),
                facility.getRegionId(), specialty, reason.strip(), write(input), referralId, CurrentStaff.actor(), now);
        steps.teleconsults.saveAndFlush(teleconsult);
        steps.record(teleconsult, TeleconsultEventType.REQUESTED, (referralId == null ? "From " + facility.getCode()
                : "For referral " + referralId + " from " + facility.getCode()) + ", " + specialty + ": "
                + teleconsult.getReason());
        steps.audit(teleconsult, AuditAction.CREATE, "request");
        return teleconsult;
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
