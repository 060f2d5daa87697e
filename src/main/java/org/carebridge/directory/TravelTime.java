package org.carebridge.directory;

/** Road travel time between two county seats, in minutes. */
public record TravelTime(long fromRegionId, long toRegionId, int minutes) {
}
