package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultTimelineEntry;
import org.springframework.stereotype.Component;

/** Writes a teleconsult's timeline, in the transaction of the step it records. */
@Component
public class TeleconsultTimeline {

    private final TeleconsultEventRepository events;

    TeleconsultTimeline(TeleconsultEventRepository events) {
        this.events = events;
    }

    /** The engine's clock, so that timers and the timeline agree (and tests can move it). */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public void record(UUID teleconsultId, TeleconsultEventType type, Wording wording) {
        events.save(new TeleconsultEvent(teleconsultId, now(), type, CurrentStaff.actor(), wording));
    }

    public List<TeleconsultTimelineEntry> of(UUID teleconsultId) {
        return events.findByTeleconsultIdOrderByIdAsc(teleconsultId).stream().map(TeleconsultEvent::toEntry).toList();
    }
}
