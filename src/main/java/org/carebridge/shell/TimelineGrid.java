package org.carebridge.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;
import org.carebridge.shared.TimelineRow;

/**
 * A case's timeline as staff read it: when (in their zone), the step by its label, who by name, and
 * what the entry says in the reader's language. On a phone the four columns become one card per entry,
 * so that nothing scrolls sideways.
 */
public class TimelineGrid extends Grid<TimelineRow> {

    /** Narrower than this (CSS pixels), the columns do not fit side by side. */
    static final int NARROW_WIDTH = 600;

    private final List<Column<TimelineRow>> wideColumns;
    private final Column<TimelineRow> cardColumn;
    private Registration resizing;

    /**
     * @param stepLabels the prefix of the step types' labels ({@code referrals.timeline} for
     *                   {@code referrals.timeline.ROUTED})
     */
    public TimelineGrid(String id, String stepLabels, List<? extends TimelineRow> rows, Wordings wordings, Locale locale) {
        setId(id);
        Function<String, String> actors = wordings.actors(rows.stream().map(TimelineRow::actor).toList(), locale);
        Function<TimelineRow, String> step = e -> getTranslation(stepLabels + "." + e.type().name());
        wideColumns = List.of(
                addColumn(e -> Formats.dateTime(e.at(), locale)).setHeader(getTranslation("timeline.at"))
                        .setAutoWidth(true).setFlexGrow(0),
                addColumn(step::apply).setHeader(getTranslation("timeline.step")).setAutoWidth(true).setFlexGrow(0),
                addColumn(e -> actors.apply(e.actor())).setHeader(getTranslation("timeline.actor")).setAutoWidth(true)
                        .setFlexGrow(0),
                addColumn(e -> wordings.say(e.wording(), locale)).setHeader(getTranslation("timeline.details"))
                        .setFlexGrow(1));
        cardColumn = addColumn(new ComponentRenderer<>(e -> {
            Div when = new Div(Formats.dateTime(e.at(), locale) + " · " + step.apply(e) + " · " + actors.apply(e.actor()));
            when.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
            return new Div(when, new Div(wordings.say(e.wording(), locale)));
        })).setHeader(getTranslation("timeline.details"));
        cardColumn.setVisible(false);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        setItems(List.copyOf(rows));
        setAllRowsVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().getPage().executeJs("return window.innerWidth").then(Integer.class, this::fitTo);
        resizing = attach.getUI().getPage().addBrowserWindowResizeListener(resize -> fitTo(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        super.onDetach(detach);
        if (resizing != null) {
            resizing.remove();
        }
    }

    private void fitTo(int windowWidth) {
        boolean narrow = windowWidth < NARROW_WIDTH;
        wideColumns.forEach(column -> column.setVisible(!narrow));
        cardColumn.setVisible(narrow);
    }
}
