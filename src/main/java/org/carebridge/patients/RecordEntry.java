package org.carebridge.patients;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entry of one patient's record, whose id is chosen by CareBridge, not the database. Spring Data
 * learns here whether the entry is new; otherwise it would take a new entry with an id for a stored one
 * and read the database before every insert.
 */
@MappedSuperclass
abstract class RecordEntry implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID patientId;
    @Transient
    private boolean stored;

    protected RecordEntry() {
    }

    RecordEntry(UUID id, UUID patientId) {
        this.id = id;
        this.patientId = patientId;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @JsonIgnore
    public UUID getPatientId() {
        return patientId;
    }

    @Override
    @JsonIgnore
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
