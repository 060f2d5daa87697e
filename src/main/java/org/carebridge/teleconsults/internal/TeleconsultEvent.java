package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.carebridge.shared.Wording;
import org.carebridge.teleconsults.TeleconsultEventType;
import org.carebridge.teleconsults.TeleconsultTimelineEntry;

/** A row of a teleconsult's timeline; written once, never changed. */
@Entity
public class TeleconsultEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID teleconsultId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private TeleconsultEventType type;
    private String actor;
    /** Prose, for entries written before timelines were typed. */
    private String details;
    private String wording;

    protected TeleconsultEvent() {
    }

    TeleconsultEvent(UUID teleconsultId, Instant at, TeleconsultEventType type, String actor, Wording wording) {
        this.teleconsultId = teleconsultId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.wording = wording.toJson();
    }

    public TeleconsultTimelineEntry toEntry() {
        return new TeleconsultTimelineEntry(at, type, actor,
                wording == null ? Wording.legacy(details) : Wording.fromJson(wording));
    }
}
