package org.carebridge.teleconsults;

import java.time.Instant;

import org.carebridge.shared.TimelineRow;
import org.carebridge.shared.Wording;

/** One step, decision, reminder or escalation in a teleconsult's life. */
public record TeleconsultTimelineEntry(Instant at, TeleconsultEventType type, String actor, Wording wording)
        implements TimelineRow {
}
