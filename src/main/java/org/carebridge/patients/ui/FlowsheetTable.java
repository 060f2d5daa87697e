package org.carebridge.patients.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.ui.Flowsheet.Band;
import org.carebridge.patients.ui.Flowsheet.Cell;
import org.carebridge.patients.ui.Flowsheet.Column;
import org.carebridge.shell.Formats;

/**
 * The flowsheet on screen: a plain table, times across (newest on the left, so a phone shows the
 * present without scrolling), parameters down with their units, each value coloured by its band and
 * carrying it in {@code data-band}; the parameter column stays in view when the table scrolls sideways.
 */
class FlowsheetTable extends Div {

    FlowsheetTable(List<Column> columns, Locale locale, Function<String, String> who) {
        setId("flowsheet");
        setWidthFull();
        if (columns.isEmpty()) {
            add(new Paragraph(getTranslation("chart.flowsheet.none")));
            return;
        }
        Div scroller = new Div();
        scroller.getStyle().set("overflow-x", "auto").set("max-width", "100%");
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "nowrap");
        Element head = new Element("tr");
        head.appendChild(header(getTranslation("chart.flowsheet.parameter"), true));
        for (Column column : columns) {
            head.appendChild(header(Formats.shortDateTime(column.at(), locale), false));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (ObservationType type : Flowsheet.ROWS) {
            if (columns.stream().noneMatch(c -> c.cells().containsKey(type))) {
                continue;
            }
            Element row = new Element("tr");
            row.setAttribute("data-parameter", type.key());
            String unit = ObservationLabels.unit(type.unit());
            Element name = header(getTranslation("observation." + type) + (unit.isEmpty() ? "" : " (" + unit + ")"), true);
            row.appendChild(name);
            for (Column column : columns) {
                row.appendChild(cell(column.cells().get(type), locale, who));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        scroller.getElement().appendChild(table);
        Paragraph legend = new Paragraph(getTranslation("chart.flowsheet.legend"));
        legend.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin", "var(--lumo-space-xs) 0");
        add(scroller, legend);
    }

    private Element header(String text, boolean parameter) {
        Element th = new Element("th");
        th.setText(text);
        th.getStyle().set("text-align", "left").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-20pct)").set("font-weight", "600");
        if (parameter) {
            th.setAttribute("scope", "row");
            th.getStyle().set("position", "sticky").set("left", "0").set("background", "var(--lumo-base-color)");
        }
        return th;
    }

    /** A value in its band's colour, the band named for screen readers; not recorded: empty and uncoloured. */
    private Element cell(Cell cell, Locale locale, Function<String, String> who) {
        Element td = new Element("td");
        td.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        if (cell == null) {
            return td;
        }
        td.setText(cell.observation().getType().kind() == ObservationType.ValueKind.NUMBER
                ? Formats.number(cell.observation().getNumber(), locale) // the unit is the row's
                : ObservationLabels.value(cell.observation(), locale, this::getTranslation));
        td.setAttribute("data-band", cell.band().attribute());
        td.setAttribute("title", getTranslation("chart.band." + cell.band()) + " · "
                + who.apply(cell.observation().getRecordedBy()));
        colour(td.getStyle(), cell.band());
        return td;
    }

    static void colour(HasStyle component, Band band) {
        component.getElement().setAttribute("data-band", band.attribute());
        colour(component.getStyle(), band);
    }

    private static void colour(com.vaadin.flow.dom.Style style, Band band) {
        switch (band) {
            case RED -> style.set("background", "var(--lumo-error-color)").set("color", "var(--lumo-error-contrast-color)")
                    .set("font-weight", "600");
            case AMBER -> style.set("background", "#f5a623").set("color", "#1a1a1a").set("font-weight", "600");
            case YELLOW -> style.set("background", "#ffe066").set("color", "#1a1a1a");
            case NORMAL, UNSCORED -> {
            }
        }
    }
}
