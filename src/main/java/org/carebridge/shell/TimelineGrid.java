package org.carebridge.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.carebridge.shared.TimelineRow;

/**
 * A case's timeline as staff read it: when (in the province's time), the step by its label, who by
 * name, and what the entry says in the reader's language. Narrow screens wrap the text, never scroll.
 */
public class TimelineGrid extends Grid<TimelineRow> {

    /**
     * @param stepLabels the prefix of the step types' labels ({@code referrals.timeline} for
     *                   {@code referrals.timeline.ROUTED})
     */
    public TimelineGrid(String id, String stepLabels, List<? extends TimelineRow> rows, Wordings wordings, Locale locale) {
        setId(id);
        Function<String, String> actors = wordings.actors(rows.stream().map(TimelineRow::actor).toList(), locale);
        addColumn(e -> Formats.dateTime(e.at(), locale)).setHeader(getTranslation("timeline.at")).setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(e -> getTranslation(stepLabels + "." + e.type().name())).setHeader(getTranslation("timeline.step"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> actors.apply(e.actor())).setHeader(getTranslation("timeline.actor")).setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(e -> wordings.say(e.wording(), locale)).setHeader(getTranslation("timeline.details")).setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        setItems(List.copyOf(rows));
        setAllRowsVisible(true);
    }
}
