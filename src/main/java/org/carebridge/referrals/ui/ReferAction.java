package org.carebridge.referrals.ui;

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
import com.vaadin.flow.router.RouteParameters;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Specialty;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.patients.ChartAction;
import org.carebridge.patients.Observation;
import org.carebridge.patients.Patient;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.Referrals;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.ObservationFields;

/**
 * "Refer" on the patient's chart (coordinators): from which facility, why, to which specialty, with the
 * observations of the latest visit filled in; submitting opens the new referral.
 */
@org.springframework.stereotype.Component
class ReferAction implements ChartAction {

    private final Referrals referrals;
    private final Directory directory;
    private final ObjectMapper json;

    ReferAction(Referrals referrals, Directory directory, ObjectMapper json) {
        this.referrals = referrals;
        this.directory = directory;
        this.json = json;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> on(Patient patient, List<Observation> observations) {
        if (!CurrentStaff.get().hasAnyRole(Role.COORDINATOR)) {
            return Optional.empty();
        }
        Button refer = new Button(VaadinIcon.EXCHANGE.create());
        refer.setText(refer.getTranslation("referrals.refer"));
        refer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        refer.setId("refer");
        refer.addClickListener(click -> open(patient, observations));
        return Optional.of(refer);
    }

    private void open(Patient patient, List<Observation> observations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("referrals.refer"));
        dialog.setId("refer-dialog");
        JsonForm form = new JsonForm(json);
        Map<Long, Facility> facilities = directory.facilitiesById();
        ComboBox<Facility> facility = ReferralTaskEditors.facilityPicker(form, "referrals.referringFacility");
        facility.setItems(facilities.values().stream().sorted(java.util.Comparator.comparing(Facility::getName)).toList());
        facility.setValue(facilities.get(patient.getHomeFacilityId()));
        form.field("referringFacilityId", facility, () -> ReferralTaskEditors.id(facility.getValue()));
        Select<Specialty> specialty = ReferralTaskEditors.select(form, "requestedSpecialty",
                "referrals.requestedSpecialty", "specialty.", List.of(Specialty.values()));
        specialty.setEmptySelectionAllowed(true);
        specialty.setEmptySelectionCaption(form.getTranslation("referrals.guidelinesChoose"));
        ReferralTaskEditor.text(form, "reason", "referrals.reason");
        ObservationFields.addContextTo(form, observations);
        form.add(new Paragraph(form.getTranslation("referrals.observationsPrefilled")), 2);
        ObservationFields.addTo(form.nested("observations"), observations);

        Button submit = new Button(form.getTranslation("referrals.submit"), click -> {
            ObjectNode values = form.values();
            values.put("patientId", patient.getId().toString());
            if (!values.has("observations")) {
                values.putObject("observations");
            }
            form.send(() -> referrals.submit(json.treeToValue(values, ReferralRequest.class))).ifPresent(created -> {
                dialog.close();
                UI.getCurrent().navigate(ReferralDetailView.class, new RouteParameters("id", created.id().toString()));
            });
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("refer-submit");
        dialog.add(form.problems("refer-problems"), form);
        dialog.getFooter().add(new Button(form.getTranslation("referrals.back"), click -> dialog.close()), submit);
        dialog.setWidth("52em");
        dialog.open();
    }
}
