package org.carebridge.scheduling.solver;

import org.carebridge.scheduling.domain.Schedule;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/** The baseline as a solver phase, so that the benchmarker runs it on the same problems as the solver. */
public class FirstComeFirstServedPhase implements CustomPhaseCommand<Schedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector) {
        CheapestInsertionPhase.place(scoreDirector, new GreedyPlacer(scoreDirector.getWorkingSolution()).queue(),
                GreedyPlacer::firstFeasible);
    }
}
