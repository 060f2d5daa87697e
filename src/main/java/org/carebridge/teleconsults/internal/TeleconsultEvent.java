package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
    private String details;

    protected TeleconsultEvent() {
    }

    TeleconsultEvent(UUID teleconsultId, Instant at, TeleconsultEventType type, String actor, String details) {
        this.teleconsultId = teleconsultId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.details = details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }

    public TeleconsultTimelineEntry toEntry() {
        return new TeleconsultTimelineEntry(at, type, actor, details);
    }
}
