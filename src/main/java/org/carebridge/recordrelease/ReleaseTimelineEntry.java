package org.carebridge.recordrelease;

import java.time.Instant;

/** One step, actor and decision in a record request's life. */
public record ReleaseTimelineEntry(Instant at, ReleaseEventType type, String actor, String details) {
}
