package org.carebridge.directory;

/** The tiers of the rural care network, from the village upwards. */
public enum FacilityType {
    VILLAGE_CLINIC,
    TOWNSHIP_HEALTH_CENTER,
    COUNTY_HOSPITAL,
    PREFECTURE_HOSPITAL
}
