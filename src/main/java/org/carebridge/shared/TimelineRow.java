package org.carebridge.shared;

import java.time.Instant;

/** One entry of a case's timeline, whatever the case: when, what kind of step, who, and what it says. */
public interface TimelineRow {

    Instant at();

    Enum<?> type();

    /** The user name of whoever took the step ({@code system} for CareBridge itself). */
    String actor();

    Wording wording();
}
