package org.carebridge.referrals;

import static org.carebridge.referrals.ReferralScenario.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.carebridge.CareBridgeApplication;
import org.carebridge.directory.Specialty;
import org.carebridge.shared.InvalidRequestException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load driver of issue 4: closes referrals end to end (submit → review → accept → schedule → outcome
 * → acknowledge) through the service layer, on the database of the {@code postgres} profile, with a
 * number of threads, and reports referrals closed per second and database commits per referral
 * (from {@code pg_stat_database}). Run by {@code docs/bench/referrals.sh}, which also runs pgbench.
 *
 * <p>Usage: {@code ReferralLoadDriver <threads> <warm-up referrals> <measured referrals>}; the
 * history level comes from {@code camunda.bpm.history-level} (a system property).
 */
public final class ReferralLoadDriver {

    private ReferralLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CareBridgeApplication.class)
                .profiles("postgres")
                // the web layer starts (security needs it) on a free port, but nothing calls it
                .run("--server.port=0", "--carebridge.demo.enabled=true", "--carebridge.demo.patients=500",
                        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=warn")) {
            ReferralScenario scenario = new ReferralScenario(context);
            EarliestFreeSlots slots = context.getBean(EarliestFreeSlots.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<Long> doctors = scenario.doctorsWith(Specialty.INTERNAL_MEDICINE);
            List<UUID> patients = jdbc.queryForList("select id from patient order by id limit 200", UUID.class);
            long closedBefore = closed(jdbc);
            Workload work = new Workload(scenario, slots, patients, doctors);
            run(work, threads, warmUp);
            long commitsBefore = commits(jdbc);
            long started = System.nanoTime();
            int retries = run(work, threads, measured);
            double seconds = (System.nanoTime() - started) / 1e9;
            long commits = commits(jdbc) - commitsBefore;
            long closed = closed(jdbc) - closedBefore;
            if (closed != warmUp + measured) {
                throw new IllegalStateException(closed + " referrals closed, expected " + (warmUp + measured));
            }
            System.out.printf("RESULT historyLevel=%s threads=%d referrals=%d seconds=%.2f referralsPerSecond=%.2f"
                            + " commitsPerReferral=%.1f bookingRetries=%d%n",
                    context.getEnvironment().getProperty("camunda.bpm.history-level"), threads, measured, seconds,
                    measured / seconds, (double) commits / measured, retries);
        }
    }

    private static long closed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from referral where status = 'COMPLETED'", Long.class);
    }

    private static long commits(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
                Long.class);
    }

    /**
     * What is driven: the referral workflow, not the optimiser (measured by issue 5's benchmarks). The
     * coordinator routes to a doctor of their choice, in turn, and books the doctor's earliest free slot.
     */
    private record Workload(ReferralScenario scenario, EarliestFreeSlots slots, List<UUID> patients,
            List<Long> doctors) {
    }

    /** Closes {@code count} referrals on {@code threads} threads; returns how often a booking lost a race. */
    private static int run(Workload work, int threads, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        closeOne(work, i, retries);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return retries.get();
    }

    private static void closeOne(Workload work, int i, AtomicInteger retries) {
        ReferralScenario scenario = work.scenario();
        ReferralRequest request = scenario.request(ReferralScenario.HEALTHY, Specialty.INTERNAL_MEDICINE);
        ReferralDetails referral = scenario.as("coordinator", () -> scenario.referrals.submit(new ReferralRequest(
                work.patients().get(i % work.patients().size()), request.referringFacilityId(), request.reason(),
                request.requestedSpecialty(), request.suspectedConditions(), null, null, request.observations())));
        long doctorId = work.doctors().get(i % work.doctors().size());
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "doctorId", "" + doctorId));
        String doctor = scenario.usernameOf(doctorId);
        scenario.complete(doctor, referral, "AcceptReferral", form("decision", "ACCEPT"));
        while (true) {
            AppointmentSuggestion slot = work.slots().suggest(new AppointmentDemand(referral.id(), referral.patientId(),
                    referral.urgency(), referral.specialty(), referral.referringRegionId(),
                    referral.referringFacilityId(), doctorId, Set.of(), Timeline.now(), 30), 1).get(0);
            try {
                scenario.complete("coordinator", referral, "ScheduleAppointment", form("start", slot.start().toString(),
                        "mode", "IN_PERSON", "facilityId", slot.facilityId()));
                break;
            } catch (InvalidRequestException slotJustTaken) {
                retries.incrementAndGet();
            }
        }
        scenario.complete(doctor, referral, "DocumentOutcome", form("attended", true, "diagnosis", "Gastritis",
                "plan", "PPI for 4 weeks", "followUp", "NONE"));
        scenario.complete("coordinator", referral, "AcknowledgeOutcome", Map.of());
    }
}
