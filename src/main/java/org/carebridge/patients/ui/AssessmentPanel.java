package org.carebridge.patients.ui;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import org.carebridge.patients.StoredAssessment;
import org.carebridge.shell.Formats;

/**
 * "Assess": what the clinician suspects, then the guidelines' answer for the latest observations —
 * urgency and specialty first, each score, and every finding that explains them.
 */
class AssessmentPanel extends VerticalLayout {

    private final Checkbox infection = new Checkbox();
    private final Checkbox pneumonia = new Checkbox();
    private final Checkbox hypercapnic = new Checkbox();
    private final Select<Specialty> requested = new Select<>();
    private final Div result = new Div();

    AssessmentPanel(UUID patientId, java.util.function.BiFunction<UUID, AssessmentContext, StoredAssessment> assess) {
        setPadding(false);
        infection.setLabel(getTranslation("assess.infection"));
        pneumonia.setLabel(getTranslation("assess.pneumonia"));
        hypercapnic.setLabel(getTranslation("assess.hypercapnic"));
        requested.setLabel(getTranslation("assess.requested"));
        requested.setItems(Specialty.values());
        requested.setEmptySelectionAllowed(true);
        requested.setItemLabelGenerator(s -> s == null ? "" : getTranslation("specialty." + s));
        Button run = new Button(getTranslation("assess.run"), click -> show(assess.apply(patientId, context())));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("assess");
        HorizontalLayout form = new HorizontalLayout(infection, pneumonia, hypercapnic, requested, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        result.setId("assessment");
        result.setWidthFull();
        add(new Paragraph(getTranslation("assess.explain")), form, result);
    }

    private AssessmentContext context() {
        Set<SuspectedCondition> suspected = EnumSet.noneOf(SuspectedCondition.class);
        if (infection.getValue()) {
            suspected.add(SuspectedCondition.INFECTION);
        }
        if (pneumonia.getValue()) {
            suspected.add(SuspectedCondition.PNEUMONIA);
        }
        return new AssessmentContext(suspected, hypercapnic.getValue(), requested.getValue());
    }

    private void show(StoredAssessment stored) {
        Assessment a = stored.result();
        Locale locale = getLocale();
        result.removeAll();
        Span urgency = new Span(getTranslation("urgency." + a.urgency()));
        urgency.getElement().getThemeList().add("badge pill " + switch (a.urgency()) {
            case EMERGENCY -> "error primary";
            case URGENT -> "error";
            case SOON -> "contrast";
            case ROUTINE -> "success";
        });
        urgency.setId("urgency");
        H3 headline = new H3();
        headline.add(urgency, new Span(" " + getTranslation("specialty." + a.specialty())));
        result.add(headline);
        result.add(line("NEWS2", a.news2().applicable()
                ? a.news2().score() + " · " + getTranslation("risk." + a.news2().risk()) + completeness(a.news2().complete())
                : getTranslation("assess.notApplicable", a.news2().reason())));
        result.add(line("qSOFA", a.qsofa().applicable()
                ? a.qsofa().score() + (a.qsofa().positive() ? " · " + getTranslation("assess.positive") : "")
                        + completeness(a.qsofa().complete())
                : getTranslation("assess.notApplicable", a.qsofa().reason())));
        result.add(line("CURB-65", a.curb65().applicable()
                ? a.curb65().score() + " · " + getTranslation("curb65." + a.curb65().risk()) + completeness(a.curb65().complete())
                : getTranslation("assess.notApplicable", a.curb65().reason())));
        result.add(line(getTranslation("assess.bloodPressure"), a.bloodPressure() == null ? "—"
                : getTranslation("bp." + a.bloodPressure().category())));
        result.add(line(getTranslation("assess.glycemia"), a.glycemia() == null ? "—"
                : getTranslation("glycemia." + a.glycemia().status())));
        result.add(line("IMCI", a.imci() == null ? "—"
                : getTranslation(a.imci().dangerSign() ? "assess.dangerSign" : "assess.noDangerSign")));
        Grid<Finding> findings = new Grid<>(Finding.class, false);
        findings.setId("findings");
        findings.addColumn(Finding::guideline).setHeader(getTranslation("assess.guideline")).setAutoWidth(true);
        findings.addColumn(Finding::message).setHeader(getTranslation("assess.finding")).setFlexGrow(1);
        findings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        findings.setItems(a.findings());
        findings.setAllRowsVisible(true);
        result.add(findings, new Paragraph(getTranslation("assess.footer", Formats.dateTime(stored.assessedAt(), locale),
                stored.assessedBy(), a.rulesetVersion().substring(0, 12))));
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
