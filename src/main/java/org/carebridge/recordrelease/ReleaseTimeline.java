package org.carebridge.recordrelease;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** Writes a record request's timeline, in the transaction of the step it records. */
@Component
class ReleaseTimeline {

    private final RecordRequestEventRepository events;

    ReleaseTimeline(RecordRequestEventRepository events) {
        this.events = events;
    }

    /** The engine's clock, so that the expiry timer, the timeline and consent validity agree (and tests can move it). */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The day in the province, for the validity of consents. */
    static LocalDate today() {
        return LocalDate.ofInstant(now(), WeeklyAvailability.ZONE);
    }

    void record(UUID recordRequestId, ReleaseEventType type, Wording wording) {
        events.save(new RecordRequestEvent(recordRequestId, now(), type, CurrentStaff.actor(), wording));
    }

    List<ReleaseTimelineEntry> of(UUID recordRequestId) {
        return events.findByRecordRequestIdOrderByIdAsc(recordRequestId).stream().map(RecordRequestEvent::toEntry).toList();
    }
}
