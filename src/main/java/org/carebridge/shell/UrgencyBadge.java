package org.carebridge.shell;

import com.vaadin.flow.component.html.Span;

/**
 * A triage urgency as a coloured pill, emergencies loudest, the same on every screen (the board, the
 * inbox, the chart). It takes the urgency's name: the shell sits below the guidelines that define it.
 */
public class UrgencyBadge extends Span {

    public UrgencyBadge(String urgency) {
        if (urgency == null) {
            return;
        }
        setText(getTranslation("urgency." + urgency));
        getElement().getThemeList().add("badge pill " + switch (urgency) {
            case "EMERGENCY" -> "error primary";
            case "URGENT" -> "error";
            case "SOON" -> "contrast";
            default -> "success";
        });
    }

    public UrgencyBadge(Enum<?> urgency) {
        this(urgency == null ? null : urgency.name());
    }
}
