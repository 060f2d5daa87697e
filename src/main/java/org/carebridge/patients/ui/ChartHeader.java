package org.carebridge.patients.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import org.carebridge.guidelines.Assessment;
import org.carebridge.patients.ChartConditions;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.OpenCase;
import org.carebridge.patients.StoredAssessment;
import org.carebridge.shell.Formats;
import org.carebridge.shell.UrgencyBadge;

/**
 * The top of the chart, how the patient is in ten seconds: the latest triage (urgency, specialty, the
 * score that applies and its band, when and by whom), the conditions that change how values are read
 * (pregnancy, chronic hypercapnic respiratory failure), and the cases still running about the patient.
 * CareBridge records no allergies, so none are shown rather than an empty "no known allergies".
 */
class ChartHeader extends Div {

    private final Div triage = new Div();
    private final Function<String, String> who;

    ChartHeader(Optional<StoredAssessment> latest, List<Observation> observations, List<OpenCase> openCases,
            Function<String, String> who) {
        this.who = who;
        setId("chart-header");
        setWidthFull();
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box");
        triage.setId("chart-triage");
        add(triage, alerts(observations), openCases(openCases));
        showAssessment(latest);
    }

    /** Shows an assessment as the latest: on opening, and when the clinician assesses again. */
    void showAssessment(Optional<StoredAssessment> latest) {
        triage.removeAll();
        if (latest.isEmpty()) {
            Span none = new Span(getTranslation("chart.notAssessed"));
            none.setId("chart-not-assessed");
            none.getElement().getThemeList().add("badge contrast");
            triage.add(none);
            return;
        }
        StoredAssessment stored = latest.get();
        Assessment a = stored.result();
        Locale locale = getLocale();
        FlexLayout line = row();
        Span urgency = new UrgencyBadge(a.urgency());
        urgency.setId("chart-urgency");
        Span specialty = new Span(getTranslation("specialty." + a.specialty()));
        specialty.setId("chart-specialty");
        specialty.getStyle().set("font-weight", "600");
        Span score = score(a);
        score.setId("chart-score");
        Span when = new Span(getTranslation("chart.assessedAt", Formats.dateTime(stored.assessedAt(), locale),
                who.apply(stored.assessedBy())));
        when.setId("chart-assessed-at");
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        line.add(urgency, specialty, score, when);
        triage.add(line);
    }


    /** The score the assessment applied to the patient's group, with its band; the first that applies. */
    private Span score(Assessment a) {
        String text;
        Flowsheet.Band band;
        Boolean complete = null;
        if (a.news2() != null && a.news2().applicable() && a.news2().risk() != null) {
            text = getTranslation("chart.score.news2", a.news2().score(), getTranslation("risk." + a.news2().risk()));
            band = switch (a.news2().risk()) {
                case HIGH -> Flowsheet.Band.RED;
                case MEDIUM, LOW_MEDIUM -> Flowsheet.Band.AMBER;
                case LOW -> Flowsheet.Band.NORMAL;
            };
            complete = a.news2().complete();
        } else if (a.meows() != null) {
            text = getTranslation(a.meows().triggered() ? "chart.score.meows.triggered" : "chart.score.meows.quiet");
            band = a.meows().triggered() ? Flowsheet.Band.RED : Flowsheet.Band.NORMAL;
            complete = a.meows().complete();
        } else if (a.paediatricTriggers() != null) {
            text = getTranslation(a.paediatricTriggers().triggered() ? "chart.score.paediatric.met"
                    : "chart.score.paediatric.none");
            band = a.paediatricTriggers().triggered() ? Flowsheet.Band.RED : Flowsheet.Band.NORMAL;
            complete = a.paediatricTriggers().complete();
        } else if (a.imci() != null) {
            text = getTranslation("chart.score.imci", getTranslation("assess.imci.dangerSign." + a.imci().dangerSign())
                    + " · " + getTranslation("assess.imci.fastBreathing." + a.imci().fastBreathing()));
            band = Boolean.TRUE.equals(a.imci().dangerSign()) ? Flowsheet.Band.RED
                    : Boolean.TRUE.equals(a.imci().fastBreathing()) ? Flowsheet.Band.YELLOW : Flowsheet.Band.UNSCORED;
        } else {
            text = getTranslation("chart.score.none");
            band = Flowsheet.Band.UNSCORED;
        }
        if (Boolean.FALSE.equals(complete)) {
            text += " · " + getTranslation("chart.incomplete");
        }
        Span score = new Span(text);
        FlowsheetTable.colour(score, band);
        score.getStyle().set("padding", "0 var(--lumo-space-xs)").set("border-radius", "var(--lumo-border-radius-s)");
        return score;
    }

    /** Pregnancy (with the day it was recorded) and chronic hypercapnic respiratory failure, when the chart says so now. */
    private Div alerts(List<Observation> observations) {
        Div alerts = new Div();
        alerts.setId("chart-alerts");
        ChartConditions now = ChartConditions.of(observations, Instant.now());
        FlexLayout line = row();
        if (Boolean.TRUE.equals(now.pregnant())) {
            Instant recorded = observations.stream().filter(o -> o.getType() == ObservationType.PREGNANCY_STATUS)
                    .max(Comparator.comparing(Observation::getEffectiveAt)).orElseThrow().getEffectiveAt();
            Span pregnant = new Span(getTranslation("chart.alert.pregnant", Formats.shortDate(recorded, getLocale())));
            pregnant.setId("chart-pregnant");
            pregnant.getElement().getThemeList().add("badge error");
            line.add(pregnant);
        }
        if (Boolean.TRUE.equals(now.hypercapnicRespiratoryFailure())) {
            Span hypercapnic = new Span(getTranslation("chart.alert.hypercapnic"));
            hypercapnic.setId("chart-hypercapnic");
            hypercapnic.getElement().getThemeList().add("badge error");
            line.add(hypercapnic);
        }
        if (line.getComponentCount() > 0) {
            alerts.add(line);
        }
        return alerts;
    }

    private Div openCases(List<OpenCase> cases) {
        Div section = new Div();
        section.setId("open-cases");
        if (cases.isEmpty()) {
            Span none = new Span(getTranslation("chart.noOpenCases"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            section.add(none);
            return section;
        }
        Span title = new Span(getTranslation("chart.openCases"));
        title.getStyle().set("font-weight", "600");
        UnorderedList list = new UnorderedList();
        list.getStyle().set("margin", "0").set("padding-left", "var(--lumo-space-l)");
        for (OpenCase c : cases) {
            String text = getTranslation("chart.openCase", getTranslation(c.kindLabelKey()),
                    getTranslation(c.stepLabelKey()), c.since() == null ? "" : Formats.dateTime(c.since(), getLocale()));
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-case", c.id().toString());
            if (c.route() != null) {
                item.add(new Anchor(c.route(), text));
            } else {
                item.add(new Span(text));
            }
            list.add(item);
        }
        section.add(title, list);
        return section;
    }

    private static FlexLayout row() {
        FlexLayout line = new FlexLayout();
        line.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.getStyle().set("gap", "var(--lumo-space-s)").set("margin", "var(--lumo-space-xs) 0");
        return line;
    }
}
