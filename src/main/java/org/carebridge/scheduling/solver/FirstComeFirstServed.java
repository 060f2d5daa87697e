package org.carebridge.scheduling.solver;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Schedule;

/**
 * The baseline: what a coordinator does by hand. Urgent patients first, then by the earliest day they can
 * come and the order they arrived; each gets the earliest feasible slot of any capable doctor, in the first
 * of its modes that fits, with no look-ahead and no second thoughts. Scored with the solver's constraints.
 */
public final class FirstComeFirstServed {

    private FirstComeFirstServed() {
    }

    /** Places what fits into the given schedule (what is booked already stays). */
    public static Schedule plan(Schedule schedule) {
        GreedyPlacer placer = new GreedyPlacer(schedule);
        for (Appointment a : placer.queue()) {
            GreedyPlacer.Candidate c = placer.firstFeasible(a);
            if (c != null) {
                placer.commit(a, c);
            }
        }
        return schedule;
    }
}
