package org.carebridge.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;

/** A doctor: what they can treat, which languages they speak, where and when they work. */
@Entity
public class Practitioner extends DirectoryEntry {

    private String familyName;
    private String givenName;
    private String latinName;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "home_facility_id")
    @JsonIgnore
    private Facility homeFacility;
    private boolean teleconsultCapable;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practitioner_specialty", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "specialty")
    @Enumerated(EnumType.STRING)
    private Set<Specialty> specialties = new LinkedHashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practitioner_language", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "language")
    private Set<String> languages = new LinkedHashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practitioner_availability", joinColumns = @JoinColumn(name = "practitioner_id"))
    @OrderBy("dayOfWeek, start")
    private List<WeeklyAvailability> availability = new ArrayList<>();

    protected Practitioner() {
    }

    public Practitioner(String code, String familyName, String givenName, String latinName, Facility homeFacility,
            boolean teleconsultCapable, Set<Specialty> specialties, Set<String> languages) {
        update(code, familyName, givenName, latinName, homeFacility, teleconsultCapable, specialties, languages);
    }

    public void update(String code, String familyName, String givenName, String latinName, Facility homeFacility,
            boolean teleconsultCapable, Set<Specialty> specialties, Set<String> languages) {
        setCode(code);
        this.familyName = familyName;
        this.givenName = givenName;
        this.latinName = latinName;
        this.homeFacility = homeFacility;
        this.teleconsultCapable = teleconsultCapable;
        this.specialties.clear();
        this.specialties.addAll(specialties);
        this.languages.clear();
        this.languages.addAll(languages);
    }

    public void replaceAvailability(List<WeeklyAvailability> weeklyHours) {
        availability.clear();
        availability.addAll(weeklyHours);
    }

    /** Whether the practitioner works through the whole span from {@code start} to {@code end}. */
    public boolean worksThrough(java.time.Instant start, java.time.Instant end) {
        return getAvailability().stream().anyMatch(hours -> hours.covers(start, end));
    }

    public boolean hasSpecialty(Specialty specialty) {
        return specialties.contains(specialty);
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getLatinName() {
        return latinName;
    }

    public Facility getHomeFacility() {
        return homeFacility;
    }

    public Long getHomeFacilityId() {
        return homeFacility.getId();
    }

    public boolean isTeleconsultCapable() {
        return teleconsultCapable;
    }

    public Set<Specialty> getSpecialties() {
        return specialties.isEmpty() ? Set.of() : EnumSet.copyOf(specialties);
    }

    public Set<String> getLanguages() {
        return Set.copyOf(languages);
    }

    public List<WeeklyAvailability> getAvailability() {
        return List.copyOf(availability);
    }
}
