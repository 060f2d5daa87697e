package org.carebridge.patients.ui;

import java.time.LocalDate;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Region;
import org.carebridge.patients.IdentifierSystem;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientFilter;
import org.carebridge.patients.PatientIdentifier;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;

/** Finding a patient among thousands: by name, pinyin or identifier, narrowed by county and facility. */
@Route(value = "patients", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "RECORDS_OFFICER"})
@Menu(order = 1, title = "nav.patients", icon = "vaadin:users")
public class PatientListView extends VerticalLayout implements HasDynamicTitle {

    private final PatientRecords records;
    private final TextField search = new TextField();
    private final ComboBox<Region> region = new ComboBox<>();
    private final ComboBox<Facility> facility = new ComboBox<>();
    private final Span total = new Span();
    private final Grid<Patient> grid = new Grid<>(Patient.class, false);

    public PatientListView(PatientRecords records, Directory directory) {
        this.records = records;
        setSizeFull();
        Map<Long, Facility> facilities = directory.facilitiesById();

        search.setPlaceholder(getTranslation("patients.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22em");
        search.setId("patient-search");
        region.setPlaceholder(getTranslation("patients.region"));
        region.setItems(directory.allRegions());
        region.setItemLabelGenerator(Region::getName);
        region.setClearButtonVisible(true);
        facility.setPlaceholder(getTranslation("patients.facility"));
        facility.setItemLabelGenerator(Facility::getName);
        facility.setClearButtonVisible(true);
        facility.setItems(facilities.values());
        facility.setWidth("16em");
        region.addValueChangeListener(change -> {
            facility.clear();
            facility.setItems(facilities.values().stream()
                    .filter(f -> change.getValue() == null || f.getRegionId().equals(change.getValue().getId()))
                    .toList());
            refresh();
        });
        facility.addValueChangeListener(change -> refresh());
        search.addValueChangeListener(change -> refresh());

        var locale = getLocale();
        grid.addColumn(p -> Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale))
                .setHeader(getTranslation("patient.name")).setSortProperty("latinName").setAutoWidth(true);
        grid.addColumn(p -> getTranslation("sex." + p.getSex())).setHeader(getTranslation("patient.sex"))
                .setAutoWidth(true);
        grid.addColumn(p -> Formats.date(p.getBirthDate(), locale)).setHeader(getTranslation("patient.birthDate"))
                .setSortProperty("birthDate").setAutoWidth(true);
        grid.addColumn(p -> p.ageOn(LocalDate.now(Formats.ZONE))).setHeader(getTranslation("patient.age"))
                .setAutoWidth(true);
        grid.addColumn(p -> Formats.language(p.getLanguage(), locale)).setHeader(getTranslation("patient.language"))
                .setAutoWidth(true);
        grid.addColumn(p -> facilities.get(p.getHomeFacilityId()).getName())
                .setHeader(getTranslation("patient.facility")).setAutoWidth(true);
        grid.addColumn(p -> facilities.get(p.getHomeFacilityId()).getRegionName())
                .setHeader(getTranslation("patient.region")).setAutoWidth(true);
        grid.addColumn(PatientListView::maskedResidentId).setHeader(getTranslation("patient.residentId"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("patient-grid");
        grid.addItemClickListener(click -> UI.getCurrent().navigate(PatientChartView.class,
                new RouteParameters("id", click.getItem().getId().toString())));
        grid.setItems(
                query -> records.search(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> {
                    long count = records.count(filter());
                    total.setText(getTranslation("patients.count", count));
                    return (int) count;
                });

        HorizontalLayout toolbar = new HorizontalLayout(search, region, facility, total);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private PatientFilter filter() {
        return new PatientFilter(search.getValue(), region.getValue() == null ? null : region.getValue().getId(),
                facility.getValue() == null ? null : facility.getValue().getId(), null);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The list shows the resident number only in part: enough to tell two patients apart. */
    static String maskedResidentId(Patient patient) {
        return patient.getIdentifiers().stream()
                .filter(i -> i.system() == IdentifierSystem.RESIDENT_ID)
                .map(PatientIdentifier::value)
                .map(v -> v.substring(0, 6) + "********" + v.substring(14))
                .findFirst().orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.patients");
    }
}
