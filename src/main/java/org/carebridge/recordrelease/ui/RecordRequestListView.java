package org.carebridge.recordrelease.ui;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.carebridge.recordrelease.RecordRequestDetails;
import org.carebridge.recordrelease.RecordRequestFilter;
import org.carebridge.recordrelease.RecordRequestStatus;
import org.carebridge.recordrelease.RecordRequestSubmission;
import org.carebridge.recordrelease.RecordRequests;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.springframework.data.domain.PageRequest;

/** Record requests, newest first, filtered by status; clinicians ask for a patient's records here. */
@Route(value = "record-requests", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "RECORDS_OFFICER"})
@Menu(order = 4, title = "records.nav", icon = "vaadin:file-text-o")
public class RecordRequestListView extends VerticalLayout implements HasDynamicTitle {

    private final RecordRequests requests;
    private final Directory directory;
    private final Select<RecordRequestStatus> status = new Select<>();
    private final Grid<RecordRequestDetails> grid = new Grid<>(RecordRequestDetails.class, false);

    public RecordRequestListView(RecordRequests requests, Directory directory) {
        this.requests = requests;
        this.directory = directory;
        setSizeFull();
        Locale locale = getLocale();

        status.setLabel(getTranslation("records.status"));
        status.setItems(RecordRequestStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("records.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("records.any") : getTranslation("records.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> refresh());

        grid.setId("record-requests");
        grid.addColumn(r -> Formats.dateTime(r.createdAt(), locale)).setHeader(getTranslation("records.created")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("records.status." + r.status())).setHeader(getTranslation("records.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("records.purpose." + r.purpose())
                + (r.breakGlass() ? " · " + getTranslation("records.breakGlass") : "")).setHeader(getTranslation("records.purpose"))
                .setAutoWidth(true);
        grid.addColumn(r -> RecordRequestLabels.scope(r, key -> getTranslation(key))).setHeader(getTranslation("records.scope"));
        grid.addColumn(r -> directory.facility(r.fromFacilityId()).getName()).setHeader(getTranslation("records.from"));
        grid.addColumn(r -> directory.facility(r.toFacilityId()).getName()).setHeader(getTranslation("records.to"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("record-requests/" + click.getItem().id())));

        add(status);
        if (CurrentStaff.get().hasAnyRole(Role.COORDINATOR, Role.DOCTOR)) {
            add(newRequest());
        }
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(requests.search(new RecordRequestFilter(status.getValue(), null), PageRequest.of(0, 200)).getContent());
    }

    /** The form of {@code POST /api/record-requests}: the server checks it and names the bad fields. */
    private Details newRequest() {
        TextField patient = new TextField(getTranslation("records.patientId"));
        patient.setId("new-patient");
        ComboBox<Facility> from = facilities("records.from");
        ComboBox<Facility> to = facilities("records.to");
        Long mine = CurrentStaff.get().facilityId();
        if (mine != null) {
            to.setValue(directory.facility(mine));
        }
        Select<ReleasePurpose> purpose = new Select<>();
        purpose.setLabel(getTranslation("records.purpose"));
        purpose.setItems(ReleasePurpose.values());
        purpose.setItemLabelGenerator(p -> getTranslation("records.purpose." + p));
        purpose.setValue(ReleasePurpose.CONTINUING_CARE);
        CheckboxGroup<RecordScope> scope = new CheckboxGroup<>(getTranslation("records.scope"));
        scope.setItems(RecordScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("records.scope." + s));
        TextArea reason = new TextArea(getTranslation("records.reason"));
        reason.setHelperText(getTranslation("records.reasonHelp"));
        reason.setMaxLength(2000);
        Button send = new Button(getTranslation("records.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send-request");
        send.addClickListener(click -> {
            UUID patientId;
            try {
                patientId = UUID.fromString(patient.getValue().strip());
                patient.setInvalid(false);
            } catch (IllegalArgumentException e) {
                patient.setErrorMessage(getTranslation("records.badPatientId"));
                patient.setInvalid(true);
                return;
            }
            Set<RecordScope> chosen = scope.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(scope.getValue());
            try {
                RecordRequestDetails created = requests.submit(new RecordRequestSubmission(patientId,
                        from.getValue() == null ? null : from.getValue().getId(),
                        to.getValue() == null ? null : to.getValue().getId(), purpose.getValue(), chosen, reason.getValue()));
                getUI().ifPresent(ui -> ui.navigate("record-requests/" + created.id()));
            } catch (InvalidRequestException e) {
                showProblems(e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
            } catch (jakarta.validation.ConstraintViolationException e) {
                showProblems(e.getConstraintViolations().stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList());
            } catch (org.springframework.security.access.AccessDeniedException e) {
                // breaking the glass without a link to the receiving facility or to the patient at the source
                showProblems(java.util.List.of(e.getMessage()));
            }
        });
        FormLayout form = new FormLayout(patient, purpose, from, to, scope, reason, send);
        form.setColspan(reason, 2);
        Details details = new Details(getTranslation("records.new"), new VerticalLayout(
                new Paragraph(getTranslation("records.newHelp")), form));
        details.setId("new-request");
        return details;
    }

    private ComboBox<Facility> facilities(String labelKey) {
        ComboBox<Facility> box = new ComboBox<>(getTranslation(labelKey));
        box.setItems(directory.allFacilities());
        box.setItemLabelGenerator(f -> f.getName() + " (" + f.getCode() + ")");
        return box;
    }

    private void showProblems(java.util.List<String> problems) {
        Notification notice = Notification.show(String.join("\n", problems), 6000, Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("records.nav");
    }
}
