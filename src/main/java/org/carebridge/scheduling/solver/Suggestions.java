package org.carebridge.scheduling.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carebridge.scheduling.Placement;
import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.EquipmentPiece;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.Slot;
import org.carebridge.shared.NotFoundException;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The best places for one appointment in a schedule whose other appointments stay where they are: every
 * doctor, slot, mode and piece of equipment the appointment could take is tried with an incremental score
 * director (no solving), and the feasible ones are ranked by what they do to the score.
 */
public final class Suggestions {

    private final SolverFactory<Schedule> solverFactory;

    public Suggestions(SolverFactory<Schedule> solverFactory) {
        this.solverFactory = solverFactory;
    }

    public List<Placement> suggest(Schedule schedule, String appointmentId, int limit) {
        Appointment target = schedule.appointment(appointmentId);
        if (target == null) {
            throw new NotFoundException("No appointment " + appointmentId);
        }
        List<Placement> found = new ArrayList<>();
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director =
                ((DefaultSolverFactory<Schedule>) solverFactory).<HardMediumSoftLongScore>getScoreDirectorFactory()
                        .buildScoreDirector(false, false)) {
            target.setDoctor(null);
            target.setPinned(false);
            director.setWorkingSolution(schedule);
            HardMediumSoftLongScore unassigned = director.calculateScore();
            for (Doctor doctor : target.getDoctorRange()) {
                for (Slot slot : target.getSlotRange()) {
                    if (doctor.windowHolding(slot.day(), slot.minute(), slot.minute() + target.getDurationMinutes()) == null) {
                        continue;
                    }
                    for (Mode mode : target.getModes()) {
                        if (mode == Mode.TELECONSULT && !doctor.isTeleconsult()) {
                            continue;
                        }
                        List<EquipmentPiece> pieces = mode == Mode.IN_PERSON && target.getEquipmentType() != null
                                ? target.getEquipmentRange() : java.util.Collections.singletonList(null);
                        for (EquipmentPiece piece : pieces) {
                            set(director, target, doctor, slot, mode, piece);
                            HardMediumSoftLongScore score = director.calculateScore();
                            if (score.hardScore() >= unassigned.hardScore()) {
                                HardMediumSoftLongScore impact = score.subtract(unassigned);
                                found.add(new Placement(appointmentId, doctor.getId(), slot.day(), slot.time(),
                                        mode.name(), piece == null ? null : piece.id(), impact.toString(),
                                        impact.mediumScore(), impact.softScore()));
                            }
                        }
                    }
                }
            }
            set(director, target, null, target.getStart(), target.getMode(), null);
        }
        return found.stream()
                .sorted(Comparator.comparingLong(Placement::mediumImpact).thenComparingLong(Placement::softImpact)
                        .reversed().thenComparingInt(Placement::day).thenComparing(Placement::start))
                .limit(limit)
                .toList();
    }

    private static void set(InnerScoreDirector<Schedule, ?> director, Appointment a, Doctor doctor, Slot slot, Mode mode,
            EquipmentPiece piece) {
        for (String variable : CheapestInsertionPhase.VARIABLES) {
            director.beforeVariableChanged(a, variable);
        }
        a.setDoctor(doctor);
        a.setStart(slot);
        a.setMode(mode);
        a.setEquipment(piece);
        for (String variable : CheapestInsertionPhase.VARIABLES) {
            director.afterVariableChanged(a, variable);
        }
        director.triggerVariableListeners();
    }
}
