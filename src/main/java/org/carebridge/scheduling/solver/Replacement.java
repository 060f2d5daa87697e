package org.carebridge.scheduling.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.EquipmentPiece;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.Slot;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/** Several appointments placed anew at once (an unassigned one has no doctor); its undo puts back the old. */
public final class Replacement extends AbstractMove<Schedule> {

    static final Replacement NONE = new Replacement(List.of());

    /** Where one appointment goes. */
    record Placement(Appointment appointment, Doctor doctor, Slot start, Mode mode, EquipmentPiece equipment) {

        static Placement unassigned(Appointment a) {
            return new Placement(a, null, a.getStart(), a.getMode(), a.getEquipment());
        }

        static Placement current(Appointment a) {
            return new Placement(a, a.getDoctor(), a.getStart(), a.getMode(), a.getEquipment());
        }

        boolean changes() {
            Appointment a = appointment;
            return a.getDoctor() != doctor || !Objects.equals(a.getStart(), start) || a.getMode() != mode
                    || a.getEquipment() != equipment;
        }
    }

    private final List<Placement> placements;

    Replacement(List<Placement> placements) {
        this.placements = placements;
    }

    List<Placement> placements() {
        return placements;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> scoreDirector) {
        return placements.stream().anyMatch(Placement::changes);
    }

    @Override
    protected Replacement createUndoMove(ScoreDirector<Schedule> scoreDirector) {
        List<Placement> undo = new ArrayList<>(placements.size());
        for (int i = placements.size() - 1; i >= 0; i--) {
            undo.add(Placement.current(placements.get(i).appointment()));
        }
        return new Replacement(undo);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> scoreDirector) {
        for (Placement p : placements) {
            if (!p.changes()) {
                continue;
            }
            Appointment a = p.appointment();
            for (String variable : CheapestInsertionPhase.VARIABLES) {
                scoreDirector.beforeVariableChanged(a, variable);
            }
            a.setDoctor(p.doctor());
            a.setStart(p.start());
            a.setMode(p.mode());
            a.setEquipment(p.equipment());
            for (String variable : CheapestInsertionPhase.VARIABLES) {
                scoreDirector.afterVariableChanged(a, variable);
            }
        }
    }

    @Override
    public Replacement rebase(ScoreDirector<Schedule> destination) {
        List<Placement> rebased = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            rebased.add(new Placement(destination.lookUpWorkingObject(p.appointment()),
                    p.doctor() == null ? null : destination.lookUpWorkingObject(p.doctor()), p.start(), p.mode(),
                    p.equipment() == null ? null : destination.lookUpWorkingObject(p.equipment())));
        }
        return new Replacement(rebased);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "Replacement(Appointment)";
    }

    @Override
    public Set<Appointment> getPlanningEntities() {
        Set<Appointment> entities = new LinkedHashSet<>();
        placements.forEach(p -> entities.add(p.appointment()));
        return entities;
    }

    @Override
    public List<Object> getPlanningValues() {
        List<Object> values = new ArrayList<>();
        placements.forEach(p -> values.add(p.doctor()));
        return values;
    }

    @Override
    public String toString() {
        return "Replacement" + placements.stream().map(p -> p.appointment() + "->" + p.doctor() + " " + p.start() + " " + p.mode())
                .toList();
    }
}
