package org.carebridge.teleconsults.ui;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.carebridge.directory.Practitioner;
import org.carebridge.shell.Formats;
import org.carebridge.tasks.CaseTaskEditor;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.OpenTask;
import org.carebridge.teleconsults.TeleconsultDetails;
import org.carebridge.teleconsults.TeleconsultFollowUp;
import org.carebridge.teleconsults.Teleconsults;
import org.carebridge.teleconsults.Vital;
import org.springframework.stereotype.Component;

/** The screen form of each task of {@code teleconsult.bpmn}, with the field names of its server-side form. */
final class TeleconsultTaskEditors {

    private TeleconsultTaskEditors() {
    }

    /** What the teleconsult is about, above the inputs of its step. */
    abstract static class TeleconsultTaskEditor extends CaseTaskEditor<TeleconsultDetails> {

        protected final Teleconsults teleconsults;

        TeleconsultTaskEditor(String taskKey, Teleconsults teleconsults, ObjectMapper json) {
            super(taskKey, json);
            this.teleconsults = teleconsults;
        }

        @Override
        protected TeleconsultDetails caseOf(OpenTask task) {
            return teleconsults.teleconsult(task.teleconsultId());
        }

        @Override
        protected Div summary(JsonForm form, TeleconsultDetails t) {
            Locale locale = form.locale();
            Div summary = new Div();
            summary.addClassName("teleconsult-summary");
            summary.add(new Paragraph(String.join(" · ", form.getTranslation("teleconsults.status." + t.status()),
                    t.urgency() == null ? "" : form.getTranslation("urgency." + t.urgency()),
                    form.getTranslation("specialty." + t.specialty()), Formats.dateTime(t.createdAt(), locale))));
            summary.add(new Paragraph(form.getTranslation("teleconsults.reason") + ": " + t.reason()));
            if (t.connectionFailures() > 0) {
                summary.add(new Paragraph(form.getTranslation("teleconsults.failures", t.connectionFailures())));
            }
            summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
            return summary;
        }

        static TextArea text(JsonForm form, String name, String labelKey) {
            TextArea area = new TextArea(form.getTranslation(labelKey));
            area.setMaxLength(4000);
            form.field(name, area, area::getValue);
            form.setColspan(area, 2);
            return area;
        }
    }

    /** {@code ScheduleTeleconsult}: a doctor who holds teleconsults in the specialty, and the start. */
    @Component
    static class ScheduleTeleconsult extends TeleconsultTaskEditor {

        ScheduleTeleconsult(Teleconsults teleconsults, ObjectMapper json) {
            super("ScheduleTeleconsult", teleconsults, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, TeleconsultDetails teleconsult) {
            List<Practitioner> doctors = teleconsults.candidateDoctors(teleconsult.id());
            ComboBox<Practitioner> doctor = new ComboBox<>(form.getTranslation("teleconsults.schedule.doctor"));
            doctor.setItems(doctors);
            doctor.setItemLabelGenerator(p -> p.getCode() + " · " + Formats.personName(p.getFamilyName(),
                    p.getGivenName(), p.getLatinName(), form.locale()));
            doctor.setHelperText(form.getTranslation("teleconsults.schedule.doctorHelp"));
            form.field("doctorId", doctor, () -> doctor.getValue() == null ? null : doctor.getValue().getId());
            form.setColspan(doctor, 2);
            DateTimePicker start = new DateTimePicker(form.getTranslation("teleconsults.schedule.start"));
            start.setStep(Duration.ofMinutes(15));
            start.setLocale(form.locale());
            start.setHelperText(form.getTranslation("teleconsults.schedule.zone", Formats.ZONE.getId()));
            form.field("start", start, () -> start.getValue() == null ? null
                    : start.getValue().atZone(Formats.ZONE).toOffsetDateTime().toString());
            IntegerField minutes = new IntegerField(form.getTranslation("teleconsults.schedule.minutes"));
            minutes.setMin(15);
            minutes.setMax(240);
            minutes.setStep(15);
            minutes.setValue(30);
            form.field("durationMinutes", minutes, minutes::getValue);
            if (teleconsult.start() != null) {
                start.setValue(LocalDateTime.ofInstant(teleconsult.start(), Formats.ZONE));
            }
        }
    }

    /** {@code ConductTeleconsult}: the consult note (SOAP, prescriptions, follow-up), or that the link failed. */
    @Component
    static class ConductTeleconsult extends TeleconsultTaskEditor {

        ConductTeleconsult(Teleconsults teleconsults, ObjectMapper json) {
            super("ConductTeleconsult", teleconsults, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, TeleconsultDetails teleconsult) {
            if (teleconsult.sessionUrl() != null) {
                Anchor session = new Anchor(teleconsult.sessionUrl(), form.getTranslation("teleconsults.join"));
                session.setTarget("_blank");
                session.setId("session-link");
                form.add(session, 2);
            }
            List<Vital> vitals = teleconsults.vitals(teleconsult.id());
            if (!vitals.isEmpty()) {
                Vital last = vitals.get(vitals.size() - 1);
                form.add(new Paragraph(form.getTranslation("teleconsults.lastVitals",
                        Formats.dateTime(last.at(), form.locale()), TeleconsultDetailView.describe(json, last))), 2);
            }
            RadioButtonGroup<Boolean> connected = new RadioButtonGroup<>(form.getTranslation("teleconsults.conduct.connected"));
            connected.setItems(true, false);
            connected.setItemLabelGenerator(b -> form.getTranslation(b ? "teleconsults.conduct.connectedYes"
                    : "teleconsults.conduct.connectedNo"));
            connected.setValue(true);
            form.field("connected", connected, connected::getValue);
            form.setColspan(connected, 2);
            TextArea subjective = text(form, "subjective", "teleconsults.conduct.subjective");
            TextArea objective = text(form, "objective", "teleconsults.conduct.objective");
            TextArea assessment = text(form, "assessment", "teleconsults.conduct.assessment");
            TextArea plan = text(form, "plan", "teleconsults.conduct.plan");

            VerticalLayout prescriptions = new VerticalLayout();
            prescriptions.setPadding(false);
            prescriptions.setId("prescriptions");
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Runnable> readers = new ArrayList<>();
            Button addDrug = new Button(form.getTranslation("teleconsults.conduct.addDrug"), click -> {
                TextField drug = new TextField(form.getTranslation("teleconsults.rx.drug"));
                TextField dose = new TextField(form.getTranslation("teleconsults.rx.dose"));
                TextField frequency = new TextField(form.getTranslation("teleconsults.rx.frequency"));
                IntegerField days = new IntegerField(form.getTranslation("teleconsults.rx.days"));
                days.setMin(1);
                days.setMax(365);
                days.setWidth("6em");
                dose.setWidth("8em");
                frequency.setWidth("9em");
                HorizontalLayout line = new HorizontalLayout(drug, dose, frequency, days);
                line.getStyle().set("flex-wrap", "wrap");
                line.setWidthFull();
                prescriptions.add(line);
                readers.add(() -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("drug", drug.getValue());
                    row.put("dose", dose.getValue());
                    row.put("frequency", frequency.getValue());
                    row.put("days", days.getValue());
                    rows.add(row);
                });
            });
            addDrug.addThemeVariants(ButtonVariant.LUMO_SMALL);
            addDrug.setId("add-drug");
            form.add(new Paragraph(form.getTranslation("teleconsults.conduct.prescriptions")), 2);
            form.add(prescriptions, 2);
            form.add(addDrug, 2);
            form.value("prescriptions", () -> {
                rows.clear();
                readers.forEach(Runnable::run);
                return rows.isEmpty() ? null : List.copyOf(rows);
            });
            Select<TeleconsultFollowUp> followUp = new Select<>();
            followUp.setLabel(form.getTranslation("teleconsults.conduct.followUp"));
            followUp.setItems(TeleconsultFollowUp.values());
            followUp.setItemLabelGenerator(f -> f == null ? "" : form.getTranslation("teleconsults.followUp." + f));
            form.field("followUp", followUp, followUp::getValue);
            connected.addValueChangeListener(change -> {
                boolean held = Boolean.TRUE.equals(change.getValue());
                for (com.vaadin.flow.component.Component c : List.of(subjective, objective, assessment, plan,
                        prescriptions, addDrug, followUp)) {
                    c.setVisible(held);
                }
            });
        }
    }
}
