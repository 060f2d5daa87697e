package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A doctor's day walked in order of start time (constraint 5): the doctor starts in the home county; an
 * in-person appointment moves them to its county, a teleconsult does not. Each in-person appointment must
 * start no earlier than the end of the previous appointment (for the day's first: the start of its working
 * hours) plus the travel from where the doctor is.
 *
 * @param travelMinutes the day's travel, the objective's travel term
 * @param lateMinutes   by how much in-person appointments start before the doctor can be there (hard)
 */
public record Route(int travelMinutes, int lateMinutes) {

    /** One appointment of the day as the walk sees it. */
    public record Visit(int start, int end, boolean inPerson, Region region, int order) {

        static Visit of(Appointment a) {
            return new Visit(a.getStartMinute(), a.getEndMinute(), a.isInPerson(), a.getRegion(), a.getIndex());
        }
    }

    private static final Comparator<Visit> BY_START =
            Comparator.comparingInt(Visit::start).thenComparingInt(Visit::order);

    public static Route of(Doctor doctor, int day, Collection<Appointment> appointments) {
        List<Visit> visits = new ArrayList<>(appointments.size());
        appointments.forEach(a -> visits.add(Visit.of(a)));
        return walk(doctor, day, visits);
    }

    /** Walks the visits (sorting the given list). */
    public static Route walk(Doctor doctor, int day, List<Visit> visits) {
        visits.sort(BY_START);
        Region at = doctor.getHome();
        Integer previousEnd = null;
        int travel = 0;
        int late = 0;
        for (Visit v : visits) {
            if (v.inPerson()) {
                int minutes = at.travelMinutesTo(v.region());
                travel += minutes;
                int ready = (previousEnd != null ? previousEnd : dayStart(doctor, day, v)) + minutes;
                late += Math.max(0, ready - v.start());
                at = v.region();
            }
            previousEnd = v.end();
        }
        return new Route(travel, late);
    }

    /** The start of the working hours the visit lies in, or its own start when it lies in none. */
    private static int dayStart(Doctor doctor, int day, Visit v) {
        Window window = doctor.windowHolding(day, v.start(), v.end());
        return window == null ? v.start() : window.start();
    }
}
