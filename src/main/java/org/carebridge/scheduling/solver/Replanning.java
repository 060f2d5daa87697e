package org.carebridge.scheduling.solver;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.optaplanner.core.api.solver.change.ProblemChange;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;

/**
 * A change of the world as an OptaPlanner problem change, applied to the solver's working schedule while it
 * runs, or to the best schedule before a re-solve starts from it. Every change first books the current plan:
 * from then on moving an appointment that had a place costs the disruption weight (outside the official
 * objective), so the re-solve moves as few as it can. Pinned appointments never move; a doctor who becomes
 * unavailable releases even their pinned appointments of that day, since those cannot take place.
 */
public final class Replanning {

    private Replanning() {
    }

    public static ProblemChange<Schedule> problemChange(ScheduleChange change) {
        return (schedule, director) -> apply(schedule, director, change);
    }

    /** The change applied to a schedule no solver is working on. */
    public static void applyDirectly(Schedule schedule, ScheduleChange change) {
        apply(schedule, new Direct(), change);
    }

    /** Checks a change against a schedule before it is queued, so that a bad one is a 400, not a failed job. */
    public static void check(Schedule schedule, ScheduleChange change) {
        if (change == null || change.type() == null) {
            throw new InvalidRequestException("type", "must be DOCTOR_UNAVAILABLE, APPOINTMENT_ADDED or APPOINTMENT_CANCELLED");
        }
        switch (change.type()) {
            case DOCTOR_UNAVAILABLE -> {
                if (change.doctorId() == null || schedule.doctor(change.doctorId()) == null) {
                    throw new InvalidRequestException("doctorId", "no doctor " + change.doctorId());
                }
                if (change.day() == null || change.day() < 0 || change.day() >= schedule.getDays()) {
                    throw new InvalidRequestException("day", "must be a day of the horizon");
                }
            }
            case APPOINTMENT_ADDED -> {
                if (change.appointment() == null) {
                    throw new InvalidRequestException("appointment", "is required");
                }
                if (change.appointment().id() != null && schedule.appointment(change.appointment().id()) != null) {
                    throw new InvalidRequestException("appointment.id", "duplicate id " + change.appointment().id());
                }
            }
            case APPOINTMENT_CANCELLED -> {
                if (change.appointmentId() == null || schedule.appointment(change.appointmentId()) == null) {
                    throw new NotFoundException("No appointment " + change.appointmentId());
                }
            }
        }
    }

    private static void apply(Schedule schedule, ProblemChangeDirector director, ScheduleChange change) {
        long disruption = schedule.getWeights().disruption();
        for (Appointment a : schedule.getAppointments()) {
            if (a.isAssigned() && !a.isPinned()) {
                director.changeProblemProperty(a, x -> {
                    x.setBooking(new Appointment.Booking(x.getDoctor(), x.getStart(), x.getMode(), x.getEquipment()));
                    x.setDisruptionCost(disruption);
                });
            }
        }
        switch (change.type()) {
            case DOCTOR_UNAVAILABLE -> {
                Doctor doctor = director.lookUpWorkingObjectOrFail(schedule.doctor(change.doctorId()));
                director.changeProblemProperty(doctor, d -> d.cancelDay(change.day()));
                for (Appointment a : List.copyOf(schedule.getAppointments())) {
                    if (a.getDoctor() == doctor && a.getDay() == change.day()) {
                        director.changeProblemProperty(a, x -> x.setPinned(false));
                        director.changeVariable(a, "doctor", x -> x.setDoctor(null));
                    }
                }
            }
            case APPOINTMENT_ADDED -> {
                Appointment added = ScheduleFactory.appointment(change.appointment(), nextIndex(schedule), schedule, true);
                added.setDoctor(null);
                director.addEntity(added, a -> schedule.getAppointments().add(a));
                placeNew(schedule, director, added);
            }
            case APPOINTMENT_CANCELLED -> {
                Appointment cancelled = schedule.appointment(change.appointmentId());
                if (cancelled != null) {
                    director.removeEntity(cancelled, a -> schedule.getAppointments().remove(a));
                }
            }
        }
        director.updateShadowVariables();
    }

    /** Gives an added appointment its cheapest free place at once, so the running search starts from there. */
    private static void placeNew(Schedule schedule, ProblemChangeDirector director, Appointment added) {
        GreedyPlacer placer = new GreedyPlacer(schedule);
        GreedyPlacer.Candidate c = placer.cheapest(added);
        if (c != null) {
            director.changeVariable(added, "doctor", a -> a.setDoctor(c.doctor()));
            director.changeVariable(added, "start", a -> a.setStart(c.start()));
            director.changeVariable(added, "mode", a -> a.setMode(c.mode()));
            director.changeVariable(added, "equipment", a -> a.setEquipment(c.equipment()));
        }
    }

    private static int nextIndex(Schedule schedule) {
        return schedule.getAppointments().stream().mapToInt(Appointment::getIndex).max().orElse(-1) + 1;
    }

    /** Applies each part of a change at once, for a schedule outside any solver. */
    private static final class Direct implements ProblemChangeDirector {
        @Override
        public <E> void addEntity(E entity, Consumer<E> adder) {
            adder.accept(entity);
        }

        @Override
        public <E> void removeEntity(E entity, Consumer<E> remover) {
            remover.accept(entity);
        }

        @Override
        public <E> void changeVariable(E entity, String variableName, Consumer<E> updater) {
            updater.accept(entity);
        }

        @Override
        public <F> void addProblemFact(F fact, Consumer<F> adder) {
            adder.accept(fact);
        }

        @Override
        public <F> void removeProblemFact(F fact, Consumer<F> remover) {
            remover.accept(fact);
        }

        @Override
        public <E> void changeProblemProperty(E object, Consumer<E> updater) {
            updater.accept(object);
        }

        @Override
        public <E> E lookUpWorkingObjectOrFail(E object) {
            return object;
        }

        @Override
        public <E> Optional<E> lookUpWorkingObject(E object) {
            return Optional.ofNullable(object);
        }

        @Override
        public void updateShadowVariables() {
        }
    }
}
