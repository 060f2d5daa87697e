package org.carebridge.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.carebridge.shared.Wording;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes months of synthetic, finished referral loops into the referral tables (referral, appointment,
 * referral_event) with batched inserts, for the demo's first start and for the benchmark. Only loops that were
 * over before {@code end} are written — COMPLETED, or REJECTED, CANCELLED, FAILED (two missed appointments, or
 * an outcome never acknowledged) — so that no row waits for a process instance: the generator writes no Camunda
 * history and starts no process. Generated rows are marked: the reason starts with {@link #REASON_PREFIX}, the
 * events' actor and the appointments' {@code booked_by} are {@link #ACTOR}.
 * <p>
 * The distributions are the gap CareBridge exists to close: URGENT 15 %, SOON 35 %, ROUTINE 50 %; underserved
 * counties wait about 1.8 times as long for an appointment and 1.6 times as long for the coordinator's review,
 * miss more appointments (12 % against 5 %), close fewer loops (72 % of outcomes acknowledged against 90 %) and
 * see more teleconsults (40 % against 15 %, where the doctor offers them).
 * <p>
 * It writes to the referrals module's tables directly rather than through its API: that API runs the process
 * engine for every step, a hundred thousand times too slow for history, and history needs past timestamps.
 */
@Service
public class HistoryGenerator {

    public static final String REASON_PREFIX = "[generated history] ";
    public static final String ACTOR = "history-generator";
    private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);
    private static final int BATCH = 1000;
    private static final String[] URGENCIES = {"URGENT", "SOON", "ROUTINE"};
    private static final double[] REVIEW_HOURS = {1, 10, 30};
    private static final double[] REVIEW_DUE_HOURS = {2, 24, 72};
    private static final double[] ACCEPT_HOURS = {1, 8, 24};
    private static final double[] WAIT_DAYS = {0.8, 3, 8};

    private final JdbcTemplate jdbc;

    HistoryGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What was written, and how long it took. */
    public record Generated(int referrals, int appointments, int events, Duration took) {
    }

    private record Doctor(long id, long facilityId, boolean teleconsult) {
    }

    private record Patient(UUID id, long facilityId, long regionId, boolean underserved) {
    }

    /**
     * Writes {@code referrals} finished loops created within the {@code days} before {@code end}, from patients
     * of the database (their home facility refers them) to practitioners with a specialty other than general
     * practice; the same seed gives the same history over the same directory and patients.
     */
    @Transactional
    public Generated generate(int referrals, Instant end, int days, long seed) {
        long started = System.nanoTime();
        List<Patient> patients = jdbc.query("""
                select p.id, p.home_facility_id, f.region_id, r.underserved from patient p
                join facility f on f.id = p.home_facility_id join region r on r.id = f.region_id
                order by p.id fetch first 20000 rows only""",
                (rs, i) -> new Patient(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
        Map<String, List<Doctor>> bySpecialty = new HashMap<>();
        jdbc.query("""
                select s.specialty, p.id, p.home_facility_id, p.teleconsult_capable from practitioner p
                join practitioner_specialty s on s.practitioner_id = p.id
                where s.specialty <> 'GENERAL_PRACTICE' order by s.specialty, p.id""",
                rs -> {
                    bySpecialty.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                            .add(new Doctor(rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
                });
        if (patients.isEmpty() || bySpecialty.isEmpty() || referrals <= 0) {
            return new Generated(0, 0, 0, Duration.ZERO);
        }
        List<String> specialties = new ArrayList<>(bySpecialty.keySet());
        specialties.sort(null);
        Random random = new Random(seed);
        Batch batch = new Batch();
        int appointments = 0;
        int events = 0;
        for (int i = 0; i < referrals; i++) {
            Patient patient = patients.get(random.nextInt(patients.size()));
            String specialty = specialties.get(random.nextInt(specialties.size()));
            List<Doctor> doctors = bySpecialty.get(specialty);
            Loop loop = Loop.draw(random, patient, doctors.get(random.nextInt(doctors.size())), specialty,
                    end, days);
            loop.addTo(batch);
            appointments += loop.appointments.size();
            events += loop.events.size();
            if (batch.referrals.size() >= BATCH) {
                batch.flush(jdbc);
            }
        }
        batch.flush(jdbc);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Generated {} referrals, {} appointments, {} events of history in {} ms", referrals, appointments,
                events, took.toMillis());
        return new Generated(referrals, appointments, events, took);
    }

    /** One referral's loop: its times, status, appointments and timeline. */
    private static final class Loop {
        final UUID id = UUID.randomUUID();
        Patient patient;
        Doctor doctor;
        String specialty;
        String urgency;
        String status;
        boolean slaBreached;
        int missed;
        Boolean attended;
        Instant created;
        Instant closed;
        final List<Object[]> appointments = new ArrayList<>();
        final List<Object[]> events = new ArrayList<>();
        // offsets from creation, in minutes, until the creation time is known
        final List<Object[]> pendingEvents = new ArrayList<>();
        final List<long[]> pendingAppointments = new ArrayList<>();
        final List<String> appointmentModes = new ArrayList<>();
        final List<String> appointmentStatuses = new ArrayList<>();

        /** The referral module's words for a timeline entry ({@code referrals.said.*}), as its steps write them. */
        static Wording said(String kind) {
            return new Wording("referrals.said." + kind, Map.of());
        }

        static Loop draw(Random random, Patient patient, Doctor doctor, String specialty, Instant end, int days) {
            Loop loop = new Loop();
            loop.patient = patient;
            loop.doctor = doctor;
            loop.specialty = specialty;
            boolean underserved = patient.underserved();
            double u = random.nextDouble();
            int level = u < 0.15 ? 0 : u < 0.50 ? 1 : 2;
            loop.urgency = URGENCIES[level];
            long t = 0;
            loop.event(t, "SUBMITTED", said("REASON"));
            loop.event(t + 1, "ASSESSED", said("ASSESSED").label("urgency", "urgency." + loop.urgency)
                    .label("specialty", "specialty." + specialty));
            long review = minutes(lognormal(random, REVIEW_HOURS[level] * (underserved ? 1.6 : 1), 0.8) * 60);
            if (review > REVIEW_DUE_HOURS[level] * 60) {
                loop.slaBreached = true;
                loop.event((long) (REVIEW_DUE_HOURS[level] * 60), "SLA_BREACHED", said("NOT_REVIEWED_IN_TIME")
                        .duration("within", Duration.ofMinutes((long) (REVIEW_DUE_HOURS[level] * 60))));
            }
            t = Math.max(2, review);
            if (random.nextDouble() < 0.04) {
                loop.event(t, "REJECTED", said("REASON").text("reason", "无转诊指征"));
                return loop.finish("REJECTED", t, random, end, days);
            }
            loop.event(t, "ROUTED", said("ROUTED").doctor("doctor", doctor.id()).label("specialty", "specialty." + specialty)
                    .label("urgency", "urgency." + loop.urgency));
            t += minutes(lognormal(random, ACCEPT_HOURS[level], 0.7) * 60);
            loop.event(t, "ACCEPTED", said("REASON"));
            long start = Math.max(t + 60, minutes(lognormal(random, WAIT_DAYS[level] * (underserved ? 1.8 : 1), 0.5) * 1440));
            String mode = doctor.teleconsult() && random.nextDouble() < (underserved ? 0.40 : 0.15) ? "TELECONSULT"
                    : "IN_PERSON";
            double noShow = underserved ? 0.12 : 0.05;
            for (int attempt = 0; ; attempt++) {
                start = start / 15 * 15;
                loop.event(t + 5, "SCHEDULED", said("SCHEDULED").label("mode", "referrals.mode." + mode)
                        .doctor("doctor", doctor.id()));
                if (attempt == 0 && random.nextDouble() < 0.03) {
                    loop.appointment(start, mode, "CANCELLED", t + 5);
                    t = Math.min(start, t + minutes(random.nextDouble() * 2880) + 10);
                    loop.event(t, "CANCELLED", said("REASON").text("reason", "患者撤回转诊"));
                    return loop.finish("CANCELLED", t, random, end, days);
                }
                if (random.nextDouble() < noShow) {
                    loop.appointment(start, mode, "MISSED", t + 5);
                    loop.missed++;
                    t = start + 60;
                    loop.event(t, "NO_SHOW", said("MISSED_APPOINTMENT").number("missed", loop.missed).number("allowed", 2));
                    if (attempt == 1) {
                        loop.attended = false;
                        loop.event(t, "FAILED", said("MISSED_TOO_OFTEN").number("missed", loop.missed));
                        return loop.finish("FAILED", t, random, end, days);
                    }
                    start = t + minutes(lognormal(random, 4 * (underserved ? 1.5 : 1), 0.5) * 1440);
                    continue;
                }
                loop.appointment(start, mode, "ATTENDED", t + 5);
                break;
            }
            loop.attended = true;
            t = start + 30 + minutes(lognormal(random, 12, 0.6) * 60);
            loop.event(t, "OUTCOME_DOCUMENTED", said("REASON"));
            if (random.nextDouble() < (underserved ? 0.72 : 0.90)) {
                t += minutes(lognormal(random, 36, 0.7) * 60);
                loop.event(t, "ACKNOWLEDGED", said("REASON"));
                return loop.finish("COMPLETED", t, random, end, days);
            }
            t += 7 * 1440;
            loop.event(t, "FAILED", said("OUTCOME_NOT_ACKNOWLEDGED_IN_TIME").duration("within", Duration.ofDays(7)));
            return loop.finish("FAILED", t, random, end, days);
        }

        /** Places the loop in time: created uniformly early enough for all of it to be over by {@code end}. */
        Loop finish(String finalStatus, long lastMinute, Random random, Instant end, int days) {
            status = finalStatus;
            long span = (long) days * 1440 - lastMinute;
            long offset = span <= 0 ? 0 : (long) (random.nextDouble() * span);
            created = end.minus(days, ChronoUnit.DAYS).plus(offset, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
            closed = created.plus(lastMinute, ChronoUnit.MINUTES);
            for (Object[] e : pendingEvents) {
                events.add(new Object[] {id, ts(created.plus((Long) e[0], ChronoUnit.MINUTES)), e[1], ACTOR, e[2]});
            }
            for (int i = 0; i < pendingAppointments.size(); i++) {
                long[] times = pendingAppointments.get(i);
                Instant starts = created.plus(times[0], ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
                appointments.add(new Object[] {UUID.randomUUID(), id, doctor.id(), doctor.facilityId(),
                        appointmentModes.get(i), ts(starts), ts(starts.plus(30, ChronoUnit.MINUTES)),
                        appointmentStatuses.get(i), ts(created.plus(times[1], ChronoUnit.MINUTES)), ACTOR});
            }
            return this;
        }

        void event(long minute, String type, Wording wording) {
            pendingEvents.add(new Object[] {minute, type, wording.toJson()});
        }

        void appointment(long startMinute, String mode, String status, long bookedMinute) {
            pendingAppointments.add(new long[] {startMinute, bookedMinute});
            appointmentModes.add(mode);
            appointmentStatuses.add(status);
        }

        void addTo(Batch batch) {
            boolean routed = !"REJECTED".equals(status);
            batch.referrals.add(new Object[] {id, patient.id(), patient.facilityId(), patient.regionId(),
                    REASON_PREFIX + specialty.toLowerCase().replace('_', ' ') + " referral", specialty, "", "{}",
                    status, urgency, specialty, routed ? doctor.id() : null, missed, attended,
                    Boolean.TRUE.equals(attended) ? "NONE" : null, slaBreached, ts(created), ts(closed), ts(closed)});
            batch.appointments.addAll(appointments);
            batch.events.addAll(events);
        }

        private static long minutes(double value) {
            return Math.max(1, Math.round(value));
        }

        private static double lognormal(Random random, double median, double sigma) {
            return median * Math.exp(sigma * random.nextGaussian());
        }

        private static Timestamp ts(Instant instant) {
            return Timestamp.from(instant);
        }
    }

    private static final class Batch {
        final List<Object[]> referrals = new ArrayList<>();
        final List<Object[]> appointments = new ArrayList<>();
        final List<Object[]> events = new ArrayList<>();

        void flush(JdbcTemplate jdbc) {
            if (referrals.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("""
                    insert into referral (id, patient_id, referring_facility_id, referring_region_id, reason,
                        requested_specialty, suspected_conditions, assessment_input_json, status, urgency, specialty,
                        assigned_doctor_id, missed_appointments, outcome_attended, outcome_follow_up, sla_breached,
                        created_at, updated_at, closed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", referrals);
            // the patient's county, whose coordinators serve the case (as Referrals does for a new one)
            jdbc.update("""
                    update referral set patient_region_id = (select f.region_id from patient p
                        join facility f on f.id = p.home_facility_id where p.id = referral.patient_id)
                    where patient_region_id is null""");
            jdbc.batchUpdate("""
                    insert into appointment (id, referral_id, practitioner_id, facility_id, mode, starts_at, ends_at,
                        status, booked_at, booked_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", appointments);
            jdbc.batchUpdate("insert into referral_event (referral_id, at, type, actor, wording) values (?, ?, ?, ?, ?)",
                    events);
            referrals.clear();
            appointments.clear();
            events.clear();
        }
    }
}
