package org.carebridge.patients.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.patients.Consent;
import org.carebridge.patients.ConsentRequest;
import org.carebridge.patients.PatientConsents;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shell.Formats;

/**
 * The chart's consents: who may receive which records for what, and when; coordinators record new ones
 * (the server checks them and names the bad fields).
 */
class ConsentPanel extends VerticalLayout {

    private final UUID patientId;
    private final PatientConsents consents;
    private final Directory directory;
    private final Grid<Consent> grid = new Grid<>(Consent.class, false);

    ConsentPanel(UUID patientId, List<Consent> current, PatientConsents consents, Directory directory, boolean mayRecord) {
        this.patientId = patientId;
        this.consents = consents;
        this.directory = directory;
        setPadding(false);
        setId("consents");
        Locale locale = getLocale();
        grid.setId("consent-grid");
        grid.addColumn(c -> c.getGranteeFacilityId() == null ? getTranslation("consents.any")
                : directory.facility(c.getGranteeFacilityId()).getName()).setHeader(getTranslation("consents.grantee"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("consents.decision." + c.getDecision())).setHeader(getTranslation("consents.decision"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.getPurposes().stream().map(p -> getTranslation("records.purpose." + p))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("consents.purposes"));
        grid.addColumn(c -> c.getScope().stream().map(s -> getTranslation("records.scope." + s))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("consents.scope"));
        grid.addColumn(c -> Formats.date(c.getValidFrom(), locale) + " – " + (c.getValidUntil() == null
                ? getTranslation("consents.openEnd") : Formats.date(c.getValidUntil(), locale)))
                .setHeader(getTranslation("consents.validFrom") + " – " + getTranslation("consents.validUntil")).setAutoWidth(true);
        grid.addColumn(Consent::getEvidence).setHeader(getTranslation("consents.evidence"));
        grid.addColumn(Consent::getRecordedBy).setHeader(getTranslation("consents.recordedBy")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(current);
        add(grid);
        if (mayRecord) {
            add(form());
        }
    }

    private FormLayout form() {
        ComboBox<Facility> grantee = new ComboBox<>(getTranslation("consents.grantee"));
        grantee.setItems(directory.allFacilities());
        grantee.setItemLabelGenerator(f -> f.getName() + " (" + f.getCode() + ")");
        grantee.setHelperText(getTranslation("consents.any"));
        grantee.setClearButtonVisible(true);
        Select<Consent.Decision> decision = new Select<>();
        decision.setLabel(getTranslation("consents.decision"));
        decision.setItems(Consent.Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("consents.decision." + d));
        decision.setValue(Consent.Decision.PERMIT);
        CheckboxGroup<ReleasePurpose> purposes = new CheckboxGroup<>(getTranslation("consents.purposes"));
        purposes.setItems(ReleasePurpose.values());
        purposes.setItemLabelGenerator(p -> getTranslation("records.purpose." + p));
        CheckboxGroup<RecordScope> scope = new CheckboxGroup<>(getTranslation("consents.scope"));
        scope.setItems(RecordScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("records.scope." + s));
        DatePicker from = new DatePicker(getTranslation("consents.validFrom"));
        from.setValue(java.time.LocalDate.now(Formats.ZONE));
        DatePicker until = new DatePicker(getTranslation("consents.validUntil"));
        TextField evidence = new TextField(getTranslation("consents.evidence"));
        evidence.setMaxLength(2000);
        Button save = new Button(getTranslation("consents.add"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("record-consent");
        save.addClickListener(click -> {
            try {
                consents.record(patientId, new ConsentRequest(grantee.getValue() == null ? Consent.ANY
                        : String.valueOf(grantee.getValue().getId()),
                        purposes.getValue().isEmpty() ? java.util.Set.of() : EnumSet.copyOf(purposes.getValue()),
                        scope.getValue().isEmpty() ? java.util.Set.of() : EnumSet.copyOf(scope.getValue()),
                        from.getValue(), until.getValue(), decision.getValue(), evidence.getValue()));
                grid.setItems(consents.consents(patientId));
                Notification.show(getTranslation("consents.saved"));
            } catch (InvalidRequestException e) {
                Notification.show(e.errors().stream().map(FieldError::field).collect(Collectors.joining(", ")) + ": "
                        + e.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")), 6000,
                        Notification.Position.MIDDLE);
            } catch (jakarta.validation.ConstraintViolationException e) {
                Notification.show(e.getConstraintViolations().stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .collect(Collectors.joining("; ")), 6000, Notification.Position.MIDDLE);
            }
        });
        FormLayout form = new FormLayout(grantee, decision, purposes, scope, from, until, evidence, save);
        form.setId("consent-form");
        return form;
    }
}
