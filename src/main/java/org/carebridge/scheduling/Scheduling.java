package org.carebridge.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.domain.ScheduleWriter;
import org.carebridge.scheduling.solver.FirstComeFirstServed;
import org.carebridge.scheduling.solver.Replanning;
import org.carebridge.scheduling.solver.Solving;
import org.carebridge.scheduling.solver.Suggestions;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The scheduling module's API: solving jobs keyed by id (kept in memory, the last {@value #KEPT}), their
 * best schedules, explanations and changes while or after solving, publishing, the first-come-first-served
 * baseline, and placement suggestions for one appointment.
 */
@Service
public class Scheduling {

    static final int KEPT = 20;
    static final int MAX_SECONDS = 600;
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final SolverManager<Schedule, String> solverManager;
    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager;
    private final Suggestions suggestions;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "schedule-time-limits");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    Scheduling(SolverManager<Schedule, String> solverManager,
            SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager, SolverFactory<Schedule> solverFactory,
            ApplicationEventPublisher events) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.suggestions = new Suggestions(solverFactory);
        this.events = events;
    }

    /** Starts solving; the job runs for {@code seconds} (or until stopped) and keeps its best schedule. */
    public ScheduleRun submit(Problem problem, int seconds) {
        requireSeconds(seconds);
        Schedule schedule = ScheduleFactory.build(problem, false);
        String id = UUID.randomUUID().toString();
        // the solver works on its own copy; the run shows an untouched one until the first best schedule
        Run run = new Run(id, problem, ScheduleFactory.build(problem, false));
        synchronized (runs) {
            runs.put(id, run);
            while (runs.size() > KEPT) {
                String oldest = runs.keySet().iterator().next();
                solverManager.terminateEarly(oldest);
                runs.remove(oldest);
            }
        }
        start(run, schedule, seconds);
        return view(run, false);
    }

    private void start(Run run, Schedule schedule, int seconds) {
        run.status = ScheduleRun.Status.SOLVING;
        run.error = null;
        solverManager.solveAndListen(run.id, id -> {
            timers.schedule(() -> solverManager.terminateEarly(run.id), seconds, TimeUnit.SECONDS);
            return schedule;
        }, run::improved, best -> {
            run.improved(best);
            run.status = ScheduleRun.Status.SOLVED;
        }, (id, failure) -> {
            log.warn("Schedule {} failed", id, failure);
            run.status = ScheduleRun.Status.FAILED;
            run.error = failure.getMessage();
        });
    }

    public ScheduleRun run(String id) {
        return view(find(id), true);
    }

    public List<ScheduleRun> runs() {
        synchronized (runs) {
            return runs.values().stream().sorted(Comparator.comparing((Run r) -> r.startedAt).reversed())
                    .map(r -> view(r, false)).toList();
        }
    }

    /** Stops the job now, keeping the best schedule found so far. */
    public ScheduleRun stop(String id) {
        Run run = find(id);
        solverManager.terminateEarly(id);
        if (run.status == ScheduleRun.Status.SOLVING && solverManager.getSolverStatus(id) == SolverStatus.NOT_SOLVING) {
            run.status = ScheduleRun.Status.SOLVED;
        }
        return view(run, false);
    }

    public Explanation explain(String id) {
        Run run = find(id);
        Schedule best = run.best;
        ScoreExplanation<Schedule, HardMediumSoftLongScore> explanation = solutionManager.explain(best);
        List<Explanation.ConstraintTotal> totals = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            List<Explanation.Match> heaviest = total.getConstraintMatchSet().stream()
                    .sorted(Comparator.comparing(ConstraintMatch::getScore))
                    .limit(5)
                    .map(m -> new Explanation.Match(m.getScore().toString(), m.getIndictedObjectList().toString()))
                    .toList();
            totals.add(new Explanation.ConstraintTotal(total.getConstraintName(), total.getScore().toString(),
                    total.getConstraintMatchCount(), heaviest));
        }
        totals.sort(Comparator.comparing(t -> HardMediumSoftLongScore.parseScore(t.score())));
        return new Explanation(explanation.getScore().toString(), totals);
    }

    /**
     * Applies a change: to the running solver as an OptaPlanner problem change, or, once solved, to the best
     * schedule, which is then solved again for {@code seconds} from where it is. Either way the current plan
     * counts as booked and moving it costs the disruption weight.
     */
    public ScheduleRun change(String id, ScheduleChange change, int seconds) {
        requireSeconds(seconds);
        Run run = find(id);
        synchronized (run) {
            Replanning.check(run.best, change);
            if (solverManager.getSolverStatus(id) != SolverStatus.NOT_SOLVING) {
                solverManager.addProblemChange(id, Replanning.problemChange(change));
            } else {
                Schedule restart = run.best;
                Replanning.applyDirectly(restart, change);
                restart.setScore(null);
                start(run, restart, seconds);
            }
            run.changes.add(change);
        }
        return view(run, false);
    }

    /** Tells the other modules that this plan is the one to book (the referral workflow books it). */
    public SchedulePublished publish(String id) {
        Run run = find(id);
        if (run.status == ScheduleRun.Status.SOLVING) {
            throw new ConflictException("status", "Stop or wait for the solver before publishing");
        }
        Solution solution = solution(run.best);
        if (solution.breakdown().hard() > bookedHard(run.problem)) {
            throw new ConflictException("score", "The schedule breaks hard constraints that the bookings it started"
                    + " from did not; it cannot be published");
        }
        SchedulePublished published = new SchedulePublished(id, solution.assignments());
        events.publishEvent(published);
        return published;
    }

    /**
     * The hard score of the problem's bookings alone. Slots booked by hand may already break a hard
     * constraint (a doctor booked in two counties without the travel time between): a plan is judged by
     * what it adds, not by what it was handed.
     */
    private long bookedHard(Problem problem) {
        Schedule booked = ScheduleFactory.build(problem, false);
        solutionManager.update(booked);
        return ScheduleWriter.breakdown(booked).hard();
    }

    /** The first-come-first-served baseline of a problem, scored with the same constraints. */
    public Solution firstComeFirstServed(Problem problem) {
        Schedule schedule = FirstComeFirstServed.plan(ScheduleFactory.build(problem, false));
        solutionManager.update(schedule);
        return Solving.toSolution(schedule);
    }

    /**
     * The best feasible placements for one appointment of the problem, everything else staying where it is
     * booked (unbooked others stay unassigned): doctor, day, start, mode and equipment, with the score impact
     * against leaving it unassigned, best first.
     */
    public List<Placement> suggest(Problem problem, String appointmentId, int limit) {
        return suggestions.suggest(ScheduleFactory.build(problem, false), appointmentId, limit);
    }

    /** The problem a job was started with (changes since are listed on the run). */
    public Problem problem(String id) {
        return find(id).problem;
    }

    @PreDestroy
    void shutdown() {
        timers.shutdownNow();
    }

    private Run find(String id) {
        synchronized (runs) {
            Run run = runs.get(id);
            if (run == null) {
                throw new NotFoundException("No schedule " + id);
            }
            return run;
        }
    }

    private static void requireSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new InvalidRequestException("seconds", "must be between 1 and " + MAX_SECONDS);
        }
    }

    private ScheduleRun view(Run run, boolean withSolution) {
        Schedule best = run.best;
        String score = best.getScore() == null ? null : ScheduleWriter.officialScore(ScheduleWriter.breakdown(best))
                .toString();
        return new ScheduleRun(run.id, run.problem.name(), run.status, score, run.startedAt,
                best.getAppointments().size(), withSolution ? solution(best) : null, List.copyOf(run.history),
                run.error);
    }

    private static Solution solution(Schedule schedule) {
        return Solving.toSolution(schedule);
    }

    /** One job: the problem, the best schedule so far and the best score over time. */
    private static final class Run {
        final String id;
        final Problem problem;
        final Instant startedAt = Instant.now();
        final List<ScheduleRun.ScorePoint> history = new CopyOnWriteArrayList<>();
        final List<ScheduleChange> changes = new CopyOnWriteArrayList<>();
        volatile Schedule best;
        volatile ScheduleRun.Status status = ScheduleRun.Status.SOLVING;
        volatile String error;

        Run(String id, Problem problem, Schedule initial) {
            this.id = id;
            this.problem = problem;
            this.best = initial;
        }

        void improved(Schedule schedule) {
            best = schedule;
            HardMediumSoftLongScore score = ScheduleWriter.officialScore(ScheduleWriter.breakdown(schedule));
            if (history.isEmpty() || !history.get(history.size() - 1).score().equals(score.toString())) {
                history.add(new ScheduleRun.ScorePoint(Instant.now(), score.toString(), score.hardScore(),
                        score.mediumScore(), score.softScore()));
            }
        }
    }
}
