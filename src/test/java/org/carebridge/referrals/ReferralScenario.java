package org.carebridge.referrals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carebridge.directory.Specialty;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.guidelines.Observations;
import org.carebridge.clinical.Sex;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.PatientRecords;
import org.carebridge.patients.PatientRequest;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.Tasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.context.ApplicationContext;

/**
 * Drives referrals through the service layer as the demo staff would: submit as the coordinator,
 * complete each task as the person it belongs to, and fire timers with the engine's clock moved on.
 * Built from the shared test context's beans, not registered in it: a bean of its own would give the
 * tests that use it a second Spring context (and a second database and security setup).
 */
class ReferralScenario {

    static final Map<String, Object> HEALTHY = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 120, "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8);
    /** NEWS2 6, medium risk: URGENT, internal medicine. */
    static final Map<String, Object> NEWS2_MEDIUM = Map.of("respiratoryRate", 22, "oxygenSaturation", 95,
            "systolicBp", 105, "diastolicBp", 70, "heartRate", 95, "consciousness", "ALERT", "temperature", 38.5);
    /** Stage 2 hypertension: SOON, cardiology. */
    static final Map<String, Object> STAGE_2 = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 165, "diastolicBp", 100, "heartRate", 72, "consciousness", "ALERT", "temperature", 36.8);
    /** Hypertensive crisis: EMERGENCY. */
    static final Map<String, Object> CRISIS = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 190, "diastolicBp", 125, "heartRate", 80, "consciousness", "ALERT", "temperature", 36.8);

    final Referrals referrals;
    final ChangingUrgency urgency;
    final PatientRecords patients;
    final Tasks tasks;
    final TaskService taskService;
    final ManagementService management;
    final RuntimeService runtime;
    final StaffAccounts staff;
    final JdbcTemplate jdbc;
    final ObjectMapper json;
    private final UserDetailsService users;
    private final Map<String, UserDetails> signedIn = new ConcurrentHashMap<>();
    private final Map<UUID, String> processInstances = new ConcurrentHashMap<>();

    ReferralScenario(ApplicationContext context) {
        this.referrals = context.getBean(Referrals.class);
        this.urgency = context.getBean(ChangingUrgency.class);
        this.patients = context.getBean(PatientRecords.class);
        this.tasks = context.getBean(Tasks.class);
        this.taskService = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.staff = context.getBean(StaffAccounts.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.json = context.getBean(ObjectMapper.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    /** Signs in as a demo user (password = username) for the calls that follow on this thread. */
    void as(String username) {
        // the account is read once, as a signed-in session holds it
        UserDetails user = signedIn.computeIfAbsent(username, users::loadUserByUsername);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    <T> T as(String username, Supplier<T> work) {
        as(username);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The first demo patient registered in the given county (patients tests register come later). */
    UUID patientIn(String regionCode) {
        return jdbc.queryForObject("select p.id from patient p join facility f on f.id = p.home_facility_id"
                + " join region r on r.id = f.region_id where r.code = ? order by p.created_at, p.id limit 1", UUID.class,
                regionCode);
    }

    /** A new patient of YS-V1 born on the given day, with an empty chart: tests that write the chart use their own. */
    UUID newPatient(LocalDate born, Sex sex) {
        // "Zz": listed after every demo patient, so that no test takes it for the county's first
        return as("coordinator", () -> patients.register(new PatientRequest("测试", "患者" + UUID.randomUUID().toString()
                .substring(0, 6), "Zz Ceshi", born, sex, "zh", facility("YS-V1"), List.of(), null)).getId());
    }

    /** Submits a referral of that patient from YS-V1, as the coordinator. */
    ReferralDetails submit(UUID patient, Map<String, Object> observations, Boolean pregnant) {
        return as("coordinator", () -> referrals.submit(new ReferralRequest(patient, facility("YS-V1"),
                "Unwell for three days", null, Set.of(), pregnant, null, json.convertValue(observations, Observations.class))));
    }

    /** The patient's chart observations of that type, oldest first. */
    List<Observation> chart(UUID patient, ObservationType type) {
        return as("coordinator", () -> patients.observationHistory(patient)).stream().filter(o -> o.getType() == type)
                .toList();
    }

    long facility(String code) {
        return jdbc.queryForObject("select id from facility where code = ?", Long.class, code);
    }

    long practitioner(String code) {
        return jdbc.queryForObject("select id from practitioner where code = ?", Long.class, code);
    }

    /** Practitioners with the specialty who have a login, in id order. */
    List<Long> doctorsWith(Specialty specialty) {
        return jdbc.queryForList("select s.practitioner_id from practitioner_specialty s join staff_account a"
                + " on a.practitioner_id = s.practitioner_id where s.specialty = ? order by 1", Long.class, specialty.name());
    }

    String usernameOf(long practitionerId) {
        return staff.usernameOfPractitioner(practitionerId).orElseThrow();
    }

    ReferralDetails submit(Map<String, Object> observations, Specialty requested) {
        return as("coordinator", () -> referrals.submit(request(observations, requested)));
    }

    ReferralRequest request(Map<String, Object> observations, Specialty requested) {
        return new ReferralRequest(patientIn("YS"), facility("YS-V1"), "Chest pain on exertion for two weeks",
                requested, Set.of(), null, null, json.convertValue(observations, Observations.class));
    }

    ReferralDetails referral(UUID id) {
        return as("coordinator", () -> referrals.referral(id));
    }

    List<TimelineType> timelineTypes(UUID id) {
        return as("coordinator", () -> referrals.timeline(id)).stream().map(TimelineEntry::type).toList();
    }

    /** The open task of the referral with that key, whoever holds it. */
    OpenTask task(ReferralDetails referral, String taskKey) {
        return tasks.openTasksOf(processInstanceId(referral)).stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + taskKey + " for referral " + referral.id()));
    }

    void complete(String username, ReferralDetails referral, String taskKey, Map<String, Object> form) {
        OpenTask task = task(referral, taskKey);
        as(username, () -> {
            tasks.complete(task.id(), (JsonNode) json.valueToTree(form));
            return null;
        });
    }

    static Map<String, Object> form(Object... keysAndValues) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    /** Routes to the demo doctor (general practice, internal medicine) and has them accept. */
    void routeToDoctorAndAccept(ReferralDetails referral) {
        complete("coordinator", referral, "ReviewReferral",
                form("decision", "ROUTE", "doctorId", String.valueOf(practitioner("DR-0001"))));
        complete("doctor", referral, "AcceptReferral", form("decision", "ACCEPT"));
    }

    /** Books the doctor's next free slot the suggestions offer, in person at their facility. */
    AppointmentSuggestion bookNextFreeSlot(ReferralDetails referral) {
        AppointmentSuggestion slot = as("coordinator", () -> referrals.suggestions(referral.id(), 1)).get(0);
        complete("coordinator", referral, "ScheduleAppointment", form("start", slot.start().toString(),
                "mode", "IN_PERSON", "facilityId", slot.facilityId()));
        return slot;
    }

    /** The next weekday at the given wall-clock time in the province, at least a day from now. */
    static OffsetDateTime nextWeekdayAt(LocalTime time) {
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), WeeklyAvailability.ZONE).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        return ZonedDateTime.of(day, time, WeeklyAvailability.ZONE).toOffsetDateTime();
    }

    /** Moves the engine's clock on and runs the referral's timer on that activity. */
    void fireTimer(ReferralDetails referral, String activityId, Duration after) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
        Job timer = management.createJobQuery().processInstanceId(processInstanceId(referral)).activityId(activityId).singleResult();
        if (timer == null) {
            throw new AssertionError("no timer at " + activityId);
        }
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            throw new AssertionError("the timer at " + activityId + " is not due until " + timer.getDuedate());
        }
        management.executeJob(timer.getId());
    }

    ProcessInstance process(ReferralDetails referral) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId(referral)).singleResult();
    }

    private String processInstanceId(ReferralDetails referral) {
        return processInstances.computeIfAbsent(referral.id(), id -> jdbc.queryForObject(
                "select process_instance_id from referral where id = ?", String.class, id));
    }

    /** A routine referral (an emergency for the transfer) of the first YS patient, waiting at the given step. */
    ReferralDetails reachStep(String step) {
        if (step.equals("ArrangeEmergencyTransfer")) {
            return submit(CRISIS, null);
        }
        return reachStep(step, submit(HEALTHY, Specialty.INTERNAL_MEDICINE));
    }

    /** The routine referral, moved on to wait at the given step. */
    ReferralDetails reachStep(String step, ReferralDetails referral) {
        switch (step) {
            case "ProvideInformation" -> complete("coordinator", referral, "ReviewReferral",
                    form("decision", "REQUEST_INFO", "reason", "Which medicines?"));
            case "AcceptReferral" -> complete("coordinator", referral, "ReviewReferral",
                    form("decision", "ROUTE", "doctorId", "" + practitioner("DR-0001")));
            case "ScheduleAppointment" -> routeToDoctorAndAccept(referral);
            case "DocumentOutcome" -> {
                routeToDoctorAndAccept(referral);
                bookNextFreeSlot(referral);
            }
            case "AcknowledgeOutcome" -> {
                routeToDoctorAndAccept(referral);
                bookNextFreeSlot(referral);
                complete("doctor", referral, "DocumentOutcome", form("attended", true, "diagnosis", "Gastritis",
                        "plan", "Review in clinic", "followUp", "NONE"));
            }
            default -> {
            }
        }
        return referral;
    }
}
