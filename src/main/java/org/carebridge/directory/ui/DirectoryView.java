package org.carebridge.directory.ui;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import org.springframework.data.domain.PageRequest;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Equipment;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Filters.EquipmentFilter;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Region;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;

/** The care network at a glance: counties, facilities, doctors and equipment. */
@Route(value = "directory", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "PLANNER", "RECORDS_OFFICER", "ADMIN"})
@Menu(order = 5, title = "nav.directory", icon = "vaadin:hospital")
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    public DirectoryView(Directory directory) {
        setSizeFull();
        Locale locale = getLocale();
        Map<Long, Facility> facilities = directory.facilitiesById();

        Grid<Region> regions = grid(Region.class);
        regions.addColumn(Region::getName).setHeader(getTranslation("directory.region"));
        regions.addColumn(r -> Formats.number(r.getPopulation(), locale)).setHeader(getTranslation("directory.population"));
        regions.addColumn(r -> r.isUnderserved() ? getTranslation("directory.underserved") : "")
                .setHeader(getTranslation("directory.access"));
        regions.setItems(directory.allRegions());

        Grid<Facility> facilityGrid = grid(Facility.class);
        facilityGrid.addColumn(Facility::getName).setHeader(getTranslation("directory.facility"));
        facilityGrid.addColumn(f -> getTranslation("facilityType." + f.getType())).setHeader(getTranslation("directory.type"));
        facilityGrid.addColumn(Facility::getRegionName).setHeader(getTranslation("directory.region"));
        facilityGrid.addColumn(f -> f.isTeleconsultCapable() ? getTranslation("value.yes") : getTranslation("value.no"))
                .setHeader(getTranslation("directory.teleconsult"));
        facilityGrid.setItems(directory.allFacilities());

        Grid<Practitioner> practitioners = grid(Practitioner.class);
        practitioners.addColumn(p -> Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale))
                .setHeader(getTranslation("directory.practitioner"));
        practitioners.addColumn(p -> p.getSpecialties().stream().map(s -> getTranslation("specialty." + s))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("directory.specialties"));
        practitioners.addColumn(p -> facilities.get(p.getHomeFacilityId()).getName())
                .setHeader(getTranslation("directory.facility"));
        practitioners.addColumn(p -> p.getLanguages().stream().sorted().map(l -> Formats.language(l, locale))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("directory.languages"));
        practitioners.addColumn(p -> hours(p, locale)).setHeader(getTranslation("directory.availability"));
        practitioners.setItems(directory.allPractitioners());

        Grid<Equipment> equipment = grid(Equipment.class);
        equipment.addColumn(Equipment::getCode).setHeader(getTranslation("directory.code"));
        equipment.addColumn(Equipment::getName).setHeader(getTranslation("directory.equipment"));
        equipment.addColumn(e -> getTranslation("equipmentType." + e.getType())).setHeader(getTranslation("directory.type"));
        equipment.addColumn(e -> facilities.get(e.getFacilityId()).getName()).setHeader(getTranslation("directory.facility"));
        equipment.addColumn(e -> e.isMobile() ? getTranslation("directory.mobile") : "")
                .setHeader(getTranslation("directory.mobility"));
        equipment.setItems(directory.equipment(new EquipmentFilter(null, null, null, null),
                PageRequest.of(0, 500)).getContent());

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add(getTranslation("directory.regions"), regions);
        tabs.add(getTranslation("directory.facilities"), facilityGrid);
        tabs.add(getTranslation("directory.practitioners"), practitioners);
        tabs.add(getTranslation("directory.equipmentTab"), equipment);
        add(tabs);
    }

    private static <T> Grid<T> grid(Class<T> type) {
        Grid<T> grid = new Grid<>(type, false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("36em");
        return grid;
    }

    private static String hours(Practitioner practitioner, Locale locale) {
        return practitioner.getAvailability().stream()
                .collect(Collectors.groupingBy(WeeklyAvailability::dayOfWeek, java.util.TreeMap::new,
                        Collectors.mapping(h -> h.start() + "–" + h.end(), Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> e.getKey().getDisplayName(java.time.format.TextStyle.SHORT, locale) + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.directory");
    }
}
