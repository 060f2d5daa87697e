package org.carebridge.directory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A place where patients are seen, in one region. */
@Entity
public class Facility extends DirectoryEntry {

    private String name;
    @Enumerated(EnumType.STRING)
    private FacilityType type;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JsonIgnore
    private Region region;
    private boolean teleconsultCapable;

    protected Facility() {
    }

    public Facility(String code, String name, FacilityType type, Region region, boolean teleconsultCapable) {
        update(code, name, type, region, teleconsultCapable);
    }

    public void update(String code, String name, FacilityType type, Region region, boolean teleconsultCapable) {
        setCode(code);
        this.name = name;
        this.type = type;
        this.region = region;
        this.teleconsultCapable = teleconsultCapable;
    }

    public String getName() {
        return name;
    }

    public FacilityType getType() {
        return type;
    }

    public Region getRegion() {
        return region;
    }

    public Long getRegionId() {
        return region.getId();
    }

    public String getRegionName() {
        return region.getName();
    }

    public boolean isTeleconsultCapable() {
        return teleconsultCapable;
    }
}
