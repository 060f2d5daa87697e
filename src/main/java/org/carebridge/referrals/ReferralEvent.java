package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.carebridge.shared.Wording;

/** A row of a referral's timeline; written once, never changed. */
@Entity
class ReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID referralId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private TimelineType type;
    private String actor;
    /** Prose, for entries written before timelines were typed. */
    private String details;
    private String wording;

    protected ReferralEvent() {
    }

    ReferralEvent(UUID referralId, Instant at, TimelineType type, String actor, Wording wording) {
        this.referralId = referralId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.wording = wording.toJson();
    }

    TimelineEntry toEntry() {
        return new TimelineEntry(at, type, actor, wording == null ? Wording.legacy(details) : Wording.fromJson(wording));
    }
}
