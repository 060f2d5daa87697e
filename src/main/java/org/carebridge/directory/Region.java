package org.carebridge.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A county: the unit in which access to care is measured. */
@Entity
public class Region {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private int population;
    private boolean underserved;
    @Version
    private long version;

    protected Region() {
    }

    public Region(String code, String name, int population, boolean underserved) {
        this.code = code;
        this.name = name;
        this.population = population;
        this.underserved = underserved;
    }

    public void update(String code, String name, int population, boolean underserved) {
        this.code = code;
        this.name = name;
        this.population = population;
        this.underserved = underserved;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getPopulation() {
        return population;
    }

    public boolean isUnderserved() {
        return underserved;
    }

    public long getVersion() {
        return version;
    }
}
