package org.carebridge.patients;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A clinical note on an encounter; notes are added, never edited. */
@Entity
public class EncounterNote {

    @Id
    private UUID id;
    private String author;
    private Instant writtenAt;
    private String text;

    protected EncounterNote() {
    }

    EncounterNote(UUID id, String author, Instant writtenAt, String text) {
        this.id = id;
        this.author = author;
        this.writtenAt = writtenAt;
        this.text = text;
    }

    public UUID getId() {
        return id;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getText() {
        return text;
    }
}
