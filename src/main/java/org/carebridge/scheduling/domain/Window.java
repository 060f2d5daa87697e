package org.carebridge.scheduling.domain;

/** A doctor's working hours on one day, in minutes from midnight. */
public record Window(int start, int end) {

    public boolean contains(int from, int to) {
        return start <= from && to <= end;
    }
}
