package org.carebridge.teleconsults;

import java.time.Instant;

/** One step, decision, reminder or escalation in a teleconsult's life. */
public record TeleconsultTimelineEntry(Instant at, TeleconsultEventType type, String actor, String details) {
}
