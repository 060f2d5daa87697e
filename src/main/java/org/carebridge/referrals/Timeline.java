package org.carebridge.referrals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** Writes a referral's timeline, in the transaction of the step it records. */
@Component
class Timeline {

    private final ReferralEventRepository events;

    Timeline(ReferralEventRepository events) {
        this.events = events;
    }

    /** The engine's clock, so that timers, due dates and the timeline agree (and tests can move it). */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    void record(UUID referralId, TimelineType type, Wording wording) {
        events.save(new ReferralEvent(referralId, now(), type, CurrentStaff.actor(), wording));
    }

    List<TimelineEntry> of(UUID referralId) {
        return events.findByReferralIdOrderByIdAsc(referralId).stream().map(ReferralEvent::toEntry).toList();
    }
}
