package org.carebridge.scheduling.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.scheduling.Explanation;
import org.carebridge.scheduling.PlanComparison;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.ReferralPlanning;
import org.carebridge.scheduling.ScheduleRun;
import org.carebridge.scheduling.Scheduling;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.ProblemValidator;
import org.carebridge.shared.BusyException;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.LineChart;
import org.carebridge.shell.MainLayout;

/**
 * The planner's console: take a week's problem (generated, pasted, or — later — the current demand through
 * {@link #load(Problem)}), solve it with live progress, read the schedule per doctor and day, the equipment
 * moves, what was left out and why, the explanation and the comparison with first come, first served, then
 * publish it.
 */
@Route(value = "planning", layout = MainLayout.class)
@RolesAllowed("PLANNER")
@Menu(order = 6, title = "scheduling.nav", icon = "vaadin:calendar-clock")
public class PlannerConsoleView extends VerticalLayout implements HasDynamicTitle {

    private static final Map<String, String> URGENCY_COLOURS =
            Map.of("URGENT", "#f8d7da", "SOON", "#fff3cd", "ROUTINE", "#d4edda");

    private final Scheduling scheduling;
    private final IntegerField appointments = new IntegerField();
    private final IntegerField doctors = new IntegerField();
    private final IntegerField seed = new IntegerField();
    private final TextArea pasted = new TextArea();
    private final IntegerField seconds = new IntegerField();
    private final Span loaded = new Span();
    private final Span status = new Span();
    private final Span score = new Span();
    private final Div chart = new Div();
    private final Button solve = new Button();
    private final Button stop = new Button();
    private final Button publish = new Button();
    private final Button restart = new Button();
    private final Grid<String> scheduleGrid = new Grid<>();
    private final Grid<Solution.EquipmentLocation> equipmentGrid = new Grid<>();
    private final Grid<Map.Entry<String, String>> unassignedGrid = new Grid<>();
    private final Grid<Explanation.ConstraintTotal> explanationGrid = new Grid<>();
    private final Grid<String[]> comparisonGrid = new Grid<>();
    /** Measures from other modules (equity per region), each in a tab of its own. */
    private final Map<PlanComparison, Grid<PlanComparison.Row>> comparisons = new LinkedHashMap<>();

    private Problem problem;
    private String runId;
    private Solution baseline;
    private Registration polling;
    /** Status and best score of the schedule on screen: it is read (and audited) again only when they change. */
    private String shown;

    public PlannerConsoleView(Scheduling scheduling, ReferralPlanning referrals, List<PlanComparison> planComparisons) {
        this.scheduling = scheduling;
        setSizeFull();
        appointments.setLabel(getTranslation("scheduling.appointments"));
        appointments.setValue(60);
        appointments.setMin(1);
        appointments.setMax(ProblemValidator.MAX_APPOINTMENTS);
        appointments.setId("generate-appointments");
        doctors.setLabel(getTranslation("scheduling.doctors"));
        doctors.setValue(8);
        doctors.setMin(1);
        doctors.setMax(ProblemValidator.MAX_DOCTORS);
        doctors.setId("generate-doctors");
        seed.setLabel(getTranslation("scheduling.seed"));
        seed.setValue(1);
        // clamped to the caps of a problem: the generator would build whatever it is asked for in memory
        Button generate = new Button(getTranslation("scheduling.generate"), e -> load(ProblemGenerator.generate(
                Math.max(1, Math.min(ProblemValidator.MAX_APPOINTMENTS, value(appointments, 60))),
                Math.max(1, Math.min(ProblemValidator.MAX_DOCTORS, value(doctors, 8))), value(seed, 1)),
                getTranslation("scheduling.problem.generated", String.valueOf(value(seed, 1)))));
        generate.setId("generate");
        pasted.setLabel(getTranslation("scheduling.problemJson"));
        pasted.setWidth("24em");
        pasted.setMaxWidth("100%");
        pasted.setMaxHeight("6em");
        Button usePasted = new Button(getTranslation("scheduling.usePasted"), e -> usePasted());
        Button demand = new Button(getTranslation("scheduling.loadDemand"), e -> load(referrals.currentDemand(),
                getTranslation("scheduling.problem.demand", Formats.date(referrals.weekStart(), getLocale()))));
        demand.setId("load-demand");
        HorizontalLayout source = new HorizontalLayout(demand, appointments, doctors, seed, generate, pasted, usePasted);
        source.setAlignItems(FlexComponent.Alignment.BASELINE);
        source.setWrap(true); // on a narrow window the inputs go to the next line, not off the screen
        loaded.setId("problem-loaded");

        seconds.setLabel(getTranslation("scheduling.seconds"));
        seconds.setValue(10);
        seconds.setId("solve-seconds");
        solve.setText(getTranslation("scheduling.solve"));
        solve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        solve.setId("solve");
        solve.addClickListener(e -> solve());
        stop.setText(getTranslation("scheduling.stop"));
        stop.setId("stop");
        stop.setEnabled(false);
        stop.addClickListener(e -> {
            scheduling.stop(runId);
            refresh();
        });
        publish.setText(getTranslation("scheduling.publish"));
        publish.setId("publish");
        publish.setEnabled(false);
        publish.addClickListener(e -> {
            int count = scheduling.publish(runId).assignments().size();
            Notification.show(getTranslation("scheduling.published", count));
        });
        // a run whose node stopped mid-solve (or that failed) is solved again here from its best schedule
        restart.setText(getTranslation("scheduling.restart"));
        restart.setId("restart");
        restart.setVisible(false);
        restart.addClickListener(e -> restart());
        status.setId("solve-status");
        score.setId("best-score");
        HorizontalLayout run = new HorizontalLayout(seconds, solve, stop, publish, restart, status, score);
        run.setAlignItems(FlexComponent.Alignment.BASELINE);
        run.setWrap(true);
        chart.setId("score-chart");
        chart.setWidthFull();

        scheduleGrid.setId("schedule-grid");
        scheduleGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        equipmentGrid.setId("equipment-grid");
        equipmentGrid.addColumn(Solution.EquipmentLocation::equipmentId).setHeader(getTranslation("scheduling.equipment"));
        equipmentGrid.addColumn(l -> getTranslation("scheduling.day", l.day()))
                .setHeader(getTranslation("scheduling.day", ""));
        equipmentGrid.addColumn(Solution.EquipmentLocation::regionId).setHeader("");
        unassignedGrid.setId("unassigned-grid");
        unassignedGrid.addColumn(Map.Entry::getKey).setHeader(getTranslation("scheduling.appointment")).setAutoWidth(true);
        unassignedGrid.addColumn(e -> urgencyLabel(urgencyOf(e.getKey())))
                .setHeader(getTranslation("scheduling.urgency")).setAutoWidth(true);
        unassignedGrid.addColumn(Map.Entry::getValue).setHeader(getTranslation("scheduling.reason")).setFlexGrow(3);
        explanationGrid.setId("explanation-grid");
        explanationGrid.addColumn(Explanation.ConstraintTotal::constraint).setHeader(getTranslation("scheduling.constraint"));
        explanationGrid.addColumn(Explanation.ConstraintTotal::score).setHeader(getTranslation("scheduling.total"));
        explanationGrid.addColumn(Explanation.ConstraintTotal::matches).setHeader(getTranslation("scheduling.matches"));
        explanationGrid.addColumn(t -> t.heaviest().stream().map(m -> m.justification() + " " + m.score()).limit(3)
                .reduce((a, b) -> a + "; " + b).orElse("")).setHeader(getTranslation("scheduling.heaviest")).setFlexGrow(3);
        comparisonGrid.setId("comparison-grid");
        comparisonGrid.addColumn(r -> r[0]).setHeader(getTranslation("scheduling.term"));
        comparisonGrid.addColumn(r -> r[1]).setHeader(getTranslation("scheduling.baseline"));
        comparisonGrid.addColumn(r -> r[2]).setHeader(getTranslation("scheduling.solver"));

        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("scheduling.tab.schedule"),
                new VerticalLayout(new Span(getTranslation("scheduling.legend")), scheduleGrid));
        tabs.add(getTranslation("scheduling.tab.equipment"), equipmentGrid);
        tabs.add(getTranslation("scheduling.tab.unassigned"), unassignedGrid);
        tabs.add(getTranslation("scheduling.tab.explanation"), explanationGrid);
        tabs.add(getTranslation("scheduling.tab.comparison"), comparisonGrid);
        for (PlanComparison comparison : planComparisons) {
            Grid<PlanComparison.Row> grid = new Grid<>();
            grid.addClassName("plan-comparison-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(PlanComparison.Row::label).setHeader(getTranslation("scheduling.term")).setFlexGrow(3);
            grid.addColumn(PlanComparison.Row::firstComeFirstServed).setHeader(getTranslation("scheduling.baseline"));
            grid.addColumn(PlanComparison.Row::solved).setHeader(getTranslation("scheduling.solver"));
            comparisons.put(comparison, grid);
            tabs.add(comparison.title(getLocale()), grid);
        }
        tabs.setSizeFull();
        add(source, loaded, run, chart, tabs);
        setFlexGrow(1, tabs);
    }

    /** Loads a problem into the console: generated, pasted, or the current demand from the referrals. */
    public void load(Problem newProblem) {
        load(newProblem, newProblem.name());
    }

    /**
     * Loads a problem the console made itself, described in the reader's language ({@code title}); the
     * name it carries is English, for the API and the logs.
     */
    private void load(Problem newProblem, String title) {
        this.problem = newProblem;
        this.runId = null;
        this.baseline = null;
        loaded.setText(getTranslation("scheduling.loaded", title, newProblem.appointments().size(),
                newProblem.doctors().size()));
        publish.setEnabled(false);
        restart.setVisible(false);
    }

    private void usePasted() {
        try {
            load(ProblemJson.read(pasted.getValue()));
        } catch (InvalidRequestException e) {
            showErrors(e);
        }
    }

    private static void showErrors(InvalidRequestException e) {
        Notification.show(e.errors().stream().map(f -> f.field() + ": " + f.message()).limit(5)
                .reduce((a, b) -> a + "\n" + b).orElse(""), 8000, Notification.Position.MIDDLE);
    }

    private void solve() {
        if (problem == null) {
            Notification.show(getTranslation("scheduling.noProblem"));
            return;
        }
        try {
            runId = scheduling.submit(problem, Math.max(1, Math.min(600, value(seconds, 10)))).id();
        } catch (BusyException e) {
            showBusy(e);
            return;
        } catch (InvalidRequestException e) {
            showErrors(e);
            return;
        }
        baseline = scheduling.firstComeFirstServed(problem);
        solving();
    }

    private void restart() {
        try {
            scheduling.restart(runId, Math.max(1, Math.min(600, value(seconds, 10))));
        } catch (BusyException e) {
            showBusy(e);
            return;
        } catch (ConflictException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            return;
        }
        solving();
    }

    private void solving() {
        shown = null;
        stop.setEnabled(true);
        publish.setEnabled(false);
        restart.setVisible(false);
        UI.getCurrent().setPollInterval(1000);
        refresh();
    }

    private void showBusy(BusyException e) {
        Notification busy = Notification.show(getTranslation("scheduling.busy", e.retryAfterSeconds()), 8000,
                Notification.Position.MIDDLE);
        busy.setId("solver-busy");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> {
            if (runId != null) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        ScheduleRun run = scheduling.progress(runId);
        status.setText(getTranslation("scheduling.status." + run.status()));
        status.getElement().setAttribute("title", run.error() == null ? "" : run.error());
        score.setText(run.score() == null ? "" : getTranslation("scheduling.score") + ": " + run.score());
        List<LineChart.Point> points = run.history().stream()
                .map(p -> new LineChart.Point(p.at(), p.soft())).toList();
        chart.removeAll();
        chart.add(new Html("<div>" + new LineChart(getTranslation("scheduling.chart"), getLocale())
                .series(getTranslation("scheduling.solver"), "#1565c0", points).toSvg(900, 220) + "</div>"));
        if (run.status() != ScheduleRun.Status.SOLVING) {
            UI.getCurrent().setPollInterval(-1);
            stop.setEnabled(false);
            publish.setEnabled(run.status() == ScheduleRun.Status.SOLVED);
            restart.setVisible(run.status() == ScheduleRun.Status.FAILED);
            explanationGrid.setItems(scheduling.explain(runId).constraints());
        }
        if (!(run.status() + " " + run.score()).equals(shown)) {
            // the schedule shows the week's referrals: reading it writes the audit, so only when there is news
            ScheduleRun read = scheduling.run(runId);
            shown = read.status() + " " + read.score();
            if (read.solution() != null) {
                show(read.solution());
            }
        }
    }

    private void show(Solution solution) {
        Map<String, Map<Integer, List<Solution.Assignment>>> byDoctorDay = new HashMap<>();
        solution.assignments().forEach(a -> byDoctorDay.computeIfAbsent(a.doctorId(), d -> new HashMap<>())
                .computeIfAbsent(a.day(), d -> new ArrayList<>()).add(a));
        scheduleGrid.removeAllColumns();
        scheduleGrid.addColumn(d -> d).setHeader(getTranslation("scheduling.doctor")).setAutoWidth(true).setFlexGrow(0);
        for (int day = 0; day < problem.horizon().days(); day++) {
            int d = day;
            scheduleGrid.addComponentColumn(doctor -> dayCell(byDoctorDay.getOrDefault(doctor, Map.of())
                    .getOrDefault(d, List.of()))).setHeader(getTranslation("scheduling.day", d));
        }
        scheduleGrid.setItems(problem.doctors().stream().map(Problem.Doctor::id).toList());
        equipmentGrid.setItems(solution.equipmentLocations());
        unassignedGrid.setItems(new ArrayList<>(solution.unassignedReasons().entrySet()));
        if (baseline != null) {
            Solution.Breakdown b = baseline.breakdown();
            Solution.Breakdown s = solution.breakdown();
            comparisonGrid.setItems(List.of(
                    row("hard", b.hard(), s.hard()), row("unassigned", b.unassigned(), s.unassigned()),
                    row("waiting", b.waiting(), s.waiting()), row("travel", b.travel(), s.travel()),
                    row("language", b.language(), s.language()), row("continuity", b.continuity(), s.continuity()),
                    new String[] {getTranslation("scheduling.score"), baseline.score(), solution.score()}));
            comparisons.forEach((comparison, grid) -> grid.setItems(comparison.compare(problem, baseline, solution,
                    getLocale())));
        }
    }

    private Div dayCell(List<Solution.Assignment> assignments) {
        Div cell = new Div();
        assignments.stream().sorted((a, b) -> a.start().compareTo(b.start())).forEach(a -> {
            Span chip = new Span(a.start() + " " + a.appointmentId() + (a.equipmentId() == null ? "" : " " + a.equipmentId()));
            chip.addClassName("appointment-chip");
            chip.getStyle().set("display", "inline-block").set("margin", "1px").set("padding", "0 4px")
                    .set("border-radius", "4px").set("font-size", "var(--lumo-font-size-xs)")
                    .set("background", URGENCY_COLOURS.getOrDefault(urgencyOf(a.appointmentId()), "#eee"))
                    .set("border", ("TELECONSULT".equals(a.mode()) ? "1px dashed " : "1px solid ") + "#555");
            cell.add(chip);
        });
        return cell;
    }

    private String[] row(String term, long baselineValue, long solverValue) {
        return new String[] {getTranslation("scheduling.term." + term), String.valueOf(baselineValue),
                String.valueOf(solverValue)};
    }

    private String urgencyOf(String appointmentId) {
        return problem.appointments().stream().filter(a -> a.id().equals(appointmentId)).map(Problem.Appointment::urgency)
                .findFirst().orElse("");
    }

    private String urgencyLabel(String urgency) {
        return urgency.isEmpty() ? "" : getTranslation("urgency." + urgency);
    }

    private static int value(IntegerField field, int fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheduling.title");
    }
}
