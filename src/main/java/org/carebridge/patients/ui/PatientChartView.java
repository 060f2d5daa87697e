package org.carebridge.patients.ui;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.patients.ChartAction;
import org.carebridge.patients.Consent;
import org.carebridge.patients.Encounter;
import org.carebridge.patients.EncounterNote;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientAssessments;
import org.carebridge.patients.PatientConsents;
import org.carebridge.patients.PatientOpenCases;
import org.carebridge.patients.PatientRecords;
import org.carebridge.patients.StoredAssessment;
import org.carebridge.shell.Formats;
import org.carebridge.shell.LineChart;
import org.carebridge.shell.MainLayout;
import org.carebridge.shell.RecordRoute;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One patient's chart: who they are and how they are now (the latest triage, alerts, open cases, the
 * vital signs flowsheet), then what was measured and how it moved, and every encounter.
 */
@Route(value = "patients/:id", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "RECORDS_OFFICER"})
public class PatientChartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PatientRecords records;
    private final PatientAssessments assessments;
    private final PatientConsents consents;
    private final Directory directory;
    private final List<ChartAction> actions;
    private final Guidelines guidelines;
    private final PatientOpenCases openCases;
    private final StaffAccounts staff;
    private String title = "";

    public PatientChartView(PatientRecords records, PatientAssessments assessments, PatientConsents consents,
            Directory directory, ObjectProvider<ChartAction> actions, Guidelines guidelines, PatientOpenCases openCases,
            StaffAccounts staff) {
        this.records = records;
        this.guidelines = guidelines;
        this.openCases = openCases;
        this.staff = staff;
        this.assessments = assessments;
        this.consents = consents;
        this.directory = directory;
        this.actions = actions.orderedStream().toList();
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RecordRoute.open(event, this, "chart.notYours", id -> show(records.patient(id), records.observationHistory(id), records.encounters(id)));
    }

    private void show(Patient patient, List<Observation> observations, List<Encounter> encounters) {
        Locale locale = getLocale();
        Facility home = directory.facility(patient.getHomeFacilityId());
        title = Formats.personName(patient.getFamilyName(), patient.getGivenName(), patient.getLatinName(), locale);
        LocalDate today = LocalDate.now(Formats.ZONE);
        int age = patient.ageOn(today);

        Div demographics = new Div();
        demographics.setId("demographics");
        demographics.add(new Paragraph(String.join(" · ",
                getTranslation("sex." + patient.getSex()),
                ageText(patient.getBirthDate(), today),
                getTranslation("chart.born", Formats.date(patient.getBirthDate(), locale)),
                getTranslation("chart.speaks", Formats.language(patient.getLanguage(), locale)),
                home.getName() + " (" + home.getRegionName() + ")")));
        demographics.add(new Paragraph(patient.getIdentifiers().stream()
                .map(i -> getTranslation("identifier." + i.system()) + ": " + i.value())
                .collect(Collectors.joining(" · "))));

        Function<String, String> who = recorders(observations);
        Optional<StoredAssessment> latest = assessments.latest(patient.getId());
        ChartHeader header = new ChartHeader(latest, observations, openCases.of(patient.getId()), who);
        H3 vitalSigns = new H3(getTranslation("chart.flowsheet"));
        vitalSigns.getStyle().set("margin", "var(--lumo-space-s) 0 0");
        FlowsheetTable flowsheet = new FlowsheetTable(Flowsheet.of(observations, patient.getBirthDate(),
                this::bandsOf), locale, who);

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("chart.observations", observations.size()), observationGrid(observations, locale, who));
        tabs.add(getTranslation("chart.trends"), trends(observations, age, locale));
        tabs.add(getTranslation("chart.encounters", encounters.size()), encounterList(encounters, locale));
        List<Consent> consented = consents.consents(patient.getId());
        tabs.add(getTranslation("consents.tab", consented.size()), new ConsentPanel(patient.getId(), consented, consents,
                directory, CurrentStaff.get().hasAnyRole(Role.COORDINATOR)));
        if (CurrentStaff.get().hasAnyRole(Role.COORDINATOR, Role.DOCTOR)) {
            tabs.add(getTranslation("chart.assess"), new AssessmentPanel(patient.getId(), observations, latest,
                    (id, context) -> {
                        StoredAssessment stored = assessments.assessLatest(id, context);
                        header.showAssessment(Optional.of(stored));
                        return stored;
                    }, finding -> guidelines.guideline(finding, locale), finding -> guidelines.message(finding, locale), who));
        }
        HorizontalLayout actionBar = new HorizontalLayout();
        actionBar.setId("chart-actions");
        actions.forEach(action -> action.on(patient, observations).ifPresent(actionBar::add));
        add(demographics, header);
        if (actionBar.getComponentCount() > 0) {
            add(actionBar);
        }
        add(vitalSigns, flowsheet, tabs);
    }

    /**
     * Who recorded or assessed, as a person (王医生); "imported" for the import and for any name
     * without an account, rather than a user name nobody knows.
     */
    private Function<String, String> recorders(List<Observation> observations) {
        Set<String> usernames = new HashSet<>();
        observations.forEach(o -> usernames.add(o.getRecordedBy()));
        usernames.remove(null);
        Map<String, String> names = new HashMap<>(staff.displayNames(usernames));
        String imported = getTranslation("chart.imported");
        return username -> {
            if (username != null && !names.containsKey(username)) {
                // an assessor who recorded nothing in the chart
                names.putAll(staff.displayNames(Set.of(username)));
            }
            String name = username == null ? null : names.get(username);
            return name == null || name.isBlank() ? imported : name;
        };
    }

    /** The guidelines' answer for one round of the flowsheet; none when they refuse its values. */
    private Assessment bandsOf(AssessmentRequest round) {
        try {
            return guidelines.assess(round);
        } catch (ConstraintViolationException refused) {
            return null; // a diastolic typed above the systolic, say: shown, but not banded
        }
    }

    private Grid<Observation> observationGrid(List<Observation> observations, Locale locale,
            Function<String, String> who) {
        Grid<Observation> grid = new Grid<>(Observation.class, false);
        grid.setId("observation-grid");
        grid.addColumn(o -> Formats.dateTime(o.getEffectiveAt(), locale)).setHeader(getTranslation("observation.time"))
                .setComparator(Comparator.comparing(Observation::getEffectiveAt)).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("observation." + o.getType())).setHeader(getTranslation("observation.type"))
                .setAutoWidth(true);
        grid.addColumn(o -> ObservationLabels.value(o, locale, this::getTranslation))
                .setHeader(getTranslation("observation.value")).setAutoWidth(true);
        grid.addColumn(Observation::getCode).setHeader(getTranslation("observation.code")).setAutoWidth(true);
        grid.addColumn(o -> who.apply(o.getRecordedBy())).setHeader(getTranslation("observation.recordedBy"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        List<Observation> newestFirst = new java.util.ArrayList<>(observations);
        java.util.Collections.reverse(newestFirst);
        grid.setItems(newestFirst);
        grid.setAllRowsVisible(observations.size() <= 30);
        grid.setHeight(observations.size() <= 30 ? null : "32em");
        return grid;
    }

    private VerticalLayout trends(List<Observation> observations, int age, Locale locale) {
        Map<ObservationType, List<Observation>> byType = observations.stream()
                .filter(o -> o.getNumber() != null)
                .collect(Collectors.groupingBy(Observation::getType));
        Select<TrendChoice> choice = new Select<>();
        choice.setItems(TrendChoice.values());
        choice.setItemLabelGenerator(c -> getTranslation("trend." + c));
        choice.setLabel(getTranslation("chart.trend"));
        Div chart = new Div();
        chart.setId("trend-chart");
        chart.setWidthFull();
        choice.addValueChangeListener(change -> {
            TrendChoice trend = change.getValue();
            LineChart line = new LineChart(getTranslation("trend." + trend), locale)
                    .emptyText(getTranslation("chart.noData"));
            for (int i = 0; i < trend.types.size(); i++) {
                ObservationType type = trend.types.get(i);
                line.series(getTranslation("observation." + type) + " (" + ObservationLabels.unit(type.unit()) + ")",
                        TrendChoice.COLORS.get(i), byType.getOrDefault(type, List.of()).stream()
                                .map(o -> new LineChart.Point(o.getEffectiveAt(), o.getNumber().doubleValue()))
                                .toList());
            }
            if (trend.normalLow != null && trend.normalHigh != null && age >= 16) {
                line.normalRange(trend.normalLow, trend.normalHigh);
            }
            chart.removeAll();
            chart.add(new Html("<div>" + line.toSvg(760, 280) + "</div>"));
        });
        choice.setValue(TrendChoice.BLOOD_PRESSURE);
        return new VerticalLayout(choice, chart);
    }

    private VerticalLayout encounterList(List<Encounter> encounters, Locale locale) {
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("encounters");
        if (encounters.isEmpty()) {
            list.add(new Paragraph(getTranslation("chart.noEncounters")));
        }
        Map<Long, Facility> facilities = directory.facilitiesById();
        for (Encounter encounter : encounters) {
            String summary = String.join(" · ", Formats.dateTime(encounter.getStartedAt(), locale),
                    getTranslation("encounter." + encounter.getType()),
                    facilities.get(encounter.getFacilityId()).getName(),
                    encounter.getReason() == null ? "" : encounter.getReason());
            VerticalLayout content = new VerticalLayout();
            content.setPadding(false);
            if (encounter.getPractitionerId() != null) {
                var practitioner = directory.practitioner(encounter.getPractitionerId());
                content.add(new Span(getTranslation("encounter.practitioner", Formats.personName(
                        practitioner.getFamilyName(), practitioner.getGivenName(), practitioner.getLatinName(), locale))));
            }
            for (EncounterNote note : encounter.getNotes()) {
                Div noteView = new Div(new H3(Formats.dateTime(note.getWrittenAt(), locale) + " · " + note.getAuthor()),
                        new Paragraph(note.getText()));
                noteView.getStyle().set("font-size", "var(--lumo-font-size-s)");
                content.add(noteView);
            }
            list.add(new Details(summary, content));
        }
        return list;
    }

    /** Adults in years; small children in months and newborns in days, as paediatricians count. */
    private String ageText(LocalDate born, LocalDate today) {
        java.time.Period age = java.time.Period.between(born, today);
        if (age.getYears() >= 2) {
            return getTranslation("chart.age", age.getYears());
        }
        return age.toTotalMonths() >= 1 ? getTranslation("chart.ageMonths", age.toTotalMonths())
                : getTranslation("chart.ageDays", java.time.temporal.ChronoUnit.DAYS.between(born, today));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
