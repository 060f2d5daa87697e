package org.carebridge.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.carebridge.clinical.Sex;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

/** A person in care: demographics, identifiers and the facility where they are registered. */
@Entity
public class Patient {

    @Id
    private UUID id;
    private String familyName;
    private String givenName;
    private String latinName;
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    private String language;
    private Long homeFacilityId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
    @BatchSize(size = 100)
    @OptimisticLock(excluded = true) // every change of the record changes updatedAt, which bumps the version
    private List<PatientIdentifier> identifiers = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    /** Null until the patient is first stored: how Spring Data tells a new patient from a known one. */
    @Version
    private Long version;

    protected Patient() {
    }

    Patient(UUID id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(PatientRequest request, Instant now) {
        this.familyName = request.familyName().strip();
        this.givenName = request.givenName().strip();
        this.latinName = request.latinName() == null || request.latinName().isBlank() ? null : request.latinName().strip();
        this.birthDate = request.birthDate();
        this.sex = request.sex();
        this.language = request.language();
        this.homeFacilityId = request.homeFacilityId();
        this.identifiers.clear();
        this.identifiers.addAll(request.identifiers() == null ? List.of() : request.identifiers());
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    /** The name in Latin letters (pinyin for Chinese names), family name first, when it is known. */
    public String getLatinName() {
        return latinName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** Age in completed years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public Sex getSex() {
        return sex;
    }

    /** BCP 47 tag of the language the patient speaks best, for example {@code zh} or {@code ii}. */
    public String getLanguage() {
        return language;
    }

    public Long getHomeFacilityId() {
        return homeFacilityId;
    }

    public List<PatientIdentifier> getIdentifiers() {
        return List.copyOf(identifiers);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }
}
