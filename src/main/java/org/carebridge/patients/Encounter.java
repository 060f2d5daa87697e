package org.carebridge.patients;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.BatchSize;

/** A contact between a patient and the care network, with the notes written about it. */
@Entity
public class Encounter extends RecordEntry {

    private Long facilityId;
    private Long practitionerId;
    @Enumerated(EnumType.STRING)
    private EncounterType type;
    private String reason;
    private Instant startedAt;
    private Instant endedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "encounter_id", nullable = false)
    @OrderBy("writtenAt")
    @BatchSize(size = 50)
    private List<EncounterNote> notes = new ArrayList<>();

    protected Encounter() {
    }

    Encounter(UUID id, UUID patientId, EncounterRequest request) {
        super(id, patientId);
        this.facilityId = request.facilityId();
        this.practitionerId = request.practitionerId();
        this.type = request.type();
        this.reason = request.reason();
        this.startedAt = request.startedAt();
        this.endedAt = request.endedAt();
    }

    EncounterNote addNote(String author, String text, Instant now) {
        EncounterNote note = new EncounterNote(UUID.randomUUID(), author, now, text);
        notes.add(note);
        return note;
    }

    public Long getFacilityId() {
        return facilityId;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public EncounterType getType() {
        return type;
    }

    public String getReason() {
        return reason;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public List<EncounterNote> getNotes() {
        return List.copyOf(notes);
    }
}
