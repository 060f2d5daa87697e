package org.carebridge.teleconsults.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Specialty;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.patients.ChartAction;
import org.carebridge.patients.Observation;
import org.carebridge.patients.Patient;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.ObservationFields;
import org.carebridge.teleconsults.TeleconsultRequest;
import org.carebridge.teleconsults.Teleconsults;

/**
 * "Request teleconsult" on the patient's chart (coordinators and doctors, who may create teleconsults):
 * from which facility, to which specialty, why, with the observations of the latest visit filled in;
 * submitting starts the teleconsult through {@link Teleconsults#request} and opens it. The same request
 * as {@code POST /api/teleconsults}, so the server's field errors come back to the inputs they name.
 */
@org.springframework.stereotype.Component
class TeleconsultAction implements ChartAction {

    private final Teleconsults teleconsults;
    private final Directory directory;
    private final ObjectMapper json;

    TeleconsultAction(Teleconsults teleconsults, Directory directory, ObjectMapper json) {
        this.teleconsults = teleconsults;
        this.directory = directory;
        this.json = json;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> on(Patient patient, List<Observation> observations) {
        if (!CurrentStaff.get().hasAnyRole(Role.COORDINATOR, Role.DOCTOR)) {
            return Optional.empty();
        }
        Button request = new Button(VaadinIcon.LAPTOP.create());
        request.setText(request.getTranslation("teleconsults.request"));
        request.setId("request-teleconsult");
        request.addClickListener(click -> open(patient, observations));
        return Optional.of(request);
    }

    private void open(Patient patient, List<Observation> observations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("teleconsults.request"));
        dialog.setId("teleconsult-dialog");
        JsonForm form = new JsonForm(json);

        Map<Long, Facility> facilities = directory.facilitiesById();
        ComboBox<Facility> facility = new ComboBox<>(form.getTranslation("teleconsults.requestingFacility"));
        facility.setItemLabelGenerator(f -> f.getName() + " (" + f.getRegionName() + ")");
        facility.setItems(facilities.values().stream().sorted(Comparator.comparing(Facility::getName)).toList());
        facility.setValue(facilities.get(patient.getHomeFacilityId()));
        form.field("requestingFacilityId", facility, () -> facility.getValue() == null ? null : facility.getValue().getId());

        Select<Specialty> specialty = new Select<>();
        specialty.setLabel(form.getTranslation("teleconsults.specialty"));
        specialty.setItems(Specialty.values());
        specialty.setItemLabelGenerator(s -> s == null ? "" : form.getTranslation("specialty." + s));
        form.field("specialty", specialty, specialty::getValue);

        TextArea reason = new TextArea(form.getTranslation("teleconsults.reason"));
        reason.setMaxLength(2000);
        form.field("reason", reason, reason::getValue);
        form.setColspan(reason, 2);

        ObservationFields.addContextTo(form, observations);
        form.add(new Paragraph(form.getTranslation("teleconsults.observationsPrefilled")), 2);
        ObservationFields.addTo(form.nested("observations"), observations);

        Button submit = new Button(form.getTranslation("teleconsults.requestSubmit"), click -> {
            ObjectNode values = form.values();
            values.put("patientId", patient.getId().toString());
            if (!values.has("observations")) {
                values.putObject("observations");
            }
            form.send(() -> teleconsults.request(json.treeToValue(values, TeleconsultRequest.class))).ifPresent(created -> {
                dialog.close();
                UI.getCurrent().navigate(TeleconsultDetailView.class, new RouteParameters("id", created.id().toString()));
            });
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("teleconsult-submit");
        dialog.add(form.problems("teleconsult-problems"), form);
        dialog.getFooter().add(new Button(form.getTranslation("teleconsults.back"), click -> dialog.close()), submit);
        dialog.setWidth("52em");
        dialog.open();
    }
}
