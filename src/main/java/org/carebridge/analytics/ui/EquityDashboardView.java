package org.carebridge.analytics.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.analytics.EquityAnalytics;
import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.EquityReport.RegionEquity;
import org.carebridge.analytics.Period;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.shared.InvalidRequestException;

/**
 * The equity dashboard: for a period, per county, how long people wait for an appointment by urgency, how many
 * specialists serve them, how often loops close; the Gini coefficients, the underserved-vs-other gap, and the
 * rows as CSV. Underserved counties are marked with an asterisk.
 */
@Route(value = "equity", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "PLANNER", "ADMIN"})
@Menu(order = 7, title = "analytics.nav", icon = "vaadin:chart")
public class EquityDashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final String[] URGENCY_COLOURS = {"#c62828", "#ef6c00", "#2e7d32"};

    private final EquityAnalytics analytics;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor csv = new Anchor();
    private final Span giniSpecialists = new Span();
    private final Span giniAppointments = new Span();
    private final Span waitGap = new Span();
    private final Span closureGap = new Span();
    private final Div charts = new Div();
    private final Grid<RegionEquity> grid = new Grid<>();

    public EquityDashboardView(EquityAnalytics analytics) {
        this.analytics = analytics;
        Period initial = Period.lastDays(Period.DEFAULT_DAYS, analytics.today());
        from.setLabel(getTranslation("analytics.from"));
        from.setId("equity-from");
        from.setValue(initial.from());
        from.setLocale(getLocale());
        to.setLabel(getTranslation("analytics.to"));
        to.setId("equity-to");
        to.setValue(initial.to());
        to.setLocale(getLocale());
        Button show = new Button(getTranslation("analytics.show"), e -> refresh());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("equity-show");
        Button lastQuarter = new Button(getTranslation("analytics.last90"), e -> {
            Period quarter = Period.lastDays(90, analytics.today());
            from.setValue(quarter.from());
            to.setValue(quarter.to());
            refresh();
        });
        csv.setText(getTranslation("analytics.csv"));
        csv.setId("equity-csv");
        csv.getElement().setAttribute("download", true);
        csv.getElement().setAttribute("router-ignore", true);
        HorizontalLayout filters = new HorizontalLayout(from, to, show, lastQuarter, csv);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        giniSpecialists.setId("gini-specialists");
        giniAppointments.setId("gini-appointments");
        waitGap.setId("gap-wait");
        closureGap.setId("gap-closure");
        HorizontalLayout figures = new HorizontalLayout(giniSpecialists, giniAppointments, waitGap, closureGap);
        figures.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");

        charts.setId("equity-charts");
        charts.setWidthFull();
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(420px, 1fr))")
                .set("gap", "var(--lumo-space-m)");

        grid.setId("equity-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.name() + (r.underserved() ? " *" : "")).setHeader(getTranslation("analytics.region"))
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> Formats.number(r.population(), getLocale())).setHeader(getTranslation("analytics.population"));
        grid.addColumn(RegionEquity::practitioners).setHeader(getTranslation("analytics.practitioners"));
        grid.addColumn(r -> number(r.specialistsPer100k())).setHeader(getTranslation("analytics.specialistsPer100k"));
        grid.addColumn(RegionEquity::referrals).setHeader(getTranslation("analytics.referrals"));
        for (String urgency : EquityReport.URGENCIES) {
            grid.addColumn(r -> number(r.medianDaysToAppointment().get(urgency)))
                    .setHeader(getTranslation("analytics.medianDays", getTranslation("analytics.urgency." + urgency)));
        }
        grid.addColumn(r -> percent(r.slaBreachRate())).setHeader(getTranslation("analytics.slaBreachRate"));
        grid.addColumn(r -> percent(r.loopClosureRate())).setHeader(getTranslation("analytics.loopClosureRate"));
        grid.addColumn(r -> percent(r.teleconsultShare())).setHeader(getTranslation("analytics.teleconsultShare"));
        grid.addColumn(r -> number(r.meanTravelMinutes())).setHeader(getTranslation("analytics.meanTravel"));
        grid.setAllRowsVisible(true);

        add(filters, figures, new Span(getTranslation("analytics.legend")), charts, grid);
        refresh();
    }

    private void refresh() {
        from.setInvalid(false);
        to.setInvalid(false);
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        EquityReport report;
        try {
            report = analytics.equity(start == null || end == null ? analytics.period(str(start), str(end))
                    : new Period(start, end));
        } catch (InvalidRequestException e) {
            from.setErrorMessage(getTranslation("analytics.fromAfterTo"));
            from.setInvalid(true);
            to.setInvalid(true);
            return;
        }
        csv.setHref("/api/analytics/equity.csv?from=" + report.from() + "&to=" + report.to());
        giniSpecialists.setText(getTranslation("analytics.giniSpecialists") + ": " + number(report.gini().specialistsPerCapita()));
        giniAppointments.setText(getTranslation("analytics.giniAppointments") + ": "
                + number(report.gini().appointmentsPerCapita()));
        waitGap.setText(getTranslation("analytics.gapWait") + ": "
                + number(report.gaps().medianDaysToAppointmentUnderservedVsOther()));
        closureGap.setText(getTranslation("analytics.gapClosure") + ": "
                + percent(report.gaps().loopClosureRateUnderservedVsOther()));
        grid.setItems(report.regions());

        List<RegionEquity> regions = report.regions();
        List<String> names = regions.stream().map(RegionEquity::name).toList();
        List<Boolean> underserved = regions.stream().map(RegionEquity::underserved).toList();
        BarChart waits = new BarChart(getTranslation("analytics.chart.waits"), getLocale(), names, underserved);
        for (int i = 0; i < EquityReport.URGENCIES.size(); i++) {
            String urgency = EquityReport.URGENCIES.get(i);
            waits.series(getTranslation("analytics.urgency." + urgency), URGENCY_COLOURS[i],
                    regions.stream().map(r -> r.medianDaysToAppointment().get(urgency)).toList());
        }
        BarChart specialists = new BarChart(getTranslation("analytics.chart.specialists"), getLocale(), names, underserved)
                .series(getTranslation("analytics.specialistsPer100k"), "#1565c0",
                        regions.stream().map(RegionEquity::specialistsPer100k).toList());
        BarChart closure = new BarChart(getTranslation("analytics.chart.loopClosure"), getLocale(), names, underserved)
                .series(getTranslation("analytics.loopClosureRate"), "#6a1b9a",
                        regions.stream().map(RegionEquity::loopClosureRate).toList()).percent();
        charts.removeAll();
        for (BarChart chart : List.of(waits, specialists, closure)) {
            charts.add(new Html("<div>" + chart.toSvg(620, 260) + "</div>"));
        }
    }

    private String number(Double value) {
        return value == null ? "—" : Formats.number(value, getLocale());
    }

    private String percent(Double value) {
        return value == null ? "—" : Formats.number(Math.round(value * 1000) / 10.0, getLocale()) + "%";
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.title");
    }
}
