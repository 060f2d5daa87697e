package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.Encounter;
import org.carebridge.patients.EncounterRequest;
import org.carebridge.patients.EncounterType;
import org.carebridge.patients.NoteRequest;
import org.carebridge.patients.PatientRecords;
import org.carebridge.referrals.FollowUp;
import org.carebridge.referrals.Origin;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.Referrals;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.carebridge.teleconsults.Prescription;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultFollowUp;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.stereotype.Component;

/**
 * {@code ConductTeleconsult}: the doctor's note of the consult (SOAP, prescriptions, follow-up), or
 * that the video link failed — the first failure books the session again, the second refers the
 * patient in person. The note becomes a TELECONSULT encounter with a note in the patient's record;
 * an IN_PERSON_REFERRAL follow-up starts a referral. Called from a referral, the note goes back to it
 * as its outcome, through the process variables its call activity maps out.
 */
@Component
public class ConductingTeleconsult extends TaskStep<ConductingTeleconsult.Form> {

    public static final String KEY = "ConductTeleconsult";

    public record Form(@NotNull Boolean connected, @Size(max = 4000) String subjective,
            @Size(max = 4000) String objective, @Size(max = 4000) String assessment, @Size(max = 4000) String plan,
            @Size(max = 20) List<@Valid @NotNull Prescription> prescriptions, TeleconsultFollowUp followUp) {
    }

    private final TeleconsultSteps steps;
    private final TeleconsultIntake intake;
    private final PatientRecords patients;
    private final Referrals referrals;

    ConductingTeleconsult(TeleconsultSteps steps, TeleconsultIntake intake, PatientRecords patients, Referrals referrals) {
        super(KEY, Form.class);
        this.steps = steps;
        this.intake = intake;
        this.patients = patients;
        this.referrals = referrals;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        Teleconsult teleconsult = steps.lock(task);
        Instant now = TeleconsultTimeline.now();
        Map<String, Object> variables = new HashMap<>();
        variables.put("connected", form.connected());
        if (!form.connected()) {
            int failures = teleconsult.connectionFailed(now);
            steps.record(teleconsult, TeleconsultEventType.CONNECTION_FAILED, Wording.of(TeleconsultWording.CONNECTION_FAILED)
                    .number("failures", failures).number("allowed", FailingTeleconsult.FAILURES_BEFORE_IN_PERSON));
            steps.audit(teleconsult, AuditAction.UPDATE, "connection failure");
            variables.put("connectionFailures", failures);
            return variables;
        }
        check(form);
        List<Prescription> prescriptions = form.prescriptions() == null ? List.of() : form.prescriptions();
        // the chart's clock is the wall clock, not the engine's: an encounter may not start in its future
        Instant wallNow = Instant.now();
        Instant startedAt = teleconsult.getStartsAt() != null && teleconsult.getStartsAt().isBefore(wallNow)
                ? teleconsult.getStartsAt() : wallNow;
        Encounter encounter = patients.openEncounter(teleconsult.getPatientId(), new EncounterRequest(
                EncounterType.TELECONSULT, teleconsult.getRequestingFacilityId(), teleconsult.getDoctorId(),
                shorten("Teleconsult: " + teleconsult.getReason(), 500), startedAt, wallNow));
        patients.addNote(teleconsult.getPatientId(), encounter.getId(), new NoteRequest(shorten(note(form, prescriptions), 4000)));
        teleconsult.noted(strip(form.subjective()), strip(form.objective()), form.assessment().strip(),
                form.plan().strip(), intake.write(prescriptions), form.followUp(), encounter.getId(), now);
        steps.record(teleconsult, TeleconsultEventType.NOTE_WRITTEN, Wording.of(TeleconsultWording.NOTE_WRITTEN)
                .text("assessment", form.assessment()).label("followUp", "teleconsults.followUp", form.followUp())
                .text("encounter", encounter.getId()));
        String nextReferral = null;
        if (form.followUp() == TeleconsultFollowUp.IN_PERSON_REFERRAL) {
            ReferralDetails referral = referrals.referInPerson(
                    intake.referral(teleconsult, form.plan().strip()), Origin.TELECONSULT_FOLLOW_UP, teleconsult.getId());
            teleconsult.followedUpBy(referral.id());
            nextReferral = referral.id().toString();
            steps.record(teleconsult, TeleconsultEventType.FOLLOW_UP_REFERRAL, Wording.of(TeleconsultWording.FOLLOW_UP_REFERRAL)
                    .text("referral", referral.id()));
        }
        teleconsult.finish(TeleconsultStatus.COMPLETED, now);
        steps.record(teleconsult, TeleconsultEventType.COMPLETED, Wording.of(TeleconsultWording.COMPLETED));
        steps.audit(teleconsult, AuditAction.CREATE, "consult note");
        // what a calling referral takes as its outcome (its call activity maps these out)
        variables.put("teleconsultOutcome", TeleconsultStatus.COMPLETED.name());
        variables.put("teleconsultDiagnosis", shorten(form.assessment().strip(), 2000));
        variables.put("teleconsultPlan", shorten(form.plan().strip() + (prescriptions.isEmpty() ? ""
                : "\nRx: " + rx(prescriptions)), 4000));
        variables.put("teleconsultFollowUp", (switch (form.followUp()) {
            case NONE -> FollowUp.NONE;
            case FOLLOW_UP -> FollowUp.FOLLOW_UP;
            case IN_PERSON_REFERRAL -> FollowUp.NEW_REFERRAL;
        }).name());
        variables.put("teleconsultFollowUpReferralId", nextReferral);
        return variables;
    }

    private static void check(Form form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.assessment() == null || form.assessment().isBlank()) {
            errors.add(new FieldError("assessment", "is required when the consult took place"));
        }
        if (form.plan() == null || form.plan().isBlank()) {
            errors.add(new FieldError("plan", "is required when the consult took place"));
        }
        if (form.followUp() == null) {
            errors.add(new FieldError("followUp",
                    "is required when the consult took place: NONE, FOLLOW_UP or IN_PERSON_REFERRAL"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String note(Form form, List<Prescription> prescriptions) {
        StringBuilder note = new StringBuilder("Teleconsult\n");
        if (form.subjective() != null && !form.subjective().isBlank()) {
            note.append("S: ").append(form.subjective().strip()).append('\n');
        }
        if (form.objective() != null && !form.objective().isBlank()) {
            note.append("O: ").append(form.objective().strip()).append('\n');
        }
        note.append("A: ").append(form.assessment().strip()).append('\n');
        note.append("P: ").append(form.plan().strip()).append('\n');
        if (!prescriptions.isEmpty()) {
            note.append("Rx: ").append(rx(prescriptions)).append('\n');
        }
        note.append("Follow-up: ").append(form.followUp());
        return note.toString();
    }

    private static String rx(List<Prescription> prescriptions) {
        return prescriptions.stream().map(p -> p.drug().strip() + " " + p.dose().strip() + " " + p.frequency().strip()
                + " for " + p.days() + " days").collect(Collectors.joining("; "));
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
