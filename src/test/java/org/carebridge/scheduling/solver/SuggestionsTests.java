package org.carebridge.scheduling.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.carebridge.scheduling.Placement;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;

/** A coordinator placing one new referral into a week whose bookings stay put gets the best five places. */
class SuggestionsTests {

    @Test
    void theBestFeasiblePlacesComeFirstWithTheirScoreImpact() {
        Problem generated = ProblemGenerator.generate(30, 12, 31);
        Solving solving = new Solving();
        Solution week = Solving.toSolution(solving.firstComeFirstServed(ScheduleFactory.build(generated, false)));
        List<Problem.Appointment> booked = new ArrayList<>();
        for (Problem.Appointment a : generated.appointments()) {
            week.assignments().stream().filter(s -> s.appointmentId().equals(a.id())).findFirst()
                    .ifPresent(s -> booked.add(a.withBooking(new Problem.Booking(s.doctorId(), s.day(), s.start(),
                            s.mode(), s.equipmentId()), true)));
        }
        Problem.Appointment referral = new Problem.Appointment("NEW", "P7", "R3", "GENERAL_PRACTICE", 30, "SOON",
                List.of("IN_PERSON", "TELECONSULT"), null, "zh", null, 0, 4, null, null);
        booked.add(referral);
        Problem problem = generated.withAppointments(booked);

        List<Placement> placements = new Suggestions(SolverFactory.createFromXmlResource(Solving.CONFIG))
                .suggest(ScheduleFactory.build(problem, false), "NEW", 5);

        assertThat(placements).hasSize(5);
        assertThat(placements).allMatch(p -> p.mediumImpact() == 10); // a SOON patient seen: +10 medium
        assertThat(placements).isSortedAccordingTo((a, b) -> Long.compare(b.softImpact(), a.softImpact()));
        // each suggestion, taken, gives a feasible week
        Placement best = placements.get(0);
        Schedule taken = ScheduleFactory.build(problem.withAppointments(problem.appointments().stream()
                .map(a -> a.id().equals("NEW") ? a.withBooking(new Problem.Booking(best.doctorId(), best.day(),
                        best.start(), best.mode(), best.equipmentId()), true) : a).toList()), false);
        assertThat(solving.score(taken).hardScore()).isZero();
        assertThat(solving.score(taken).softScore() - solving.score(ScheduleFactory.build(problem, false)).softScore())
                .isEqualTo(best.softImpact());
    }
}
