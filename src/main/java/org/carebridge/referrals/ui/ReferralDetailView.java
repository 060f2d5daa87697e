package org.carebridge.referrals.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientRecords;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.Referrals;
import org.carebridge.shell.FindingsGrid;
import org.carebridge.shell.Formats;
import org.carebridge.shell.TimelineGrid;
import org.carebridge.shell.Wordings;
import org.carebridge.shell.MainLayout;
import org.carebridge.shell.RecordRoute;
import org.carebridge.tasks.CancelDialog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.Urgency;
import org.carebridge.referrals.ChangingUrgency;
import org.carebridge.referrals.ReferralStatus;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.ObservationFields;

import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.Tasks;
import org.carebridge.shell.UrgencyBadge;
import org.springframework.security.access.AccessDeniedException;

/**
 * One referral: where it stands (and its FHIR status), what the guidelines found, who has it, the
 * appointment, transfer and outcome, its timeline, and the open task to work on next.
 */
@Route(value = "referrals/:id", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "PLANNER"})
public class ReferralDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Referrals referrals;
    private final Tasks tasks;
    private final PatientRecords patients;
    private final Directory directory;
    private final Guidelines guidelines;
    private final Wordings wordings;
    private final ChangingUrgency urgency;
    private final ObjectMapper json;
    private String title = "";

    public ReferralDetailView(Referrals referrals, ChangingUrgency urgency, Tasks tasks, PatientRecords patients,
            Directory directory, Guidelines guidelines, Wordings wordings, ObjectMapper json) {
        this.guidelines = guidelines;
        this.wordings = wordings;
        this.urgency = urgency;
        this.json = json;
        this.referrals = referrals;
        this.tasks = tasks;
        this.patients = patients;
        this.directory = directory;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RecordRoute.open(event, this, "referrals.notYours", id -> show(referrals.referral(id)));
    }

    private void show(ReferralDetails r) {
        Locale locale = getLocale();
        Map<Long, Facility> facilities = directory.facilitiesById();
        boolean clinical = r.clinical();
        title = getTranslation("referrals.detail", Formats.shortDate(r.createdAt(), locale));

        Span status = new Span(getTranslation("referrals.status." + r.status()));
        status.setId("referral-status");
        status.getElement().getThemeList().add("badge" + (r.status().isFinished() ? " contrast" : ""));
        Span fhir = new Span("FHIR: " + r.fhirStatus() + (r.fhirBusinessStatus() == null ? ""
                : " (" + r.fhirBusinessStatus() + ")"));
        fhir.setId("fhir-status");
        fhir.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout head = new HorizontalLayout(status, fhir);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (r.urgency() != null) {
            head.add(new UrgencyBadge(r.urgency()));
        }
        if (r.specialty() != null) {
            head.add(new Span(getTranslation("specialty." + r.specialty())));
        }
        if (r.slaBreached()) {
            head.add(ReferralBoardView.marker(getTranslation("referrals.slaBreached"), "error"));
        }
        if (r.escalated()) {
            head.add(ReferralBoardView.marker(getTranslation("referrals.escalated"), "contrast primary"));
        }
        add(head);
        // what may be done to the referral, above the fold: a patient getting worse cannot wait for a scroll
        HorizontalLayout actions = new HorizontalLayout();
        if (clinical && !r.status().isFinished() && r.status() != ReferralStatus.REPORTED) {
            Button observe = new Button(getTranslation("referrals.newObservations"), click -> newObservations(r));
            observe.setId("new-observations");
            actions.add(observe);
            if (r.urgency() != Urgency.EMERGENCY) {
                Button raise = new Button(getTranslation("referrals.raiseToEmergency"), click -> raiseToEmergency(r));
                raise.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
                raise.setId("raise-to-emergency");
                actions.add(raise);
            }
        }
        if (CurrentStaff.get().hasAnyRole(Role.COORDINATOR) && !r.status().isFinished()) {
            Button cancel = new Button(getTranslation("referrals.cancel"), click -> confirmCancel(r));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setId("cancel-referral");
            actions.add(cancel);
        }
        actions.setWrap(true);
        add(actions);

        Div facts = new Div();
        facts.setId("referral-facts");
        if (clinical) {
            facts.add(fact("referrals.patient", patientLink(r.patientId(), locale)));
        }
        Facility from = facilities.get(r.referringFacilityId());
        facts.add(fact("referrals.from", new Span(from.getName() + " (" + from.getRegionName() + ")")));
        if (clinical) {
            facts.add(fact("referrals.reason", new Span(r.reason())));
        }
        if (r.requestedSpecialty() != null) {
            facts.add(fact("referrals.requestedSpecialty", new Span(getTranslation("specialty." + r.requestedSpecialty()))));
        }
        if (r.assignedDoctorId() != null) {
            facts.add(fact("referrals.doctor", new Span(ReferralBoardView.doctorName(
                    directory.practitioner(r.assignedDoctorId()), locale))));
        }
        if (r.declineCount() > 0) {
            facts.add(fact("referrals.declines", new Span(String.valueOf(r.declineCount()))));
        }
        if (r.appointment() != null) {
            ReferralDetails.AppointmentView a = r.appointment();
            facts.add(fact("referrals.appointment", new Span(String.join(" · ",
                    Formats.dateTime(a.start(), locale) + "–" + Formats.shortDateTime(a.end(), locale),
                    getTranslation("referrals.mode." + a.mode()),
                    a.facilityId() == null ? "" : facilities.get(a.facilityId()).getName(),
                    a.equipmentId() == null ? "" : directory.equipmentPiece(a.equipmentId()).getName(),
                    getTranslation("referrals.appointment." + a.status())))));
        }
        if (r.transfer() != null) {
            facts.add(fact("referrals.transfer", new Span(facilities.get(r.transfer().destinationFacilityId()).getName()
                    + " · " + getTranslation("referrals.transport." + r.transfer().transport()))));
        }
        if (r.outcome() != null) {
            ReferralDetails.Outcome o = r.outcome();
            facts.add(fact("referrals.outcome", new Span(Boolean.TRUE.equals(o.attended())
                    ? String.join(" · ", o.diagnosis(), o.plan(), getTranslation("referrals.followUp." + o.followUp()))
                    : getTranslation("referrals.missed", o.missedAppointments()))));
        }
        add(facts);

        add(openTasks(r));
        if (r.assessment() != null) {
            add(new H3(getTranslation("referrals.findings")));
            add(new FindingsGrid<>("referral-findings", r.assessment().findings(), f -> guidelines.guideline(f, getLocale()),
                    f -> guidelines.message(f, getLocale())));
        }

        if (clinical) {
            add(new H3(getTranslation("referrals.timeline")));
            add(new TimelineGrid("referral-timeline", "referrals.timeline", referrals.timeline(r.id()), wordings, locale));
        }

    }

    /** The referring side measured again: the new values are re-assessed, and an emergency goes to the transfer. */
    private void newObservations(ReferralDetails r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("referrals.newObservations"));
        JsonForm form = new JsonForm(json);
        form.add(new Paragraph(getTranslation("referrals.newObservationsHelp")), 2);
        ObservationFields.addTo(form, List.of());
        Button send = new Button(getTranslation("referrals.newObservationsSend"), click -> {
            form.send(() -> urgency.addObservations(r.id(), json.treeToValue(form.values(), Observations.class)))
                    .ifPresent(changed -> {
                        dialog.close();
                        UI.getCurrent().refreshCurrentRoute(false);
                    });
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("observations-send");
        dialog.add(form.problems("observations-problems"), form);
        dialog.getFooter().add(new Button(getTranslation("referrals.back"), click -> dialog.close()), send);
        dialog.setWidth("52em");
        dialog.open();
    }

    private void raiseToEmergency(ReferralDetails r) {
        CancelDialog.open(getTranslation("referrals.raiseToEmergency"), getTranslation("referrals.raiseReason"),
                getTranslation("referrals.raiseConfirm"), getTranslation("referrals.back"),
                reason -> urgency.change(r.id(), new ChangingUrgency.Change(Urgency.EMERGENCY, reason, null)));
    }

    private Component openTasks(ReferralDetails r) {
        VerticalLayout open = new VerticalLayout();
        open.setPadding(false);
        open.setId("open-tasks");
        if (r.status().isFinished()) {
            return open;
        }
        List<OpenTask> current = tasks.openTasksOf(referrals.processInstanceId(r.id()));
        for (OpenTask task : current) {
            String name = getTranslation("tasks.key." + task.taskKey());
            String who = task.assignee() != null ? wordings.actors(List.of(task.assignee()), getLocale()).apply(task.assignee())
                    : getTranslation("referrals.taskQueue");
            Paragraph line = new Paragraph(getTranslation("referrals.currentTask", name.startsWith("!") ? task.name()
                    : name, who));
            if (task.due() != null) {
                line.add(new Span(" · " + getTranslation("referrals.dueAt", Formats.dateTime(task.due(), getLocale()))));
            }
            if (tasks.mayWorkOn(task.id())) {
                line.add(new Span(" "));
                line.add(new Anchor("inbox/" + task.id(), getTranslation("referrals.workOnIt")));
            }
            open.add(line);
        }
        return open;
    }

    private void confirmCancel(ReferralDetails r) {
        CancelDialog.open(getTranslation("referrals.cancel"), getTranslation("referrals.cancelReason"),
                getTranslation("referrals.cancelConfirm"), getTranslation("referrals.back"), reason -> referrals.cancel(r.id(), reason));
    }

    private Component patientLink(UUID patientId, Locale locale) {
        try {
            Patient p = patients.patient(patientId);
            return new Anchor("patients/" + patientId,
                    Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale));
        } catch (AccessDeniedException e) {
            return new Span("—");
        }
    }

    private Paragraph fact(String labelKey, Component value) {
        Paragraph fact = new Paragraph(new Span(getTranslation(labelKey) + ": "), value);
        fact.getStyle().set("margin", "0.2em 0");
        return fact;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
