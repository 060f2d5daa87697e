package org.carebridge.patients;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entry of the record whose id is chosen by CareBridge, not the database. Without this, Spring Data
 * would take a new entry with an id for a stored one and read the database before every insert.
 */
@MappedSuperclass
abstract class RecordEntry implements Persistable<UUID> {

    @Transient
    private boolean stored;

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
