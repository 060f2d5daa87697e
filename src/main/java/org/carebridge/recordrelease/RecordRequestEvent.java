package org.carebridge.recordrelease;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.carebridge.shared.Wording;

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
    /** Prose, for entries written before timelines were typed. */
    private String details;
    private String wording;

    protected RecordRequestEvent() {
    }

    RecordRequestEvent(UUID recordRequestId, Instant at, ReleaseEventType type, String actor, Wording wording) {
        this.recordRequestId = recordRequestId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.wording = wording.toJson();
    }

    ReleaseTimelineEntry toEntry() {
        return new ReleaseTimelineEntry(at, type, actor, wording == null ? Wording.legacy(details) : Wording.fromJson(wording));
    }
}
