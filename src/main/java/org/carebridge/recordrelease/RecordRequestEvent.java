package org.carebridge.recordrelease;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A row of a record request's timeline; written once, never changed. */
@Entity
class RecordRequestEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID recordRequestId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private ReleaseEventType type;
    private String actor;
    private String details;

    protected RecordRequestEvent() {
    }

    RecordRequestEvent(UUID recordRequestId, Instant at, ReleaseEventType type, String actor, String details) {
        this.recordRequestId = recordRequestId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }

    ReleaseTimelineEntry toEntry() {
        return new ReleaseTimelineEntry(at, type, actor, details);
    }
}
