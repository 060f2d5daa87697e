package org.carebridge.shell;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * An assessment's findings as a clinician reads them: what each says, in their language, under the
 * guideline it cites — one column, so that it wraps on a phone instead of scrolling sideways. (The
 * findings' type stays the caller's: the shell sits below the guidelines.)
 */
public class FindingsGrid<F> extends Grid<F> {

    /**
     * @param cited the guideline a finding cites, in the reader's language
     * @param says  what the finding says, in the reader's language
     */
    public FindingsGrid(String id, List<F> findings, Function<F, String> cited, Function<F, String> says) {
        setId(id);
        addColumn(new ComponentRenderer<>(finding -> {
            Div guideline = new Div(cited.apply(finding));
            guideline.addClassName("finding-guideline");
            guideline.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
            Div said = new Div(says.apply(finding));
            said.addClassName("finding-message");
            return new Div(guideline, said);
        })).setHeader(getTranslation("assess.finding"));
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setItems(findings);
        setAllRowsVisible(true);
    }
}
