package org.carebridge.patients.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Assessment.Finding;
import org.carebridge.guidelines.SuspectedCondition;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.ChartConditions;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.StoredAssessment;
import org.carebridge.shell.FindingsGrid;
import org.carebridge.shell.Formats;
import org.carebridge.shell.UrgencyBadge;

/**
 * "Assess": what the clinician suspects and knows (pregnancy, chronic hypercapnic respiratory failure,
 * filled in from the chart), then the guidelines' answer for the latest observations — urgency and
 * specialty first, each score that applies to the patient's group (NEWS2, MEOWS, the paediatric call
 * criteria, IMCI, ...), and every finding in the reader's language. The latest assessment in the
 * record shows on opening.
 */
class AssessmentPanel extends VerticalLayout {

    private final Div result = new Div();
    private final Function<Finding, String> cited;
    private final Function<Finding, String> words;
    private final Function<String, String> who;

    AssessmentPanel(UUID patientId, List<Observation> observations, Optional<StoredAssessment> latest,
            BiFunction<UUID, AssessmentContext, StoredAssessment> assess, Function<Finding, String> cited,
            Function<Finding, String> words, Function<String, String> who) {
        this.cited = cited;
        this.words = words;
        this.who = who;
        setPadding(false);
        CheckboxGroup<SuspectedCondition> suspected = new CheckboxGroup<>(getTranslation("assess.suspected"));
        suspected.setItems(SuspectedCondition.values());
        suspected.setItemLabelGenerator(c -> getTranslation("assess.condition." + c));
        ChartConditions chart = ChartConditions.of(observations, Instant.now());
        Select<Boolean> pregnant = yesNo("observation." + ObservationType.PREGNANCY_STATUS, chart.pregnant());
        pregnant.setId("assess-pregnant");
        Select<Boolean> hypercapnic = yesNo("observation." + ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE,
                chart.hypercapnicRespiratoryFailure());
        Select<Specialty> requested = new Select<>();
        requested.setLabel(getTranslation("assess.requested"));
        requested.setItems(Specialty.values());
        requested.setEmptySelectionAllowed(true);
        requested.setItemLabelGenerator(s -> s == null ? "" : getTranslation("specialty." + s));
        Button run = new Button(getTranslation("assess.run"), click -> show(assess.apply(patientId, new AssessmentContext(
                suspected.getValue(), hypercapnic.getValue(), requested.getValue(), pregnant.getValue()))));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("assess");
        HorizontalLayout form = new HorizontalLayout(suspected, pregnant, hypercapnic, requested, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        result.setId("assessment");
        result.setWidthFull();
        add(new Paragraph(getTranslation("assess.explain")), form, result);
        // the answer already in the record first: the clinician assesses again only when something changed
        latest.ifPresentOrElse(this::show, () -> {
            Paragraph none = new Paragraph(getTranslation("chart.notAssessed"));
            none.setId("assessment-none");
            result.add(none);
        });
    }

    /** Yes, no, or blank (the chart's answer, or not known), filled with the chart's current answer. */
    private Select<Boolean> yesNo(String label, Boolean chart) {
        Select<Boolean> input = new Select<>();
        input.setLabel(getTranslation(label));
        input.setItems(Boolean.TRUE, Boolean.FALSE);
        input.setEmptySelectionAllowed(true);
        input.setItemLabelGenerator(b -> b == null ? "" : getTranslation(b ? "value.yes" : "value.no"));
        input.setValue(chart);
        return input;
    }

    private void show(StoredAssessment stored) {
        Assessment a = stored.result();
        Locale locale = getLocale();
        result.removeAll();
        Span urgency = new UrgencyBadge(a.urgency());
        urgency.setId("urgency");
        H3 headline = new H3();
        headline.add(urgency, new Span(" " + getTranslation("specialty." + a.specialty())));
        result.add(headline);
        result.add(line("NEWS2", a.news2().applicable()
                ? (a.news2().risk() == null ? getTranslation("assess.notRecorded")
                        : a.news2().score() + " · " + getTranslation("risk." + a.news2().risk()))
                        + completeness(a.news2().complete())
                : getTranslation("assess.notApplicable")));
        if (a.meows() != null) {
            Paragraph meows = line("MEOWS", getTranslation(a.meows().triggered() ? "assess.meows.triggered"
                    : "assess.meows.quiet", parameters(a.meows().red()), parameters(a.meows().yellow()))
                    + completeness(a.meows().complete()));
            meows.setId("meows");
            result.add(meows);
        }
        if (a.paediatricTriggers() != null) {
            Paragraph paediatric = line(getTranslation("assess.paediatric",
                    getTranslation("assess.ageBand." + a.paediatricTriggers().ageBand())),
                    (a.paediatricTriggers().triggered()
                            ? getTranslation("assess.paediatric.met", parameters(a.paediatricTriggers().criteria()))
                            : getTranslation("assess.paediatric.none")) + completeness(a.paediatricTriggers().complete()));
            paediatric.setId("paediatric-triggers");
            result.add(paediatric);
        }
        result.add(line("qSOFA", a.qsofa().applicable()
                ? a.qsofa().score() + (a.qsofa().positive() ? " · " + getTranslation("assess.positive") : "")
                        + completeness(a.qsofa().complete())
                : getTranslation("assess.notApplicable")));
        result.add(line("CURB-65", a.curb65().applicable()
                ? a.curb65().score() + " · " + getTranslation("curb65." + a.curb65().risk()) + completeness(a.curb65().complete())
                : getTranslation("assess.notApplicable")));
        result.add(line(getTranslation("assess.bloodPressure"), a.bloodPressure() == null ? getTranslation("assess.notRecorded")
                : getTranslation("bp." + a.bloodPressure().category())));
        result.add(line(getTranslation("assess.glycemia"), a.glycemia() == null ? getTranslation("assess.notRecorded")
                : getTranslation("glycemia." + a.glycemia().status())));
        if (a.imci() != null) {
            result.add(line("IMCI", getTranslation("assess.imci.dangerSign." + a.imci().dangerSign()) + " · "
                    + getTranslation("assess.imci.fastBreathing." + a.imci().fastBreathing())));
        }
        result.add(new FindingsGrid<>("findings", a.findings(), cited, words), new Paragraph(getTranslation("assess.footer", Formats.dateTime(stored.assessedAt(), locale),
                who.apply(stored.assessedBy()), a.rulesetVersion().substring(0, 12))));
    }

    /** The parameters named by their words on the chart ("systolicBp" is "Systolic blood pressure"), or "none". */
    private String parameters(List<String> names) {
        if (names.isEmpty()) {
            return getTranslation("value.none");
        }
        return String.join(", ", names.stream().map(name -> ObservationType.byKey(name)
                .map(type -> getTranslation("observation." + type)).orElse(name)).toList());
    }

    private String completeness(Boolean complete) {
        return Boolean.TRUE.equals(complete) ? "" : " · " + getTranslation("assess.incomplete");
    }

    private static Paragraph line(String label, String value) {
        Paragraph paragraph = new Paragraph(label + ": " + value);
        paragraph.getStyle().set("margin", "0");
        return paragraph;
    }
}
