package org.carebridge.scheduling.solver;

import org.carebridge.scheduling.domain.Appointment;

/** The baseline as a solver phase, so that the benchmarker runs it on the same problems as the solver. */
public class FirstComeFirstServedPhase extends CheapestInsertionPhase {

    @Override
    GreedyPlacer.Candidate choose(GreedyPlacer placer, Appointment a) {
        return placer.firstFeasible(a);
    }
}
