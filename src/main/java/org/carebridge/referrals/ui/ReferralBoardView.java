package org.carebridge.referrals.ui;

import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Region;
import org.carebridge.guidelines.Urgency;
import org.carebridge.referrals.ReferralFilter;
import org.carebridge.referrals.ReferralStatus;
import org.carebridge.referrals.ReferralSummary;
import org.carebridge.referrals.Referrals;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.shell.UrgencyBadge;
import org.springframework.data.domain.PageRequest;

/**
 * The coordinator's board: every referral they serve, urgent first, with what is late or escalated;
 * counts per status, filters by status, urgency, county and SLA breach. Planners see it as demand
 * (the search leaves the clinical picture out for them); doctors see the referrals routed to them.
 */
@Route(value = "referrals", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "PLANNER"})
@Menu(order = 3, title = "referrals.nav", icon = "vaadin:exchange")
public class ReferralBoardView extends VerticalLayout implements HasDynamicTitle {

    private final Referrals referrals;
    private final Select<ReferralStatus> status = new Select<>();
    private final Select<Urgency> urgency = new Select<>();
    private final ComboBox<Region> region = new ComboBox<>();
    private final Checkbox breached = new Checkbox();
    private final HorizontalLayout counts = new HorizontalLayout();
    private final Grid<ReferralSummary> grid = new Grid<>(ReferralSummary.class, false);

    public ReferralBoardView(Referrals referrals, Directory directory) {
        this.referrals = referrals;
        setSizeFull();
        Locale locale = getLocale();
        Map<Long, Facility> facilities = directory.facilitiesById();
        Map<Long, String> doctors = new java.util.HashMap<>();

        status.setLabel(getTranslation("referrals.status"));
        status.setItems(ReferralStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("referrals.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("referrals.any") : getTranslation("referrals.status." + s));
        status.setId("filter-status");
        urgency.setLabel(getTranslation("referrals.urgency"));
        urgency.setItems(Urgency.values());
        urgency.setEmptySelectionAllowed(true);
        urgency.setEmptySelectionCaption(getTranslation("referrals.any"));
        urgency.setItemLabelGenerator(u -> u == null ? getTranslation("referrals.any") : getTranslation("urgency." + u));
        region.setLabel(getTranslation("referrals.region"));
        region.setItems(directory.allRegions());
        region.setItemLabelGenerator(Region::getName);
        region.setClearButtonVisible(true);
        breached.setLabel(getTranslation("referrals.onlyBreached"));
        breached.setId("filter-breached");
        status.addValueChangeListener(e -> refresh());
        urgency.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        breached.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(status, urgency, region, breached);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        counts.setId("status-counts");
        counts.setWrap(true);

        grid.setId("referral-grid");
        grid.addColumn(new ComponentRenderer<>(this::urgencyBadge)).setHeader(getTranslation("referrals.urgency"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("referrals.status." + r.status())).setHeader(getTranslation("referrals.status"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::markers)).setHeader(getTranslation("referrals.flags"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.specialty() == null ? "" : getTranslation("specialty." + r.specialty()))
                .setHeader(getTranslation("referrals.specialty")).setAutoWidth(true);
        grid.addColumn(r -> facilities.get(r.referringFacilityId()).getName() + " ("
                + facilities.get(r.referringFacilityId()).getRegionName() + ")")
                .setHeader(getTranslation("referrals.from")).setAutoWidth(true);
        grid.addColumn(r -> r.assignedDoctorId() == null ? "" : doctors.computeIfAbsent(r.assignedDoctorId(),
                id -> doctorName(directory.practitioner(id), locale))).setHeader(getTranslation("referrals.doctor"))
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.shortDateTime(r.createdAt(), locale)).setHeader(getTranslation("referrals.created"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addItemClickListener(click -> UI.getCurrent().navigate(ReferralDetailView.class,
                new RouteParameters("id", click.getItem().id().toString())));

        add(filters, counts, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private ReferralFilter filter(ReferralStatus withStatus) {
        return new ReferralFilter(withStatus, urgency.getValue(), region.getValue() == null ? null : region.getValue().getId(),
                breached.getValue() ? Boolean.TRUE : null, null, null);
    }

    private void refresh() {
        ReferralFilter filter = filter(status.getValue());
        grid.setItems(query -> referrals.search(filter, PageRequest.of(query.getPage(), query.getPageSize()))
                .getContent().stream());
        counts.removeAll();
        referrals.countByStatus(filter).forEach((s, n) -> {
            if (n > 0 || s == status.getValue()) {
                Button count = new Button(getTranslation("referrals.status." + s) + " " + n,
                        click -> status.setValue(s == status.getValue() ? null : s));
                count.addThemeVariants(ButtonVariant.LUMO_SMALL, s == status.getValue()
                        ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
                count.setId("count-" + s);
                counts.add(count);
            }
        });
    }

    private Component urgencyBadge(ReferralSummary r) {
        return r.urgency() == null ? new Span(getTranslation("referrals.notAssessed")) : new UrgencyBadge(r.urgency());
    }

    private Component markers(ReferralSummary r) {
        Div markers = new Div();
        if (r.slaBreached()) {
            markers.add(marker(getTranslation("referrals.slaBreached"), "error"));
        }
        if (r.escalated()) {
            markers.add(marker(getTranslation("referrals.escalated"), "contrast primary"));
        }
        return markers;
    }


    static Span marker(String text, String theme) {
        Span marker = new Span(text);
        marker.getElement().getThemeList().add("badge " + theme);
        marker.addClassName("marker");
        marker.getStyle().set("margin-right", "var(--lumo-space-xs)");
        return marker;
    }

    static String doctorName(Practitioner p, Locale locale) {
        return Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), locale) + " (" + p.getCode() + ")";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("referrals.nav");
    }
}
