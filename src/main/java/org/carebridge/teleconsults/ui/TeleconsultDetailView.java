package org.carebridge.teleconsults.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.guidelines.Observations;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.shell.RecordRoute;
import org.carebridge.shell.TimelineGrid;
import org.carebridge.shell.Wordings;
import org.carebridge.tasks.CancelDialog;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.Tasks;
import org.carebridge.teleconsults.TeleconsultDetails;
import org.carebridge.teleconsults.Teleconsults;
import org.carebridge.teleconsults.Vital;
import org.springframework.security.access.AccessDeniedException;

/**
 * One teleconsult: status, the session link, the live vitals the requesting side sends (refreshed by
 * polling while the consult is open, with a form to send more), its open task, timeline and cancel.
 */
@Route(value = "teleconsults/:id", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR"})
public class TeleconsultDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 10_000;

    private final Teleconsults teleconsults;
    private final Tasks tasks;
    private final Directory directory;
    private final ObjectMapper json;
    private final Wordings wordings;
    private Grid<Vital> vitals;
    private final Span status = new Span();
    private UUID id;
    private String title = "";
    private Registration polling;

    public TeleconsultDetailView(Teleconsults teleconsults, Tasks tasks, Directory directory, ObjectMapper json,
            Wordings wordings) {
        this.teleconsults = teleconsults;
        this.tasks = tasks;
        this.directory = directory;
        this.json = json;
        this.wordings = wordings;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RecordRoute.open(event, this, "teleconsults.notYours", this::show);
    }

    private void show(UUID teleconsultId) {
        TeleconsultDetails t = teleconsults.teleconsult(teleconsultId);
        this.id = teleconsultId;
        Locale locale = getLocale();
        title = getTranslation("teleconsults.detail", Formats.shortDate(t.createdAt(), locale));

        status.setId("teleconsult-status");
        showStatus(t);
        HorizontalLayout head = new HorizontalLayout(status);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (t.urgency() != null) {
            head.add(new Span(getTranslation("urgency." + t.urgency())));
        }
        head.add(new Span(getTranslation("specialty." + t.specialty())));
        add(head);

        Div facts = new Div();
        facts.setId("teleconsult-facts");
        facts.add(fact("teleconsults.patient", new Anchor("patients/" + t.patientId(), getTranslation("teleconsults.chart"))));
        facts.add(fact("teleconsults.from", new Span(directory.facility(t.requestingFacilityId()).getName())));
        facts.add(fact("teleconsults.reason", new Span(t.reason())));
        if (t.doctorId() != null) {
            Practitioner p = directory.practitioner(t.doctorId());
            facts.add(fact("teleconsults.doctor", new Span(p.getCode() + " · "
                    + Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale))));
        }
        if (t.start() != null) {
            facts.add(fact("teleconsults.start", new Span(Formats.dateTime(t.start(), locale))));
        }
        if (t.sessionUrl() != null) {
            Anchor link = new Anchor(t.sessionUrl(), t.sessionUrl());
            link.setTarget("_blank");
            link.setId("session-link");
            facts.add(fact("teleconsults.session", link));
        }
        if (t.referralId() != null) {
            facts.add(fact("teleconsults.forReferral", new Anchor("referrals/" + t.referralId(),
                    getTranslation("teleconsults.openReferral"))));
        }
        if (t.followUpReferralId() != null) {
            facts.add(fact("teleconsults.followUpReferral", new Anchor("referrals/" + t.followUpReferralId(),
                    getTranslation("teleconsults.openReferral"))));
        }
        if (t.note() != null) {
            facts.add(fact("teleconsults.note", new Span(String.join(" · ", t.note().assessment(), t.note().plan(),
                    getTranslation("teleconsults.followUp." + t.note().followUp())))));
        }
        add(facts);
        add(openTasks(t));

        add(new H3(getTranslation("teleconsults.vitals")));
        vitals = new Grid<>(Vital.class, false);
        vitals.setId("teleconsult-vitals");
        vitals.addColumn(v -> Formats.dateTime(v.at(), locale)).setHeader(getTranslation("teleconsults.at")).setAutoWidth(true);
        vitals.addColumn(v -> describe(json, v)).setHeader(getTranslation("teleconsults.observations")).setFlexGrow(1);
        vitals.addColumn(v -> v.urgency() == null ? "" : getTranslation("urgency." + v.urgency()))
                .setHeader(getTranslation("teleconsults.urgency")).setAutoWidth(true);
        vitals.addColumn(Vital::recordedBy).setHeader(getTranslation("teleconsults.actor")).setAutoWidth(true);
        vitals.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        vitals.setAllRowsVisible(true);
        vitals.setItems(teleconsults.vitals(teleconsultId));
        add(vitals);
        if (t.status().isOpen()) {
            add(observationForm());
        }

        add(new H3(getTranslation("teleconsults.timeline")));
        add(new TimelineGrid("teleconsult-timeline", "teleconsults.timeline", teleconsults.timeline(teleconsultId),
                wordings, locale));

        if (CurrentStaff.get().hasAnyRole(Role.COORDINATOR) && t.status().isOpen()) {
            Button cancel = new Button(getTranslation("teleconsults.cancel"), click -> confirmCancel());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            cancel.setId("cancel-teleconsult");
            add(cancel);
        }
    }

    private void showStatus(TeleconsultDetails t) {
        status.setText(getTranslation("teleconsults.status." + t.status()));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add("badge" + (t.status().isFinished() ? " contrast" : ""));
    }

    /** The live part: while the consult is open, the vitals and the status are read again every few seconds. */
    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> {
            if (id == null || vitals == null) {
                return;
            }
            try {
                TeleconsultDetails t = teleconsults.teleconsult(id);
                showStatus(t);
                vitals.setItems(teleconsults.vitals(id));
                if (t.status().isFinished()) {
                    ui.setPollInterval(-1);
                }
            } catch (AccessDeniedException | org.carebridge.shared.NotFoundException e) {
                ui.setPollInterval(-1);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** The requesting side sends the vitals it takes during the consult; each is re-assessed. */
    private Component observationForm() {
        List<NumberField> fields = new ArrayList<>();
        HorizontalLayout row = new HorizontalLayout();
        row.setId("vitals-form");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        for (String key : List.of("systolicBp", "diastolicBp", "heartRate", "respiratoryRate", "oxygenSaturation",
                "temperature")) {
            NumberField field = new NumberField(getTranslation("teleconsults.vital." + key));
            field.setId("vital-" + key);
            field.setWidth("8em");
            field.setManualValidation(true);
            fields.add(field);
            row.add(field);
        }
        List<String> keys = List.of("systolicBp", "diastolicBp", "heartRate", "respiratoryRate", "oxygenSaturation",
                "temperature");
        Button send = new Button(getTranslation("teleconsults.sendVitals"), click -> {
            ObjectNode values = json.createObjectNode();
            for (int i = 0; i < keys.size(); i++) {
                fields.get(i).setInvalid(false);
                if (fields.get(i).getValue() != null) {
                    values.put(keys.get(i), fields.get(i).getValue());
                }
            }
            try {
                teleconsults.addObservations(id, json.treeToValue(values, Observations.class));
            } catch (InvalidRequestException e) {
                for (FieldError error : e.errors()) {
                    int at = keys.indexOf(error.field().replace("observations.", ""));
                    if (at >= 0) {
                        fields.get(at).setErrorMessage(error.message());
                        fields.get(at).setInvalid(true);
                    } else {
                        Notification.show(error.field() + ": " + error.message(), 5000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }
                return;
            } catch (ConflictException e) {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (jakarta.validation.ConstraintViolationException e) {
                Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            UI.getCurrent().refreshCurrentRoute(false);
        });
        send.setId("send-vitals");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        row.add(send);
        return row;
    }

    private Component openTasks(TeleconsultDetails t) {
        VerticalLayout open = new VerticalLayout();
        open.setPadding(false);
        open.setId("open-tasks");
        if (t.status().isFinished()) {
            return open;
        }
        for (OpenTask task : tasks.openTasksOf(teleconsults.processInstanceId(t.id()))) {
            String name = getTranslation("tasks.key." + task.taskKey());
            String who = task.assignee() != null ? task.assignee() : getTranslation("teleconsults.taskQueue");
            Paragraph line = new Paragraph(getTranslation("teleconsults.currentTask", name.startsWith("!") ? task.name()
                    : name, who));
            if (tasks.mayWorkOn(task.id())) {
                line.add(new Span(" "));
                line.add(new Anchor("inbox/" + task.id(), getTranslation("teleconsults.workOnIt")));
            }
            open.add(line);
        }
        return open;
    }

    private void confirmCancel() {
        CancelDialog.open(getTranslation("teleconsults.cancel"), getTranslation("teleconsults.cancelReason"),
                getTranslation("teleconsults.cancelConfirm"), getTranslation("teleconsults.back"), reason -> teleconsults.cancel(id, reason));
    }

    /** The values of one vitals entry in a line: "systolicBp 190, diastolicBp 125". */
    static String describe(ObjectMapper json, Vital vital) {
        ObjectNode values = json.valueToTree(vital.observations());
        List<String> parts = new ArrayList<>();
        values.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                parts.add(e.getKey() + " " + e.getValue().asText());
            }
        });
        return String.join(", ", parts);
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
