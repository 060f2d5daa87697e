package org.carebridge.scheduling.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.Schedule;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Large moves for a full week: clear one or two doctor-days that a waiting (or a random) appointment could use,
 * then re-place what was cleared, the waiting appointment and a few others of its specialty still waiting, most
 * urgent first, each at its cheapest feasible placement ({@link GreedyPlacer}). A single change or swap can
 * rarely make room for an unassigned appointment in a packed day without breaking a hard constraint; repacking
 * a day can. Late acceptance judges each move by the full score like any other. A move can still break constraint
 * 5: clearing a doctor's morning can leave an afternoon appointment in a far county unreachable from home (the
 * doctor no longer starts the afternoon where the morning ended); such a move scores a hard penalty and is
 * rejected, not repaired.
 */
public class RuinAndRecreateMoves implements MoveIteratorFactory<Schedule, Replacement> {

    /** At most this many appointments still waiting join the recreate besides the chosen one. */
    private static final int WAITING_JOINING = 8;

    @Override
    public long getSize(ScoreDirector<Schedule> scoreDirector) {
        return scoreDirector.getWorkingSolution().getAppointments().size();
    }

    @Override
    public Iterator<Replacement> createOriginalMoveIterator(ScoreDirector<Schedule> scoreDirector) {
        throw new UnsupportedOperationException("Ruin and recreate is for random selection only");
    }

    @Override
    public Iterator<Replacement> createRandomMoveIterator(ScoreDirector<Schedule> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !scoreDirector.getWorkingSolution().getAppointments().isEmpty();
            }

            @Override
            public Replacement next() {
                return plan(scoreDirector.getWorkingSolution(), random);
            }
        };
    }

    /** An appointment seen later than its earliest day, when a few random tries find one; else any. */
    private static Appointment late(List<Appointment> all, Random random) {
        Appointment any = all.get(random.nextInt(all.size()));
        for (int i = 0; i < 8; i++) {
            Appointment a = all.get(random.nextInt(all.size()));
            if (a.isAssigned() && a.getDay() > a.getEarliestDay()) {
                return a;
            }
        }
        return any;
    }

    static Replacement plan(Schedule schedule, Random random) {
        List<Appointment> all = schedule.getAppointments();
        List<Appointment> waiting = new ArrayList<>();
        for (Appointment a : all) {
            if (!a.isPinned() && !a.isAssigned()) {
                waiting.add(a);
            }
        }
        double r = random.nextDouble();
        Appointment chosen = !waiting.isEmpty() && r < 0.5 ? waiting.get(random.nextInt(waiting.size()))
                : r < 0.8 ? late(all, random) : all.get(random.nextInt(all.size()));
        if (chosen.isPinned() || chosen.getDoctorRange().isEmpty()) {
            return Replacement.NONE;
        }
        // the days it could move to: any of its window when waiting, earlier ones when it waits too long
        int lastDay = chosen.isAssigned() && chosen.getDay() > chosen.getEarliestDay() ? chosen.getDay() - 1
                : chosen.getLatestDay();
        Set<Appointment> ruined = new LinkedHashSet<>();
        int days = 1 + random.nextInt(3);
        for (int i = 0; i < days; i++) {
            Doctor doctor = chosen.getDoctorRange().get(random.nextInt(chosen.getDoctorRange().size()));
            int day = chosen.getEarliestDay() + random.nextInt(Math.max(1, lastDay - chosen.getEarliestDay() + 1));
            for (Appointment a : all) {
                if (a.getDoctor() == doctor && a.isAssigned() && a.getDay() == day && !a.isPinned()) {
                    ruined.add(a);
                }
            }
        }
        if (chosen.isAssigned()) {
            ruined.add(chosen);
        }
        List<Appointment> recreate = new ArrayList<>(ruined);
        if (!chosen.isAssigned()) {
            recreate.add(chosen);
        }
        int joining = 0;
        for (int i = 0; i < waiting.size() && joining < WAITING_JOINING; i++) {
            Appointment other = waiting.get((i + random.nextInt(waiting.size())) % waiting.size());
            if (other != chosen && other.getSpecialty().equals(chosen.getSpecialty()) && !recreate.contains(other)) {
                recreate.add(other);
                joining++;
            }
        }
        // most urgent first, as the queue does; among equals a random order, so that repeated tries differ
        java.util.Collections.shuffle(recreate, random);
        recreate.sort(Comparator.comparing(Appointment::getUrgency));

        Set<Doctor> doctors = new HashSet<>();
        Set<String> equipmentTypes = new HashSet<>();
        for (Appointment a : recreate) {
            doctors.addAll(a.getDoctorRange());
            if (a.getEquipmentType() != null) {
                equipmentTypes.add(a.getEquipmentType());
            }
        }
        GreedyPlacer placer = new GreedyPlacer(schedule, ruined, doctors, equipmentTypes);
        List<Replacement.Placement> placements = new ArrayList<>(recreate.size());
        for (Appointment a : recreate) {
            GreedyPlacer.Candidate c = placer.cheapest(a);
            if (c == null) {
                placements.add(Replacement.Placement.unassigned(a));
            } else {
                placer.reserve(a, c);
                placements.add(new Replacement.Placement(a, c.doctor(), c.start(), c.mode(), c.equipment()));
            }
        }
        return new Replacement(placements);
    }
}
