package org.carebridge.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.ProblemValidator;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.domain.ScheduleWriter;
import org.carebridge.scheduling.solver.FirstComeFirstServed;
import org.carebridge.scheduling.solver.Replanning;
import org.carebridge.scheduling.solver.Solving;
import org.carebridge.scheduling.solver.Suggestions;
import org.carebridge.shared.BusyException;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduling module's API: solving jobs keyed by id (kept in memory, the last {@value #KEPT}), their
 * best schedules, explanations and changes while or after solving, publishing, the first-come-first-served
 * baseline, and placement suggestions for one appointment.
 * <p>
 * Solving runs on the solver manager's threads, never on the request's: {@code max-concurrent-runs} solve
 * at once and {@code queued-runs} more wait for a thread. A run that would need a place beyond those is
 * refused with a {@link BusyException} (429) before anything is kept; a run frees its place when it ends,
 * fails or is stopped, because the places are counted from the solver's own status of each kept run.
 * Reading a run with its schedule writes one audit entry per patient of its appointments.
 */
@Service
public class Scheduling {

    static final int KEPT = 20;
    static final int MAX_SECONDS = 600;
    static final int MAX_SUGGESTIONS = 100;
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
    private final AuditLog audit;
    /** Runs solving or waiting for a solver thread at most: the solver manager's threads and its queue. */
    private final int places;

    Scheduling(SolverManager<Schedule, String> solverManager,
            SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager, SolverFactory<Schedule> solverFactory,
            ApplicationEventPublisher events, AuditLog audit,
            @Value("${carebridge.scheduling.max-concurrent-runs:2}") int maxConcurrentRuns,
            @Value("${carebridge.scheduling.queued-runs:2}") int queuedRuns) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.suggestions = new Suggestions(solverFactory);
        this.events = events;
        this.audit = audit;
        if (maxConcurrentRuns < 1 || queuedRuns < 0 || maxConcurrentRuns + queuedRuns >= KEPT) {
            // a run still solving is never dropped from the kept ones, so there must be room for the finished
            throw new IllegalArgumentException("carebridge.scheduling: max-concurrent-runs must be 1 or more,"
                    + " queued-runs 0 or more, and both together fewer than " + KEPT);
        }
        this.places = maxConcurrentRuns + queuedRuns;
    }

    /**
     * Starts solving; the job runs for {@code seconds} (or until stopped) and keeps its best schedule.
     *
     * @throws BusyException when every solver place is taken; nothing is kept then
     */
    public ScheduleRun submit(Problem problem, int seconds) {
        requireSeconds(seconds);
        Schedule schedule = ScheduleFactory.build(problem, false);
        String id = UUID.randomUUID().toString();
        // the solver works on its own copy; the run shows an untouched one until the first best schedule
        Run run = new Run(id, problem, ScheduleFactory.build(problem, false));
        synchronized (runs) {
            requirePlace();
            runs.put(id, run);
            while (runs.size() > KEPT) {
                // the oldest finished run goes; a solving one keeps its place (there are fewer places than KEPT)
                Run finished = runs.values().stream().filter(r -> !occupiesPlace(r)).findFirst().orElse(null);
                if (finished == null) {
                    break;
                }
                runs.remove(finished.id);
            }
            start(run, schedule, seconds);
        }
        return view(run, false);
    }

    /** Called holding {@code runs}, so that two requests cannot both take the last place. */
    private void requirePlace() {
        List<Run> occupying = runs.values().stream().filter(this::occupiesPlace).toList();
        if (occupying.size() >= places) {
            Instant now = Instant.now();
            // the first place frees when the earliest time limit of the runs solving now is reached
            Duration wait = occupying.stream().map(r -> r.deadline).filter(Objects::nonNull)
                    .map(deadline -> Duration.between(now, deadline)).min(Comparator.naturalOrder())
                    .orElse(Duration.ofSeconds(30));
            throw new BusyException("All " + places + " solver places are taken; try again later", wait);
        }
    }

    /** Solving or waiting for a thread, in the solver manager's own words: a run that ended, however, is not. */
    private boolean occupiesPlace(Run run) {
        return solverManager.getSolverStatus(run.id) != SolverStatus.NOT_SOLVING;
    }

    private void start(Run run, Schedule schedule, int seconds) {
        run.status = ScheduleRun.Status.SOLVING;
        run.error = null;
        run.deadline = null;
        solverManager.solveAndListen(run.id, id -> {
            run.deadline = Instant.now().plusSeconds(seconds);
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

    /**
     * The run with its best schedule so far. Its appointments are patients' (a referral each, for the week's
     * demand): one audit entry is written per patient, in one batch, in the reader's name.
     */
    @Transactional
    public ScheduleRun run(String id) {
        Run run = find(id);
        ScheduleRun view = view(run, true);
        List<UUID> patients = patientsOf(run.best);
        if (!patients.isEmpty()) {
            audit.recordBatch(AuditAction.SEARCH, patients, "schedule " + id + " (" + run.problem.name() + ")",
                    "schedule review");
        }
        return view;
    }

    /** The run's status, best score and its history, without the schedule: shows no patient, so not audited. */
    public ScheduleRun progress(String id) {
        return view(find(id), false);
    }

    /**
     * The best schedule so far, for measures that show no appointment (equity per county). Whoever shows its
     * appointments reads them with {@link #run(String)}, which audits.
     */
    public Solution bestSolution(String id) {
        return solution(find(id).best);
    }

    /**
     * The patients of a schedule's appointments. Appointments made from CareBridge's referrals carry the
     * patient's id; a generated or pasted problem's patient labels ("P9") name nobody here.
     */
    static List<UUID> patientsOf(Schedule schedule) {
        return schedule.getAppointments().stream().map(a -> a.getPatientId()).filter(Objects::nonNull)
                .map(Scheduling::uuidOrNull).filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /**
     * Each constraint's total and its heaviest matches. The matches name appointments, so the patients of those
     * shown are audited like a read of the schedule.
     */
    @Transactional
    public Explanation explain(String id) {
        Run run = find(id);
        Schedule best = run.best;
        ScoreExplanation<Schedule, HardMediumSoftLongScore> explanation = solutionManager.explain(best);
        List<Explanation.ConstraintTotal> totals = new ArrayList<>();
        List<String> shownPatients = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            List<ConstraintMatch<HardMediumSoftLongScore>> shown = total.getConstraintMatchSet().stream()
                    .sorted(Comparator.comparing(ConstraintMatch::getScore))
                    .limit(5)
                    .toList();
            shown.forEach(m -> m.getIndictedObjectList().forEach(o -> {
                if (o instanceof Appointment a && a.getPatientId() != null) {
                    shownPatients.add(a.getPatientId());
                }
            }));
            List<Explanation.Match> heaviest = shown.stream()
                    .map(m -> new Explanation.Match(m.getScore().toString(), m.getIndictedObjectList().toString()))
                    .toList();
            totals.add(new Explanation.ConstraintTotal(total.getConstraintName(), total.getScore().toString(),
                    total.getConstraintMatchCount(), heaviest));
        }
        totals.sort(Comparator.comparing(t -> HardMediumSoftLongScore.parseScore(t.score())));
        List<UUID> patients = shownPatients.stream().map(Scheduling::uuidOrNull).filter(Objects::nonNull)
                .distinct().toList();
        if (!patients.isEmpty()) {
            audit.recordBatch(AuditAction.SEARCH, patients, "explanation of schedule " + id, "schedule review");
        }
        return new Explanation(explanation.getScore().toString(), totals);
    }

    /**
     * Applies a change: to the running solver as an OptaPlanner problem change, or, once solved, to the best
     * schedule, which is then solved again for {@code seconds} from where it is. Either way the current plan
     * counts as booked and moving it costs the disruption weight. Solving again needs a free place like a new
     * run ({@link BusyException} otherwise, the schedule unchanged).
     */
    public ScheduleRun change(String id, ScheduleChange change, int seconds) {
        requireSeconds(seconds);
        Run run = find(id);
        synchronized (runs) { // the place, then the run: the order submit takes them in too
            synchronized (run) {
                changeHolding(run, change, seconds);
            }
        }
        return view(run, false);
    }

    private void changeHolding(Run run, ScheduleChange change, int seconds) {
        String id = run.id;
        Replanning.check(run.best, change);
        if (change.type() == ScheduleChange.Type.APPOINTMENT_ADDED
                && run.best.getAppointments().size() >= ProblemValidator.MAX_APPOINTMENTS) {
            throw new InvalidRequestException("appointment", "the schedule has " + run.best.getAppointments().size()
                    + " appointments already; at most " + ProblemValidator.MAX_APPOINTMENTS);
        }
        if (solverManager.getSolverStatus(id) != SolverStatus.NOT_SOLVING) {
            solverManager.addProblemChange(id, Replanning.problemChange(change));
        } else {
            requirePlace();
            Schedule restart = run.best;
            Replanning.applyDirectly(restart, change);
            restart.setScore(null);
            start(run, restart, seconds);
        }
        run.changes.add(change);
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
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_SUGGESTIONS);
        }
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
        /** When the time limit of the solving under way ends; null while it waits for a thread. */
        volatile Instant deadline;

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
