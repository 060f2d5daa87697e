package org.carebridge.scheduling.domain;

/** A start time on the slot grid: a day of the horizon and minutes from that day's midnight. */
public record Slot(int day, int minute) implements Comparable<Slot> {

    public int absolute() {
        return day * 1440 + minute;
    }

    @Override
    public int compareTo(Slot other) {
        return Integer.compare(absolute(), other.absolute());
    }

    public String time() {
        return Times.format(minute);
    }

    @Override
    public String toString() {
        return "day " + day + " " + time();
    }
}
