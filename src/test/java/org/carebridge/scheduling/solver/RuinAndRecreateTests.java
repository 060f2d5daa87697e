package org.carebridge.scheduling.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

class RuinAndRecreateTests {

    @Test
    void undoingARepackingPutsTheWeekBackExactly() {
        Problem problem = ProblemGenerator.generate(120, 10, 3);
        Schedule schedule = new Solving().firstComeFirstServed(ScheduleFactory.build(problem, false));
        DefaultSolverFactory<Schedule> factory = (DefaultSolverFactory<Schedule>) SolverFactory.<Schedule>create(
                Solving.config());
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director =
                factory.<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector()) {
            director.setWorkingSolution(schedule);
            HardMediumSoftLongScore before = director.calculateScore();
            List<String> placements = placements(schedule);
            Random random = new Random(1);
            int repacked = 0;
            for (int i = 0; i < 200; i++) {
                Replacement move = RuinAndRecreateMoves.plan(schedule, random);
                if (!move.isMoveDoable(director)) {
                    continue;
                }
                Move<Schedule> undo = move.doMove(director);
                assertThat(move.getPlanningEntities()).isNotEmpty();
                undo.doMove(director);
                repacked++;
            }
            assertThat(repacked).isPositive();
            assertThat(director.calculateScore()).isEqualTo(before);
            assertThat(placements(schedule)).isEqualTo(placements);
        }
    }

    @Test
    void aWaitingPatientIsFittedInWhenADayIsRepacked() {
        Problem problem = ProblemGenerator.generate(120, 10, 3);
        Schedule schedule = new Solving().firstComeFirstServed(ScheduleFactory.build(problem, false));
        long waitingBefore = schedule.getAppointments().stream().filter(a -> !a.isAssigned()).count();
        assertThat(waitingBefore).isPositive();

        Random random = new Random(2);
        boolean fitted = false;
        for (int i = 0; i < 500 && !fitted; i++) {
            Replacement move = RuinAndRecreateMoves.plan(schedule, random);
            long nowAssigned = move.placements().stream().filter(p -> p.doctor() != null).count();
            long wereAssigned = move.placements().stream().filter(p -> p.appointment().isAssigned()).count();
            fitted = nowAssigned > wereAssigned;
        }
        assertThat(fitted).as("some repacking seats more patients than it unseats").isTrue();
    }

    private static List<String> placements(Schedule schedule) {
        List<String> placements = new ArrayList<>();
        for (Appointment a : schedule.getAppointments()) {
            placements.add(a.getId() + " " + a.getDoctor() + " " + a.getStart() + " " + a.getMode() + " "
                    + a.getEquipment());
        }
        return placements;
    }
}
