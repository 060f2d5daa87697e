package org.carebridge.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.ProblemValidator;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.domain.ScheduleSnapshot;
import org.carebridge.scheduling.domain.ScheduleWriter;
import org.carebridge.scheduling.internal.ScheduleRunStore;
import org.carebridge.scheduling.internal.SolverRunMetrics;
import org.carebridge.scheduling.internal.StoredRun;
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
 * The scheduling module's API: solving jobs keyed by id, their best schedules, explanations and changes while
 * or after solving, publishing, the first-come-first-served baseline, and placement suggestions for one
 * appointment.
 * <p>
 * Runs live in the database (table {@code schedule_run}, the newest {@value #KEPT} kept), so that every node
 * behind the proxy lists, reads, stops, changes and publishes every run, and a run outlives the node that
 * solved it. The node that solves a run (this one for the runs it starts, changes or starts again) writes
 * the best schedule when it improves, at most about once a second and when the solving ends, and a heartbeat
 * every {@code heartbeat-interval} while it solves or waits for a thread. Reads take the stored run: a node
 * that does not solve it sees its best schedule up to a second late.
 * <p>
 * Stopping a run that solves on another node asks that node through the run's row; it stops within a
 * second or so, and the answer says whether it had by then. Changing a run that solves on another node is a
 * {@link ConflictException}: stop it first, then change it. A run whose node has written nothing for
 * {@code heartbeat-timeout} was left by a node that stopped: any node marks it FAILED (when reading it, and
 * every few seconds for all runs), keeping its best schedule; {@link #restart} solves it again here.
 * <p>
 * Solving runs on the solver manager's threads, never on the request's: {@code max-concurrent-runs} solve
 * at once and {@code queued-runs} more wait for a thread, on each node. A run that would need a place beyond
 * those is refused with a {@link BusyException} (429) before anything is kept; a run frees its place when it
 * ends, fails or is stopped, because the places are counted from the solver's own status of each run this
 * node solves. Reading a run with its schedule writes one audit entry per patient of its appointments.
 */
@Service
public class Scheduling {

    static final int KEPT = 20;
    static final int MAX_SECONDS = 600;
    static final int MAX_SUGGESTIONS = 100;
    /** How often this node writes the best schedules that improved and looks for stops asked of it. */
    private static final Duration BEAT = Duration.ofSeconds(1);
    private static final Duration STOP_POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final SolverManager<Schedule, String> solverManager;
    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager;
    private final Suggestions suggestions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ScheduleRunStore store;
    private final SolverRunMetrics metrics;
    /** This node, new at each start: hostname and a random part. */
    private final String node;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Duration stopWait;
    private final Duration sweepEvery;
    private final ScheduledExecutorService timers = daemonTimer("schedule-time-limits");
    private final ScheduledExecutorService beats = daemonTimer("schedule-run-heartbeats");
    /** The runs this node solves or that wait here for a solver thread. */
    private final Map<String, LocalRun> solvingHere = new ConcurrentHashMap<>();
    /** Held while a place is counted and taken, so that two requests cannot both take the last one. */
    private final Object placeLock = new Object();
    /** Runs solving or waiting for a solver thread at most: the solver manager's threads and its queue. */
    private final int places;
    private volatile Instant nextSweep = Instant.MIN;
    /** The last beat wrote what it had to; false while the database does not answer. */
    private volatile boolean writing = true;

    Scheduling(SolverManager<Schedule, String> solverManager,
            SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager, SolverFactory<Schedule> solverFactory,
            ApplicationEventPublisher events, AuditLog audit, ScheduleRunStore store, SolverRunMetrics metrics,
            @Value("${carebridge.scheduling.max-concurrent-runs:2}") int maxConcurrentRuns,
            @Value("${carebridge.scheduling.queued-runs:2}") int queuedRuns,
            @Value("${carebridge.scheduling.heartbeat-interval:2s}") Duration heartbeatInterval,
            @Value("${carebridge.scheduling.heartbeat-timeout:30s}") Duration heartbeatTimeout,
            @Value("${carebridge.scheduling.stop-wait:3s}") Duration stopWait) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.suggestions = new Suggestions(solverFactory);
        this.events = events;
        this.audit = audit;
        this.store = store;
        this.metrics = metrics;
        if (maxConcurrentRuns < 1 || queuedRuns < 0 || maxConcurrentRuns + queuedRuns >= KEPT) {
            // a run still solving is never dropped from the kept ones, so there must be room for the finished
            throw new IllegalArgumentException("carebridge.scheduling: max-concurrent-runs must be 1 or more,"
                    + " queued-runs 0 or more, and both together fewer than " + KEPT);
        }
        if (heartbeatInterval.compareTo(BEAT) < 0 || heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0
                || stopWait.isNegative()) {
            // with a timeout shorter than two beats, a node busy for a moment would lose the runs it solves
            throw new IllegalArgumentException("carebridge.scheduling: heartbeat-interval must be 1s or more,"
                    + " heartbeat-timeout at least twice the interval, and stop-wait not negative");
        }
        this.places = maxConcurrentRuns + queuedRuns;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.stopWait = stopWait;
        this.sweepEvery = heartbeatTimeout.dividedBy(3).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                : heartbeatTimeout.dividedBy(3);
        this.node = hostname() + "-" + UUID.randomUUID().toString().substring(0, 8);
        beats.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Solver runs of this node are written as {}", node);
    }

    /**
     * Starts solving on this node; the job runs for {@code seconds} (or until stopped) and keeps its best
     * schedule.
     *
     * @throws BusyException when every solver place of this node is taken; nothing is kept then
     */
    public ScheduleRun submit(Problem problem, int seconds) {
        requireSeconds(seconds);
        Schedule schedule = ScheduleFactory.build(problem, false);
        String id = UUID.randomUUID().toString();
        // the solver works on its own copy; the run shows an untouched one until the first best schedule
        LocalRun run = new LocalRun(id, 1, problem, ScheduleFactory.build(problem, false), List.of(), List.of());
        String stored = ScheduleSnapshot.problemJson(problem);
        synchronized (placeLock) {
            requirePlace();
            store.insert(id, problem.name(), stored, problem.appointments().size(), node, Instant.now());
            start(run, schedule, seconds);
        }
        // the oldest finished runs go; a solving one stays (there are fewer places than KEPT)
        store.deleteFinishedBeyond(KEPT);
        return view(summary(id), null);
    }

    /** Called holding {@link #placeLock}. */
    private void requirePlace() {
        List<LocalRun> occupying = solvingHere.values().stream().filter(this::occupiesPlace).toList();
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
    private boolean occupiesPlace(LocalRun run) {
        return solverManager.getSolverStatus(run.id) != SolverStatus.NOT_SOLVING;
    }

    private void start(LocalRun run, Schedule schedule, int seconds) {
        solvingHere.put(run.id, run);
        try {
            solverManager.solveAndListen(run.id, id -> {
                run.deadline = Instant.now().plusSeconds(seconds);
                try {
                    store.deadline(run.id, node, run.attempt, run.deadline);
                } catch (RuntimeException e) {
                    log.debug("Deadline of schedule {} not written: {}", run.id, e.toString());
                }
                timers.schedule(() -> {
                    if (solvingHere.get(run.id) == run) { // not a later solving of the same run
                        solverManager.terminateEarly(run.id);
                    }
                }, seconds, TimeUnit.SECONDS);
                return schedule;
            }, run::improved, best -> {
                run.improved(best);
                finish(run, ScheduleRun.Status.SOLVED, null);
            }, (id, failure) -> {
                log.warn("Schedule {} failed", id, failure);
                finish(run, ScheduleRun.Status.FAILED, failure.getMessage());
            });
        } catch (RuntimeException e) {
            finish(run, ScheduleRun.Status.FAILED, "The solver did not start: " + e.getMessage());
            throw e;
        }
    }

    /**
     * The run's solving ended (or is taken as ended after a stop): written now, or by a later beat when the
     * database does not answer. Called again with the solver's final best schedule after a stop, it writes
     * that one; the outcome is counted once.
     */
    private void finish(LocalRun run, ScheduleRun.Status status, String error) {
        boolean first;
        synchronized (run) {
            first = run.ending == null;
            run.ending = new Ending(status, error);
        }
        if (first && !run.lost) {
            metrics.finished(status == ScheduleRun.Status.FAILED ? SolverRunMetrics.Outcome.FAILED
                    : run.stopAsked ? SolverRunMetrics.Outcome.STOPPED : SolverRunMetrics.Outcome.SOLVED);
        }
        try {
            writeEnding(run);
        } catch (RuntimeException e) {
            log.warn("Schedule {} ended but is not written yet; the next beats try again: {}", run.id, e.toString());
        }
    }

    /** Writes how the run's solving ended; the run stays with this node's runs until it is written. */
    private void writeEnding(LocalRun run) {
        synchronized (run) {
            if (!run.lost) {
                Schedule best = run.best;
                store.finish(run.id, node, run.attempt, run.ending.status(),
                        run.improved ? snapshot(run, best) : null, scoreOf(best), best.getAppointments().size(),
                        List.copyOf(run.history), run.ending.error(), Instant.now());
            }
            solvingHere.remove(run.id, run);
        }
    }

    /**
     * This node's work on its runs, every second: the best schedules that improved (so at most one write a
     * second per run), heartbeats, the stops other nodes asked for, and now and then the runs of nodes gone
     * silent.
     */
    private void beat() {
        try {
            Instant now = Instant.now();
            RuntimeException failed = null;
            for (LocalRun run : solvingHere.values()) {
                try {
                    write(run, now);
                } catch (RuntimeException e) {
                    failed = e; // the other runs are written all the same
                }
            }
            for (String id : solvingHere.isEmpty() ? List.<String>of() : store.stopsRequested(node)) {
                LocalRun run = solvingHere.get(id);
                if (run != null && run.ending == null) {
                    log.info("Schedule {}: stopping as asked from another node", id);
                    stopHere(run);
                }
            }
            if (!now.isBefore(nextSweep)) {
                nextSweep = now.plus(sweepEvery);
                for (StoredRun silent : store.silentSince(now.minus(heartbeatTimeout))) {
                    if (!solvesHere(silent)) {
                        failSilent(silent, now);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
            if (!writing) {
                writing = true;
                log.info("Solver runs of this node are written again");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next beat tries again (and says so once, not each second)
            if (writing) {
                writing = false;
                log.warn("Solver runs of this node not written; trying again every second: {}", e.toString());
            } else {
                log.debug("Solver runs of this node still not written: {}", e.toString());
            }
        }
    }

    private void write(LocalRun run, Instant now) {
        if (run.ending != null) {
            writeEnding(run);
            return;
        }
        boolean ours;
        if (run.unsaved.getAndSet(false)) {
            Schedule best = run.best;
            try {
                ours = store.saveBest(run.id, node, run.attempt, snapshot(run, best), scoreOf(best),
                        best.getAppointments().size(), List.copyOf(run.history), now);
            } catch (RuntimeException e) {
                run.unsaved.set(true);
                throw e;
            }
        } else if (!now.isBefore(run.written.plus(heartbeatInterval))) {
            ours = store.heartbeat(run.id, node, run.attempt, now);
        } else {
            return;
        }
        run.written = now;
        if (!ours && run.ending == null) {
            // marked FAILED while this node was silent, or taken over since: the run is no longer ours to solve
            log.warn("Schedule {} is no longer this node's to solve (marked FAILED or taken over): stopping it here",
                    run.id);
            run.lost = true;
            solverManager.terminateEarly(run.id);
            solvingHere.remove(run.id, run);
            metrics.finished(SolverRunMetrics.Outcome.LOST);
        }
    }

    private String snapshot(LocalRun run, Schedule best) {
        return ScheduleSnapshot.of(best, run.problem).toJson();
    }

    private static String scoreOf(Schedule best) {
        return best.getScore() == null ? null
                : ScheduleWriter.officialScore(ScheduleWriter.breakdown(best)).toString();
    }

    private boolean solvesHere(StoredRun run) {
        return node.equals(run.node()) && solvingHere.containsKey(run.id());
    }

    /** The stored run, but FAILED (and so marked) when it solves by its row on a node that has gone silent. */
    private StoredRun alive(StoredRun run, Function<String, Optional<StoredRun>> readAgain) {
        Instant now = Instant.now();
        if (!run.silentFor(heartbeatTimeout, now) || solvesHere(run)) {
            return run;
        }
        failSilent(run, now);
        return readAgain.apply(run.id()).orElseThrow(() -> notFound(run.id()));
    }

    private void failSilent(StoredRun run, Instant now) {
        String error = "The node " + run.node() + " that was solving it stopped: no heartbeat since "
                + run.heartbeatAt() + ". Its best schedule so far is kept; start it again to go on.";
        if (store.failSilent(run, now.minus(heartbeatTimeout), error, now)) {
            log.warn("Schedule {}: {}", run.id(), error);
        }
    }

    /** The whole run: problem, best schedule and changes. */
    private StoredRun stored(String id) {
        return alive(store.find(id).orElseThrow(() -> notFound(id)), store::find);
    }

    private StoredRun summary(String id) {
        return alive(store.summary(id).orElseThrow(() -> notFound(id)), store::summary);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No schedule " + id);
    }

    /**
     * The run with its best schedule so far. Its appointments are patients' (a referral each, for the week's
     * demand): one audit entry is written per patient, in one batch, in the reader's name.
     */
    @Transactional
    public ScheduleRun run(String id) {
        StoredRun run = stored(id);
        Rebuilt rebuilt = rebuild(run);
        ScheduleRun view = view(run, solution(rebuilt.best()));
        List<UUID> patients = patientsOf(rebuilt.best());
        if (!patients.isEmpty()) {
            audit.recordBatch(AuditAction.SEARCH, patients, "schedule " + id + " (" + rebuilt.problem().name() + ")",
                    "schedule review");
        }
        return view;
    }

    /** The run's status, best score and its history, without the schedule: shows no patient, so not audited. */
    public ScheduleRun progress(String id) {
        return view(summary(id), null);
    }

    /**
     * The best schedule so far, for measures that show no appointment (equity per county). Whoever shows its
     * appointments reads them with {@link #run(String)}, which audits.
     */
    public Solution bestSolution(String id) {
        return solution(rebuild(stored(id)).best());
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

    /** The runs of every node, the newest first. */
    public List<ScheduleRun> runs() {
        return store.summaries().stream().map(r -> alive(r, store::summary)).map(r -> view(r, null)).toList();
    }

    /**
     * Stops the job, keeping the best schedule found so far. A run solving here stops now; one solving on
     * another node is asked to, and the answer waits up to {@code stop-wait} for that node to have stopped:
     * still SOLVING with {@code stopRequested} when it has not yet.
     */
    public ScheduleRun stop(String id) {
        LocalRun here = solvingHere.get(id);
        if (here != null) {
            stopHere(here);
            return view(summary(id), null);
        }
        StoredRun run = summary(id);
        if (run.solving() && store.requestStop(id)) {
            log.info("Schedule {} solves on node {}: asked it to stop", id, run.node());
            Instant until = Instant.now().plus(stopWait);
            while (run.solving() && Instant.now().isBefore(until) && pause(STOP_POLL)) {
                run = summary(id);
            }
        }
        return view(run, null);
    }

    private void stopHere(LocalRun run) {
        run.stopAsked = true;
        solverManager.terminateEarly(run.id);
        if (solverManager.getSolverStatus(run.id) != SolverStatus.NOT_SOLVING) {
            return;
        }
        if (run.ending == null) {
            // a run that waited for a thread ends without the solver's final best schedule: it ends here
            finish(run, ScheduleRun.Status.SOLVED, null);
        } else {
            // the solver's final best schedule may be being written on its consumer thread: written when this returns
            writeEnding(run);
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Each constraint's total and its heaviest matches. The matches name appointments, so the patients of those
     * shown are audited like a read of the schedule.
     */
    @Transactional
    public Explanation explain(String id) {
        Schedule best = rebuild(stored(id)).best();
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
     * Applies a change: to the running solver as an OptaPlanner problem change when the run solves here, or,
     * once solved, to the best schedule, which is then solved again here for {@code seconds} from where it is.
     * Either way the current plan counts as booked and moving it costs the disruption weight. Solving again
     * needs a free place like a new run ({@link BusyException} otherwise, the schedule unchanged). A run
     * solving on another node is a {@link ConflictException}: stop it first, then change it.
     */
    public ScheduleRun change(String id, ScheduleChange change, int seconds) {
        requireSeconds(seconds);
        synchronized (placeLock) {
            LocalRun here = solvingHere.get(id);
            if (here != null && here.ending == null && occupiesPlace(here)) {
                synchronized (here) {
                    Replanning.check(here.best, change);
                    requireRoomFor(here.best, change);
                    solverManager.addProblemChange(id, Replanning.problemChange(change));
                    here.changes.add(change);
                    store.saveChanges(id, node, here.attempt, List.copyOf(here.changes));
                }
                return view(summary(id), null);
            }
            StoredRun run = finishedHere(id);
            if (run.solving()) {
                throw new ConflictException("status", solving(run) + ": stop it first, then change it");
            }
            Rebuilt rebuilt = rebuild(run);
            Schedule restart = rebuilt.best();
            Replanning.check(restart, change);
            requireRoomFor(restart, change);
            requirePlace();
            Replanning.applyDirectly(restart, change);
            restart.setScore(null);
            List<ScheduleChange> changes = new ArrayList<>(run.changes());
            changes.add(change);
            takeOverAndSolve(run, rebuilt.problem(), restart, null, changes, seconds);
        }
        return view(summary(id), null);
    }

    /**
     * Solves a run again here for {@code seconds}, from its best schedule: a run FAILED because its node
     * stopped, or a SOLVED one to solve longer. It needs a free place like a new run ({@link BusyException}
     * otherwise); a run still solving, here or elsewhere, is a {@link ConflictException}.
     */
    public ScheduleRun restart(String id, int seconds) {
        requireSeconds(seconds);
        synchronized (placeLock) {
            StoredRun run = finishedHere(id);
            if (run.solving()) {
                throw new ConflictException("status", solving(run) + ": stop it first, then start it again");
            }
            Rebuilt rebuilt = rebuild(run);
            requirePlace();
            takeOverAndSolve(run, rebuilt.problem(), rebuilt.best(), run.score(), run.changes(), seconds);
        }
        return view(summary(id), null);
    }

    private String solving(StoredRun run) {
        return "Schedule " + run.id() + " is solving" + (node.equals(run.node()) ? " here" : " on another node ("
                + run.node() + ")");
    }

    /**
     * The whole stored run, after writing the end of its solving here if that solving has just ended and its
     * final write is still to come (so that solving it again does not race with that write).
     */
    private StoredRun finishedHere(String id) {
        LocalRun here = solvingHere.get(id);
        if (here != null && !occupiesPlace(here)) {
            if (here.ending == null) {
                finish(here, ScheduleRun.Status.SOLVED, null);
            } else {
                writeEnding(here);
            }
        }
        return stored(id);
    }

    private void takeOverAndSolve(StoredRun run, Problem problem, Schedule best, String score,
            List<ScheduleChange> changes, int seconds) {
        String snapshot = ScheduleSnapshot.of(best, problem).toJson();
        if (!store.takeOver(run.id(), run.attempt(), node, snapshot, score, best.getAppointments().size(), changes,
                Instant.now())) {
            throw new ConflictException("status", "Schedule " + run.id()
                    + " was changed or started again by another request meanwhile; read it and try again");
        }
        start(new LocalRun(run.id(), run.attempt() + 1, problem, best, run.history(), changes), best, seconds);
    }

    private static void requireRoomFor(Schedule schedule, ScheduleChange change) {
        if (change.type() == ScheduleChange.Type.APPOINTMENT_ADDED
                && schedule.getAppointments().size() >= ProblemValidator.MAX_APPOINTMENTS) {
            throw new InvalidRequestException("appointment", "the schedule has " + schedule.getAppointments().size()
                    + " appointments already; at most " + ProblemValidator.MAX_APPOINTMENTS);
        }
    }

    /** Tells the other modules that this plan is the one to book (the referral workflow books it). */
    public SchedulePublished publish(String id) {
        StoredRun run = stored(id);
        if (run.solving()) {
            throw new ConflictException("status", "Stop or wait for the solver before publishing");
        }
        Rebuilt rebuilt = rebuild(run);
        Solution solution = solution(rebuilt.best());
        if (solution.breakdown().hard() > bookedHard(rebuilt.problem())) {
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
        return ScheduleSnapshot.problemFromJson(stored(id).problem());
    }

    /**
     * The node shuts down: the runs it solves are written FAILED with their best schedule so far, to be
     * started again on another node, and nothing the solver does as it closes is written over them.
     */
    @PreDestroy
    void shutdown() {
        beats.shutdownNow();
        timers.shutdownNow();
        for (LocalRun run : solvingHere.values()) {
            synchronized (run) {
                if (run.ending == null) {
                    run.ending = new Ending(ScheduleRun.Status.FAILED, "The node " + node + " that was solving it"
                            + " shut down. Its best schedule so far is kept; start it again to go on.");
                }
                try {
                    writeEnding(run);
                } catch (RuntimeException e) {
                    log.warn("Schedule {} not written as this node shuts down; it is marked FAILED once its"
                            + " heartbeat is {} old: {}", run.id, heartbeatTimeout, e.toString());
                }
                run.lost = true;
            }
        }
        solvingHere.clear();
    }

    private static void requireSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new InvalidRequestException("seconds", "must be between 1 and " + MAX_SECONDS);
        }
    }

    /**
     * The stored best schedule rebuilt with the run's problem, scored as the solver scored it (unscored when
     * the run has no score yet: not solved, or changed and not solved since).
     */
    private Rebuilt rebuild(StoredRun run) {
        Problem problem = ScheduleSnapshot.problemFromJson(run.problem());
        if (run.best() == null) {
            return new Rebuilt(problem, ScheduleFactory.build(problem, false));
        }
        Schedule best = ScheduleSnapshot.fromJson(run.best()).restore(problem);
        if (run.score() != null) {
            solutionManager.update(best);
        }
        return new Rebuilt(problem, best);
    }

    private record Rebuilt(Problem problem, Schedule best) {
    }

    private static ScheduleRun view(StoredRun run, Solution solution) {
        return new ScheduleRun(run.id(), run.name(), run.status(), run.score(), run.startedAt(), run.appointments(),
                solution, run.history(), run.error(), run.solving() && run.stopRequested() ? Boolean.TRUE : null);
    }

    private static Solution solution(Schedule schedule) {
        return Solving.toSolution(schedule);
    }

    private static ScheduledExecutorService daemonTimer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String hostname() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    /** How a solving ended, to be written. */
    private record Ending(ScheduleRun.Status status, String error) {
    }

    /** A solving of a run on this node: the best schedule it found so far and the best score over time. */
    private static final class LocalRun {
        final String id;
        final int attempt;
        final Problem problem;
        final List<ScheduleRun.ScorePoint> history;
        final List<ScheduleChange> changes;
        volatile Schedule best;
        /** The solver found a best schedule: the initial one is not written again. */
        volatile boolean improved;
        /** A best schedule not written yet. */
        final AtomicBoolean unsaved = new AtomicBoolean();
        volatile Instant written = Instant.now();
        /** When the time limit of the solving under way ends; null while it waits for a thread. */
        volatile Instant deadline;
        volatile boolean stopAsked;
        /** The run was marked FAILED or taken over by another node: nothing more is written for it. */
        volatile boolean lost;
        volatile Ending ending;

        LocalRun(String id, int attempt, Problem problem, Schedule initial, List<ScheduleRun.ScorePoint> history,
                List<ScheduleChange> changes) {
            this.id = id;
            this.attempt = attempt;
            this.problem = problem;
            this.best = initial;
            this.history = new CopyOnWriteArrayList<>(history);
            this.changes = new CopyOnWriteArrayList<>(changes);
        }

        void improved(Schedule schedule) {
            best = schedule;
            improved = true;
            HardMediumSoftLongScore score = ScheduleWriter.officialScore(ScheduleWriter.breakdown(schedule));
            if (history.isEmpty() || !history.get(history.size() - 1).score().equals(score.toString())) {
                history.add(new ScheduleRun.ScorePoint(Instant.now(), score.toString(), score.hardScore(),
                        score.mediumScore(), score.softScore()));
            }
            unsaved.set(true);
        }
    }
}
