package org.carebridge.teleconsults.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Practitioner;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.carebridge.teleconsults.TeleconsultSummary;
import org.carebridge.teleconsults.Teleconsults;
import org.springframework.data.domain.PageRequest;

/**
 * The teleconsults the user serves, newest first: coordinators those of their facility and regions,
 * doctors those routed to them or requested from their facility; filtered by status, or to "mine".
 */
@Route(value = "teleconsults", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR"})
@Menu(order = 4, title = "teleconsults.nav", icon = "vaadin:laptop")
public class TeleconsultListView extends VerticalLayout implements HasDynamicTitle {

    private final Teleconsults teleconsults;
    private final Select<TeleconsultStatus> status = new Select<>();
    private final Select<String> whose = new Select<>();
    private final Grid<TeleconsultSummary> grid = new Grid<>(TeleconsultSummary.class, false);

    public TeleconsultListView(Teleconsults teleconsults, Directory directory) {
        this.teleconsults = teleconsults;
        setSizeFull();
        Locale locale = getLocale();
        Map<Long, Facility> facilities = directory.facilitiesById();
        Map<Long, String> doctors = new HashMap<>();

        status.setLabel(getTranslation("teleconsults.status"));
        status.setItems(TeleconsultStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("teleconsults.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("teleconsults.any")
                : getTranslation("teleconsults.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> refresh());
        whose.setLabel(getTranslation("teleconsults.whose"));
        whose.setItems("ALL", "MINE");
        whose.setValue("ALL");
        whose.setItemLabelGenerator(w -> getTranslation("teleconsults.whose." + w));
        whose.setVisible(CurrentStaff.get().practitionerId() != null);
        whose.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(status, whose);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("teleconsult-grid");
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), locale)).setHeader(getTranslation("teleconsults.requested"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation("teleconsults.status." + t.status())).setHeader(getTranslation("teleconsults.status"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.urgency() == null ? "" : getTranslation("urgency." + t.urgency()))
                .setHeader(getTranslation("teleconsults.urgency")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("specialty." + t.specialty())).setHeader(getTranslation("teleconsults.specialty"))
                .setAutoWidth(true);
        grid.addColumn(t -> facilities.get(t.requestingFacilityId()).getName()).setHeader(getTranslation("teleconsults.from"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.doctorId() == null ? "" : doctors.computeIfAbsent(t.doctorId(), id -> {
            Practitioner p = directory.practitioner(id);
            return p.getCode() + " · " + Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale);
        })).setHeader(getTranslation("teleconsults.doctor")).setAutoWidth(true);
        grid.addColumn(t -> t.start() == null ? "" : Formats.dateTime(t.start(), locale))
                .setHeader(getTranslation("teleconsults.start")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("teleconsults/" + click.getItem().id())));
        add(filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        Long mine = "MINE".equals(whose.getValue()) ? CurrentStaff.get().practitionerId() : null;
        grid.setItems(teleconsults.search(status.getValue(), mine, PageRequest.of(0, 200)).getContent());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("teleconsults.nav");
    }
}
