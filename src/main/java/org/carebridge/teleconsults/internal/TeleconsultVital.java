package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.carebridge.guidelines.Urgency;

/** Observations sent by the requesting side while the consult was open: the "live vitals" of its screen. */
@Entity
public class TeleconsultVital {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID teleconsultId;
    private Instant at;
    private String recordedBy;
    private String observationsJson;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    protected TeleconsultVital() {
    }

    public TeleconsultVital(UUID teleconsultId, Instant at, String recordedBy, String observationsJson, Urgency urgency) {
        this.teleconsultId = teleconsultId;
        this.at = at;
        this.recordedBy = recordedBy;
        this.observationsJson = observationsJson;
        this.urgency = urgency;
    }

    public Instant getAt() {
        return at;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getObservationsJson() {
        return observationsJson;
    }

    public Urgency getUrgency() {
        return urgency;
    }
}
