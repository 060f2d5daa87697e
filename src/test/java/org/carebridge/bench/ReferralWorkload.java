package org.carebridge.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mix of operations, as the demo staff would do them through the API: the closed referral loop (submit and
 * review/route as {@code coordinator}, accept as the routed doctor, schedule at the earliest slot the suggestions
 * offer, document the outcome as the doctor, acknowledge as the coordinator), chart reads (a patient, their
 * observations, a referral's timeline) and guideline assessments.
 *
 * <p>A virtual client sticks to one node, as behind a sticky proxy, and works its own referrals (up to
 * {@code maxInFlight} at a time) with its own doctor where there are enough doctors; each referral step is one
 * operation of the mix. Task ids come from the user's inbox ({@code GET /api/tasks}), read at most once per
 * {@code inboxTtlMillis} per user and node and shared by the clients of that node, as a coordinator works several
 * tasks off one look at the inbox. After a step without a 2xx answer, the referral is read again before its next
 * step, so that a step whose answer was lost (node killed, database away) is not done twice.
 */
final class ReferralWorkload {

    enum Step {
        SUBMIT("REQUESTED"), ROUTE("RECEIVED"), ACCEPT("ACCEPTED"), SCHEDULE("SCHEDULED"), DOCUMENT("REPORTED"),
        ACKNOWLEDGE("COMPLETED");

        /** The status a referral has once this step got a 2xx. */
        final String status;

        Step(String status) {
            this.status = status;
        }

        static int rankOf(String status) {
            for (Step s : values()) {
                if (s.status.equals(status)) {
                    return s.ordinal();
                }
            }
            return -1;
        }
    }

    record Doctor(long practitionerId, String username) {
    }

    record Patient(String id, long homeFacilityId) {
    }

    /** A referral a client is taking through the loop. */
    static final class Flight {
        final String id;
        volatile Step next = Step.ROUTE;
        volatile boolean resync;
        final AtomicBoolean busy = new AtomicBoolean();

        Flight(String id) {
            this.id = id;
        }
    }

    static final class Client {
        final int index;
        final int node;
        final Doctor doctor;
        final List<Flight> flights = new CopyOnWriteArrayList<>();
        final Random random;

        Client(int index, int node, Doctor doctor) {
            this.index = index;
            this.node = node;
            this.doctor = doctor;
            this.random = new Random(17L * index + 1);
        }
    }

    /** A user's inbox on one node as last read. */
    private static final class Inbox {
        volatile long readAt;
        volatile Map<String, String> taskIds = Map.of();
    }

    private static final String COORDINATOR = "coordinator";
    private static final Map<String, Object> OBSERVATIONS = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 120, "diastolicBp", 78, "heartRate", 72, "consciousness", "ALERT", "temperature", 36.8);
    /** Bodies of {@code POST /api/assessments}: sepsis and pneumonia scores, stage 2 hypertension, a child (IMCI). */
    private static final List<String> ASSESSMENTS = List.of("""
            {"ageYears": 70, "sex": "FEMALE", "suspectedConditions": ["INFECTION", "PNEUMONIA"], "observations":
             {"respiratoryRate": 22, "oxygenSaturation": 95, "onSupplementalOxygen": false, "systolicBp": 105,
              "diastolicBp": 70, "heartRate": 112, "consciousness": "ALERT", "temperature": 38.6, "bloodUrea": 8.1,
              "fastingPlasmaGlucose": 7.2, "hba1c": 6.8}}""", """
            {"ageYears": 45, "sex": "MALE", "observations": {"respiratoryRate": 16, "oxygenSaturation": 98,
             "systolicBp": 150, "diastolicBp": 95, "heartRate": 80, "consciousness": "ALERT",
             "temperature": 36.9}}""", """
            {"ageYears": 3, "ageMonths": 40, "sex": "FEMALE", "observations": {"respiratoryRate": 44,
             "heartRate": 130, "oxygenSaturation": 96, "temperature": 38.2, "imciDangerSigns": []}}""");

    private final Api api;
    private final List<Patient> patients;
    private final int maxInFlight;
    private final long inboxTtlNanos;
    private final double stepShare;
    private final double chartShare;
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final Map<Long, AtomicBoolean> diaries = new ConcurrentHashMap<>();
    /** The furthest step that got a 2xx, by referral: what must be there after a crash. */
    private final Map<String, Step> acknowledged = new ConcurrentHashMap<>();
    private final List<String> recentReferrals = new CopyOnWriteArrayList<>();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong abandoned = new AtomicLong();
    final AtomicLong deferred = new AtomicLong();

    ReferralWorkload(Api api, List<Patient> patients, int maxInFlight, long inboxTtlMillis,
            double stepWeight, double chartWeight, double assessWeight) {
        this.api = api;
        this.patients = patients;
        this.maxInFlight = maxInFlight;
        this.inboxTtlNanos = inboxTtlMillis * 1_000_000;
        double total = stepWeight + chartWeight + assessWeight;
        this.stepShare = stepWeight / total;
        this.chartShare = chartWeight / total;
    }

    Map<String, Step> acknowledged() {
        return acknowledged;
    }

    /** One operation of the mix for this client, started {@code lagMillis} late. */
    void operate(Client client, long lagMillis) {
        api.recorder().operation(client.node, lagMillis);
        double r;
        synchronized (client.random) {
            r = client.random.nextDouble();
        }
        if (r < stepShare) {
            if (!advanceAReferral(client)) {
                deferred.incrementAndGet();
                readChart(client);
            }
        } else if (r < stepShare + chartShare) {
            readChart(client);
        } else {
            assess(client);
        }
    }

    /** Moves one of the client's referrals a step on, or submits a new one; false when all are busy and no room. */
    private boolean advanceAReferral(Client client) {
        for (Flight flight : client.flights) {
            if (flight.busy.compareAndSet(false, true)) {
                // one booking per doctor at a time, as one coordinator books a doctor's diary: two at once would be
                // offered the same earliest slot and one refused
                AtomicBoolean diary = flight.next == Step.SCHEDULE || flight.resync
                        ? diaries.computeIfAbsent(client.doctor.practitionerId(), d -> new AtomicBoolean()) : null;
                if (diary != null && !diary.compareAndSet(false, true)) {
                    flight.busy.set(false);
                    continue;
                }
                try {
                    step(client, flight);
                } finally {
                    if (diary != null) {
                        diary.set(false);
                    }
                    flight.busy.set(false);
                }
                return true;
            }
        }
        if (client.flights.size() >= maxInFlight) {
            return false;
        }
        submit(client);
        return true;
    }

    private void submit(Client client) {
        Patient patient = pick(client, patients);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.id());
        body.put("referringFacilityId", patient.homeFacilityId());
        body.put("reason", "Load test: tired and breathless on exertion for a month");
        body.put("requestedSpecialty", "INTERNAL_MEDICINE");
        body.put("suspectedConditions", List.of());
        body.put("observations", OBSERVATIONS);
        Api.Answer answer = api.post(client.node, COORDINATOR, "submit", "/api/referrals", body);
        if (answer.ok()) {
            String id = answer.body().path("id").asText();
            acknowledged.put(id, Step.SUBMIT);
            Flight flight = new Flight(id);
            if (!"REQUESTED".equals(answer.body().path("status").asText())) {
                flight.resync = true;
            }
            client.flights.add(flight);
            remember(id);
        }
    }

    private void step(Client client, Flight flight) {
        if (flight.resync && !resync(client, flight)) {
            return;
        }
        Step step = flight.next;
        boolean done = switch (step) {
            case ROUTE -> complete(client, flight, COORDINATOR, "ReviewReferral", "route",
                    Map.of("decision", "ROUTE", "doctorId", Long.toString(client.doctor.practitionerId())));
            case ACCEPT -> complete(client, flight, client.doctor.username(), "AcceptReferral", "accept",
                    Map.of("decision", "ACCEPT"));
            case SCHEDULE -> schedule(client, flight);
            case DOCUMENT -> complete(client, flight, client.doctor.username(), "DocumentOutcome", "document",
                    Map.of("attended", true, "diagnosis", "Iron-deficiency anaemia", "plan",
                            "Oral iron for three months, full blood count in four weeks", "followUp", "NONE"));
            case ACKNOWLEDGE -> complete(client, flight, COORDINATOR, "AcknowledgeOutcome", "acknowledge",
                    Map.of("note", "Outcome read; plan passed on to the village doctor"));
            default -> throw new IllegalStateException("no step " + step);
        };
        if (done) {
            acknowledged.put(flight.id, step);
            if (step == Step.ACKNOWLEDGE) {
                client.flights.remove(flight);
                completed.incrementAndGet();
            } else {
                flight.next = Step.values()[step.ordinal() + 1];
            }
        }
    }

    /** Reads the referral to learn its next step; false when it left the loop (or could not be read). */
    private boolean resync(Client client, Flight flight) {
        Api.Answer read = api.get(client.node, COORDINATOR, "referral.read", "/api/referrals/" + flight.id);
        if (!read.ok()) {
            return false;
        }
        String status = read.body().path("status").asText();
        int rank = Step.rankOf(status);
        if (rank < 0) {
            // ON_HOLD, REJECTED, CANCELLED, FAILED, or a teleconsult: not this loop's
            client.flights.remove(flight);
            abandoned.incrementAndGet();
            return false;
        }
        if (rank == Step.ACKNOWLEDGE.ordinal()) {
            client.flights.remove(flight);
            completed.incrementAndGet();
            return false;
        }
        flight.next = Step.values()[rank + 1];
        flight.resync = false;
        return true;
    }

    private boolean schedule(Client client, Flight flight) {
        Api.Answer suggestions = api.get(client.node, COORDINATOR, "suggestions",
                "/api/referrals/" + flight.id + "/suggestions?limit=1");
        if (!suggestions.ok()) {
            flight.resync = true;
            return false;
        }
        JsonNode slot = suggestions.body().path(0);
        if (slot.isMissingNode()) {
            flight.resync = true;
            return false;
        }
        Map<String, Object> form = new HashMap<>();
        form.put("start", slot.path("start").asText());
        form.put("mode", "IN_PERSON");
        form.put("facilityId", slot.path("facilityId").asLong());
        return complete(client, flight, COORDINATOR, "ScheduleAppointment", "schedule", form);
    }

    private boolean complete(Client client, Flight flight, String user, String taskKey, String operation,
            Map<String, Object> form) {
        String taskId = taskId(client.node, user, flight.id, taskKey);
        if (taskId == null) {
            // not in the inbox: done already (an answer lost), or somewhere else; look before trying again
            flight.resync = true;
            return false;
        }
        Api.Answer answer = api.post(client.node, user, operation, "/api/tasks/" + taskId + "/complete", form);
        forget(client.node, user, flight.id, taskKey);
        if (answer.ok()) {
            return true;
        }
        if (Api.outcome(operation, answer) != Recorder.Outcome.SLOT_TAKEN) {
            flight.resync = true;
        }
        return false;
    }

    private String taskId(int node, String user, String referralId, String taskKey) {
        Inbox inbox = inboxes.computeIfAbsent(node + "/" + user, k -> new Inbox());
        String key = referralId + "/" + taskKey;
        long now = System.nanoTime();
        String id = now - inbox.readAt < inboxTtlNanos ? inbox.taskIds.get(key) : null;
        if (id != null) {
            return id;
        }
        synchronized (inbox) {
            // another client of the node may have read it while this one waited
            if (inbox.readAt > now) {
                id = inbox.taskIds.get(key);
                if (id != null) {
                    return id;
                }
            }
            Api.Answer answer = api.get(node, user, "inbox", "/api/tasks");
            if (!answer.ok()) {
                return null;
            }
            Map<String, String> ids = new ConcurrentHashMap<>();
            for (JsonNode task : answer.body()) {
                String row = task.path("referralId").asText() + "/" + task.path("taskKey").asText();
                ids.put(row, task.path("id").asText());
            }
            inbox.taskIds = ids;
            inbox.readAt = System.nanoTime();
            return ids.get(key);
        }
    }

    private void forget(int node, String user, String referralId, String taskKey) {
        Inbox inbox = inboxes.get(node + "/" + user);
        if (inbox != null) {
            inbox.taskIds.remove(referralId + "/" + taskKey);
        }
    }

    private void readChart(Client client) {
        int which;
        synchronized (client.random) {
            which = client.random.nextInt(3);
        }
        Patient patient = pick(client, patients);
        switch (which) {
            case 0 -> api.get(client.node, COORDINATOR, "chart.patient", "/api/patients/" + patient.id());
            case 1 -> api.get(client.node, COORDINATOR, "chart.observations",
                    "/api/patients/" + patient.id() + "/observations?size=20");
            default -> {
                String referral = recentReferrals.isEmpty() ? null : pick(client, recentReferrals);
                if (referral == null) {
                    api.get(client.node, COORDINATOR, "chart.patient", "/api/patients/" + patient.id());
                } else {
                    api.get(client.node, COORDINATOR, "chart.timeline", "/api/referrals/" + referral + "/timeline");
                }
            }
        }
    }

    private void assess(Client client) {
        api.post(client.node, COORDINATOR, "assess", "/api/assessments", pick(client, ASSESSMENTS));
    }

    private void remember(String referralId) {
        recentReferrals.add(referralId);
        if (recentReferrals.size() > 500) {
            recentReferrals.remove(0);
        }
    }

    private static <T> T pick(Client client, List<T> from) {
        synchronized (client.random) {
            return from.get(client.random.nextInt(from.size()));
        }
    }

    // --- what the mix needs from the demo province, read through the API once at the start ---

    /** Internal-medicine doctors with exactly one login and weekly hours, from the user list and the directory. */
    static List<Doctor> doctors(Api api) {
        Api.Answer users = api.get(0, "admin", "setup", "/api/users");
        Api.Answer directory = api.get(0, COORDINATOR, "setup",
                "/api/practitioners?specialty=INTERNAL_MEDICINE&size=200&sort=id");
        if (!users.ok() || !directory.ok()) {
            throw new IllegalStateException("cannot read the demo doctors: users " + users.statusLabel()
                    + ", practitioners " + directory.statusLabel());
        }
        Map<Long, List<String>> logins = new HashMap<>();
        for (JsonNode user : users.body()) {
            if (user.hasNonNull("practitionerId")) {
                logins.computeIfAbsent(user.path("practitionerId").asLong(), k -> new ArrayList<>())
                        .add(user.path("username").asText());
            }
        }
        List<Doctor> doctors = new ArrayList<>();
        for (JsonNode p : directory.body().path("content")) {
            List<String> names = logins.getOrDefault(p.path("id").asLong(), List.of());
            if (names.size() == 1 && p.path("availability").size() > 0) {
                doctors.add(new Doctor(p.path("id").asLong(), names.get(0)));
            }
        }
        if (doctors.isEmpty()) {
            throw new IllegalStateException("no internal-medicine doctor with a login (seeded with DEMO_DATA=true?)");
        }
        return doctors;
    }

    /** Adults (NEWS2 applies, so that the routine observations stay routine), up to {@code max}. */
    static List<Patient> adults(Api api, int max) {
        List<Patient> adults = new ArrayList<>();
        LocalDate adult = LocalDate.now().minusYears(18);
        for (int page = 0; adults.size() < max && page < 20; page++) {
            Api.Answer answer = api.get(0, COORDINATOR, "setup", "/api/patients?size=100&page=" + page);
            if (!answer.ok()) {
                throw new IllegalStateException("cannot list patients: " + answer.statusLabel());
            }
            JsonNode content = answer.body().path("content");
            if (content.isEmpty()) {
                break;
            }
            for (JsonNode p : content) {
                if (LocalDate.parse(p.path("birthDate").asText()).isBefore(adult) && p.hasNonNull("homeFacilityId")) {
                    adults.add(new Patient(p.path("id").asText(), p.path("homeFacilityId").asLong()));
                }
            }
        }
        if (adults.isEmpty()) {
            throw new IllegalStateException("no adult patients (seeded with DEMO_DATA=true?)");
        }
        return adults;
    }
}
