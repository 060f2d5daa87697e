package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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
    private String details;

    protected ReferralEvent() {
    }

    ReferralEvent(UUID referralId, Instant at, TimelineType type, String actor, String details) {
        this.referralId = referralId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }

    TimelineEntry toEntry() {
        return new TimelineEntry(at, type, actor, details);
    }
}
