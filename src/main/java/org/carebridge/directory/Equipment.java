package org.carebridge.directory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A piece of diagnostic equipment, kept at a facility; a mobile one can be moved to where it is needed. */
@Entity
public class Equipment extends DirectoryEntry {

    private String name;
    @Enumerated(EnumType.STRING)
    private EquipmentType type;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JsonIgnore
    private Facility facility;
    private boolean mobile;

    protected Equipment() {
    }

    public Equipment(String code, String name, EquipmentType type, Facility facility, boolean mobile) {
        update(code, name, type, facility, mobile);
    }

    public void update(String code, String name, EquipmentType type, Facility facility, boolean mobile) {
        setCode(code);
        this.name = name;
        this.type = type;
        this.facility = facility;
        this.mobile = mobile;
    }

    public String getName() {
        return name;
    }

    public EquipmentType getType() {
        return type;
    }

    public Long getFacilityId() {
        return facility.getId();
    }

    public boolean isMobile() {
        return mobile;
    }
}
