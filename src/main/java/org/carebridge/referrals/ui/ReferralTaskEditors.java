package org.carebridge.referrals.ui;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Equipment;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Filters.EquipmentFilter;
import org.carebridge.directory.Filters.PractitionerFilter;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
import org.carebridge.referrals.AppointmentMode;
import org.carebridge.referrals.AppointmentSuggestion;
import org.carebridge.referrals.FollowUp;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.Referrals;
import org.carebridge.referrals.Transport;
import org.carebridge.shell.Formats;
import org.carebridge.shell.Wordings;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.ObservationFields;
import org.carebridge.tasks.OpenTask;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The screen form of each task of {@code referral.bpmn}, with the field names of its server-side form. */
final class ReferralTaskEditors {

    static final String AUTO = "AUTO";

    private ReferralTaskEditors() {
    }

    /** {@code ReviewReferral}: route to a doctor with the specialty (or AUTO), ask for information, or reject. */
    @Component
    static class ReviewReferral extends ReferralTaskEditor {

        private final Directory directory;

        ReviewReferral(Referrals referrals, Wordings wordings, ObjectMapper json, Directory directory) {
            super("ReviewReferral", referrals, wordings, json);
            this.directory = directory;
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            RadioButtonGroup<String> decision = choice(form, "decision", "referrals.review.decision",
                    "ROUTE", "REQUEST_INFO", "REJECT");
            decision.setValue("ROUTE");
            // an emergency is transferred, never routed: only one assessed so keeps the choice
            Select<Urgency> urgency = select(form, "urgency", "referrals.urgency", "urgency.", Arrays.stream(Urgency.values())
                    .filter(u -> u != Urgency.EMERGENCY || referral.urgency() == Urgency.EMERGENCY).toList());
            urgency.setValue(referral.urgency());
            Select<Specialty> specialty = select(form, "specialty", "referrals.specialty", "specialty.",
                    List.of(Specialty.values()));
            specialty.setValue(referral.specialty());
            ComboBox<String> doctor = new ComboBox<>(form.getTranslation("referrals.review.doctor"));
            doctor.setHelperText(form.getTranslation("referrals.review.doctorHelp"));
            form.field("doctorId", doctor, doctor::getValue);
            form.setColspan(doctor, 2);
            offerDoctors(form, doctor, referral, specialty.getValue());
            specialty.addValueChangeListener(change -> offerDoctors(form, doctor, referral, change.getValue()));
            decision.addValueChangeListener(change -> {
                boolean route = "ROUTE".equals(change.getValue());
                doctor.setVisible(route);
                urgency.setVisible(route);
                specialty.setVisible(route);
            });
            text(form, "reason", "referrals.review.reason")
                    .setHelperText(form.getTranslation("referrals.review.reasonHelp"));
        }

        /** AUTO first, then the doctors with the specialty who have not declined this referral. */
        private void offerDoctors(JsonForm form, ComboBox<String> doctor, ReferralDetails referral, Specialty specialty) {
            List<Practitioner> doctors = specialty == null ? List.of() : directory.practitioners(
                    new PractitionerFilter(specialty, null, null, null, null, null), PageRequest.of(0, 200)).getContent()
                    .stream().filter(p -> !referral.declinedDoctorIds().contains(p.getId()))
                    .sorted(Comparator.comparing(Practitioner::getCode)).toList();
            Map<String, String> labels = doctors.stream().collect(Collectors.toMap(p -> String.valueOf(p.getId()),
                    p -> doctorLabel(form, p)));
            labels.put(AUTO, form.getTranslation("referrals.review.auto"));
            String previous = doctor.getValue();
            doctor.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(AUTO),
                    doctors.stream().map(p -> String.valueOf(p.getId()))).toList());
            doctor.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
            doctor.setValue(labels.containsKey(previous) ? previous : null);
        }
    }

    /** {@code ProvideInformation}: the referring side answers, perhaps with observations taken again. */
    @Component
    static class ProvideInformation extends ReferralTaskEditor {

        ProvideInformation(Referrals referrals, Wordings wordings, ObjectMapper json) {
            super("ProvideInformation", referrals, wordings, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            text(form, "note", "referrals.info.note");
            Paragraph explain = new Paragraph(form.getTranslation("referrals.info.observations"));
            form.add(explain, 2);
            ObservationFields.addTo(form.nested("observations"), List.of());
        }
    }

    /** {@code AcceptReferral}: the chosen doctor accepts, or declines with a reason. */
    @Component
    static class AcceptReferral extends ReferralTaskEditor {

        AcceptReferral(Referrals referrals, Wordings wordings, ObjectMapper json) {
            super("AcceptReferral", referrals, wordings, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            choice(form, "decision", "referrals.accept.decision", "ACCEPT", "DECLINE");
            text(form, "reason", "referrals.accept.reason");
        }
    }

    /** {@code ArrangeEmergencyTransfer}: where the patient goes now, and how. */
    @Component
    static class ArrangeEmergencyTransfer extends ReferralTaskEditor {

        private final Directory directory;

        ArrangeEmergencyTransfer(Referrals referrals, Wordings wordings, ObjectMapper json, Directory directory) {
            super("ArrangeEmergencyTransfer", referrals, wordings, json);
            this.directory = directory;
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            ComboBox<Facility> destination = facilityPicker(form, "referrals.transfer.destination");
            // hospitals first: an emergency goes up the referral chain
            destination.setItems(directory.allFacilities().stream()
                    .sorted(Comparator.comparing((Facility f) -> f.getType().ordinal()).reversed()
                            .thenComparing(Facility::getName)).toList());
            form.field("destinationFacilityId", destination, () -> id(destination.getValue()));
            select(form, "transport", "referrals.transfer.transport", "referrals.transport.", List.of(Transport.values()));
            text(form, "note", "referrals.transfer.note");
        }
    }

    /** {@code ScheduleAppointment}: the scheduler's suggestions one click away, or any start the doctor is free. */
    @Component
    static class ScheduleAppointment extends ReferralTaskEditor {

        private final Directory directory;

        ScheduleAppointment(Referrals referrals, Wordings wordings, ObjectMapper json, Directory directory) {
            super("ScheduleAppointment", referrals, wordings, json);
            this.directory = directory;
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            Div suggestions = new Div();
            suggestions.setId("suggestions");
            suggestions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            form.add(new Paragraph(form.getTranslation("referrals.schedule.suggestions")), 2);
            form.add(suggestions, 2);

            DateTimePicker start = new DateTimePicker(form.getTranslation("referrals.schedule.start"));
            start.setStep(Duration.ofMinutes(15));
            start.setLocale(form.locale());
            start.setHelperText(form.getTranslation("referrals.schedule.zone", Formats.ZONE.getId()));
            form.field("start", start, () -> start.getValue() == null ? null
                    : start.getValue().atZone(Formats.ZONE).toOffsetDateTime().toString());
            form.setColspan(start, 2);
            Select<AppointmentMode> mode = select(form, "mode", "referrals.schedule.mode", "referrals.mode.",
                    List.of(AppointmentMode.values()));
            mode.setValue(AppointmentMode.IN_PERSON);
            IntegerField minutes = new IntegerField(form.getTranslation("referrals.schedule.minutes"));
            minutes.setMin(15);
            minutes.setMax(480);
            minutes.setStep(15);
            minutes.setValue(30);
            form.field("durationMinutes", minutes, minutes::getValue);
            // one instance per row: a picker's value must be one of its items (entities compare by identity)
            Map<Long, Facility> facilities = directory.facilitiesById();
            ComboBox<Facility> facility = facilityPicker(form, "referrals.schedule.facility");
            facility.setItems(facilities.values().stream().sorted(Comparator.comparing(Facility::getName)).toList());
            if (referral.assignedDoctorId() != null) {
                facility.setValue(facilities.get(directory.practitioner(referral.assignedDoctorId()).getHomeFacilityId()));
            }
            form.field("facilityId", facility, () -> id(facility.getValue()));
            ComboBox<Equipment> equipment = new ComboBox<>(form.getTranslation("referrals.schedule.equipment"));
            Map<Long, Equipment> pieces = directory.equipment(new EquipmentFilter(null, null, null, null),
                    PageRequest.of(0, 500)).getContent().stream().collect(Collectors.toMap(Equipment::getId, e -> e));
            equipment.setItems(pieces.values().stream().sorted(Comparator.comparing(Equipment::getCode)).toList());
            equipment.setItemLabelGenerator(e -> e.getCode() + " · " + e.getName());
            equipment.setClearButtonVisible(true);
            form.field("equipmentId", equipment, () -> id(equipment.getValue()));

            for (AppointmentSuggestion s : referrals.suggestions(referral.id(), 5)) {
                Practitioner doctor = directory.practitioner(s.doctorId());
                Button choose = new Button(String.join(" · ", Formats.shortDateTime(s.start(), form.locale()),
                        doctor.getCode(), form.getTranslation("referrals.mode." + s.mode()),
                        s.facilityId() == null ? "" : facilities.get(s.facilityId()).getName()), click -> {
                    start.setValue(LocalDateTime.ofInstant(s.start(), Formats.ZONE));
                    mode.setValue(s.mode());
                    minutes.setValue((int) Duration.between(s.start(), s.end()).toMinutes());
                    facility.setValue(s.facilityId() == null ? null : facilities.get(s.facilityId()));
                    equipment.setValue(s.equipmentId() == null ? null : pieces.get(s.equipmentId()));
                });
                choose.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                choose.addClassName("suggestion");
                choose.setTooltipText(s.explanation());
                suggestions.add(choose);
            }
            if (suggestions.getComponentCount() == 0) {
                suggestions.add(new Paragraph(form.getTranslation("referrals.schedule.noSuggestions")));
            }
        }
    }

    /** {@code DocumentOutcome}: what the doctor found and plans, or that the patient did not come. */
    @Component
    static class DocumentOutcome extends ReferralTaskEditor {

        DocumentOutcome(Referrals referrals, Wordings wordings, ObjectMapper json) {
            super("DocumentOutcome", referrals, wordings, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            RadioButtonGroup<Boolean> attended = new RadioButtonGroup<>(form.getTranslation("referrals.outcome.attended"));
            attended.setItems(Boolean.TRUE, Boolean.FALSE);
            attended.setItemLabelGenerator(b -> form.getTranslation(b ? "value.yes" : "value.no"));
            form.field("attended", attended, attended::getValue);
            form.setColspan(attended, 2);
            text(form, "diagnosis", "referrals.outcome.diagnosis");
            text(form, "plan", "referrals.outcome.plan").setMaxLength(4000);
            select(form, "followUp", "referrals.outcome.followUp", "referrals.followUp.", List.of(FollowUp.values()));
        }
    }

    /** {@code AcknowledgeOutcome}: the referring side has read the specialist's answer. */
    @Component
    static class AcknowledgeOutcome extends ReferralTaskEditor {

        AcknowledgeOutcome(Referrals referrals, Wordings wordings, ObjectMapper json) {
            super("AcknowledgeOutcome", referrals, wordings, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, ReferralDetails referral) {
            ReferralDetails.Outcome outcome = referral.outcome();
            if (outcome != null && Boolean.TRUE.equals(outcome.attended())) {
                form.add(new Paragraph(form.getTranslation("referrals.outcome.diagnosis") + ": " + outcome.diagnosis()), 2);
                form.add(new Paragraph(form.getTranslation("referrals.outcome.plan") + ": " + outcome.plan()), 2);
                form.add(new Paragraph(form.getTranslation("referrals.outcome.followUp") + ": "
                        + form.getTranslation("referrals.followUp." + outcome.followUp())), 2);
            }
            text(form, "note", "referrals.acknowledge.note");
        }
    }

    /** A select of enum values, each named by the translation of {@code itemKeyPrefix + name}. */
    static <E extends Enum<E>> Select<E> select(JsonForm form, String name, String labelKey, String itemKeyPrefix,
            List<E> values) {
        Select<E> select = new Select<>();
        select.setLabel(form.getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? "" : form.getTranslation(itemKeyPrefix + v.name()));
        form.field(name, select, select::getValue);
        return select;
    }

    static RadioButtonGroup<String> choice(JsonForm form, String name, String labelKey, String... options) {
        RadioButtonGroup<String> group = new RadioButtonGroup<>(form.getTranslation(labelKey));
        group.setItems(options);
        group.setItemLabelGenerator(option -> form.getTranslation(labelKey + "." + option));
        form.field(name, group, group::getValue);
        form.setColspan(group, 2);
        return group;
    }

    static ComboBox<Facility> facilityPicker(JsonForm form, String labelKey) {
        ComboBox<Facility> picker = new ComboBox<>(form.getTranslation(labelKey));
        picker.setItemLabelGenerator(f -> f.getName() + " (" + f.getRegionName() + ")");
        return picker;
    }

    static String doctorLabel(JsonForm form, Practitioner p) {
        return ReferralBoardView.doctorName(p, form.locale()) + " · " + p.getSpecialties().stream().sorted()
                        .map(s -> form.getTranslation("specialty." + s)).collect(Collectors.joining(", "));
    }

    static Long id(org.carebridge.directory.DirectoryEntry entry) {
        return entry == null ? null : entry.getId();
    }
}
