package org.carebridge.directory;

import jakarta.persistence.Entity;

/** A county: the unit in which access to care is measured. */
@Entity
public class Region extends DirectoryEntry {

    private String name;
    private int population;
    private boolean underserved;

    protected Region() {
    }

    public Region(String code, String name, int population, boolean underserved) {
        setCode(code);
        this.name = name;
        this.population = population;
        this.underserved = underserved;
    }

    public void update(String code, String name, int population, boolean underserved) {
        setCode(code);
        this.name = name;
        this.population = population;
        this.underserved = underserved;
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
}
