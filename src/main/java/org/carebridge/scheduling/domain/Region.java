package org.carebridge.scheduling.domain;

/** A county, with its road travel times to every other county of the problem. */
public final class Region {

    private final String id;
    private final String name;
    private final boolean underserved;
    private final int index;
    private int[] travelTo = new int[0];

    public Region(String id, String name, boolean underserved, int index) {
        this.id = id;
        this.name = name;
        this.underserved = underserved;
        this.index = index;
    }

    public void setTravelTo(int[] minutesByRegionIndex) {
        this.travelTo = minutesByRegionIndex;
    }

    public int travelMinutesTo(Region other) {
        return this == other ? 0 : travelTo[other.index];
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isUnderserved() {
        return underserved;
    }

    public int getIndex() {
        return index;
    }

    @Override
    public String toString() {
        return id;
    }
}
