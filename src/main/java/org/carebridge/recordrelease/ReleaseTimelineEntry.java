package org.carebridge.recordrelease;

import java.time.Instant;

import org.carebridge.shared.TimelineRow;
import org.carebridge.shared.Wording;

/** One step, actor and decision in a record request's life. */
public record ReleaseTimelineEntry(Instant at, ReleaseEventType type, String actor, Wording wording) implements TimelineRow {
}
