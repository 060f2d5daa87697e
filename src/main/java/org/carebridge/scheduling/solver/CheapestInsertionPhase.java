package org.carebridge.scheduling.solver;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Schedule;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The construction: the same queue as the baseline (urgent first), but each appointment takes the feasible
 * placement that adds least to the objective, not the first. It only places what is unassigned, so a
 * replanning run keeps its current plan and only fits in what is new. Much faster than OptaPlanner's
 * generic construction heuristics over four variables (which would try doctor × slot × mode × equipment).
 */
public class CheapestInsertionPhase implements CustomPhaseCommand<Schedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector) {
        GreedyPlacer placer = new GreedyPlacer(scoreDirector.getWorkingSolution());
        for (Appointment a : placer.queue()) {
            GreedyPlacer.Candidate c = choose(placer, a);
            if (c == null) {
                continue;
            }
            for (String variable : VARIABLES) {
                scoreDirector.beforeVariableChanged(a, variable);
            }
            placer.commit(a, c);
            for (String variable : VARIABLES) {
                scoreDirector.afterVariableChanged(a, variable);
            }
            scoreDirector.triggerVariableListeners();
        }
    }

    GreedyPlacer.Candidate choose(GreedyPlacer placer, Appointment a) {
        return placer.cheapest(a);
    }

    static final String[] VARIABLES = {"doctor", "start", "mode", "equipment"};
}
