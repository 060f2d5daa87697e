package org.carebridge.teleconsults;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.carebridge.referrals.Referrals;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.Wording;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.Tasks;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drives teleconsults through the service layer as the demo staff would. Built from the shared test
 * context's beans, not registered in it (a bean of its own would give its tests a second context).
 */
class TeleconsultScenario {

    static final Map<String, Object> HEALTHY = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 120, "diastolicBp", 80, "heartRate", 70, "consciousness", "ALERT", "temperature", 36.8);
    /** Hypertensive crisis: EMERGENCY. */
    static final Map<String, Object> CRISIS = Map.of("respiratoryRate", 16, "oxygenSaturation", 97,
            "systolicBp", 190, "diastolicBp", 125, "heartRate", 80, "consciousness", "ALERT", "temperature", 36.8);

    final Teleconsults teleconsults;
    final Referrals referrals;
    final Tasks tasks;
    final TaskService taskService;
    final ManagementService management;
    final RuntimeService runtime;
    final JdbcTemplate jdbc;
    final ObjectMapper json;
    private final UserDetailsService users;
    private final Map<String, UserDetails> signedIn = new ConcurrentHashMap<>();
    private final Random random = new Random();

    TeleconsultScenario(ApplicationContext context) {
        this.teleconsults = context.getBean(Teleconsults.class);
        this.referrals = context.getBean(Referrals.class);
        this.tasks = context.getBean(Tasks.class);
        this.taskService = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.json = context.getBean(ObjectMapper.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    void as(String username) {
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

    /** A demo patient of county YL (which the demo doctor serves), with the facility they are registered at. */
    Map<String, Object> patientInYl() {
        return jdbc.queryForMap("select p.id as patient, p.home_facility_id as facility from patient p join facility f"
                + " on f.id = p.home_facility_id join region r on r.id = f.region_id where r.code = 'YL'"
                + " order by p.created_at, p.id limit 1");
    }

    long practitioner(String code) {
        return jdbc.queryForObject("select id from practitioner where code = ?", Long.class, code);
    }

    Observations observations(Map<String, Object> values) {
        return json.convertValue(values, Observations.class);
    }

    TeleconsultRequest request(Map<String, Object> observations) {
        Map<String, Object> at = patientInYl();
        return new TeleconsultRequest((UUID) at.get("patient"), ((Number) at.get("facility")).longValue(),
                Specialty.INTERNAL_MEDICINE, "Cough and fever for a week", Set.of(), null, null,
                observations(observations));
    }

    TeleconsultDetails request(String username, Map<String, Object> observations) {
        return as(username, () -> teleconsults.request(request(observations)));
    }

    TeleconsultDetails teleconsult(UUID id) {
        return as("coordinator", () -> teleconsults.teleconsult(id));
    }

    List<TeleconsultEventType> timelineTypes(UUID id) {
        return as("coordinator", () -> teleconsults.timeline(id)).stream().map(TeleconsultTimelineEntry::type).toList();
    }

    /** What the timeline's latest entry of this type says. */
    Wording said(UUID id, TeleconsultEventType type) {
        return as("coordinator", () -> teleconsults.timeline(id)).stream().filter(e -> e.type() == type)
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("No " + type + " in the timeline"))
                .wording();
    }

    String processInstanceId(UUID id) {
        return jdbc.queryForObject("select process_instance_id from teleconsult where id = ?", String.class, id);
    }

    ProcessInstance process(UUID id) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId(id)).singleResult();
    }

    OpenTask task(UUID id, String taskKey) {
        return tasks.openTasksOf(processInstanceId(id)).stream().filter(t -> t.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + taskKey + " for teleconsult " + id));
    }

    void complete(String username, UUID id, String taskKey, Map<String, Object> form) {
        OpenTask task = task(id, taskKey);
        as(username, () -> {
            tasks.complete(task.id(), (JsonNode) json.valueToTree(form));
            return null;
        });
    }

    /** Completes the open task with that key of any process instance (a referral's, say). */
    void completeIn(String username, String processInstanceId, String taskKey, Map<String, Object> form) {
        OpenTask task = tasks.openTasksOf(processInstanceId).stream().filter(t -> t.taskKey().equals(taskKey))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + taskKey + " in " + processInstanceId));
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

    /**
     * Books the demo doctor (DR-0001) for the teleconsult in a weekday half-hour some weeks ahead, trying
     * other slots when one is taken (other tests book the same doctor). Returns the start.
     */
    OffsetDateTime schedule(UUID id) {
        long doctor = practitioner("DR-0001");
        for (int attempt = 0; attempt < 30; attempt++) {
            OffsetDateTime start = weekdayAt(1 + random.nextInt(120), LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(17)));
            try {
                complete("coordinator", id, "ScheduleTeleconsult", form("doctorId", doctor, "start", start.toString()));
                return start;
            } catch (InvalidRequestException taken) {
                if (taken.errors().stream().anyMatch(e -> !e.field().equals("start"))) {
                    throw taken;
                }
            }
        }
        throw new AssertionError("no free slot found for DR-0001");
    }

    /** A weekday at least {@code daysAhead} days from the engine's now, at that wall-clock time in the province. */
    static OffsetDateTime weekdayAt(int daysAhead, LocalTime time) {
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), WeeklyAvailability.ZONE)
                .plusDays(daysAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, time, WeeklyAvailability.ZONE).toOffsetDateTime();
    }

    /** Moves the engine's clock to {@code at} and runs the teleconsult's timer on that activity. */
    void fireTimerAt(String processInstanceId, String activityId, java.time.Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        if (timer == null) {
            throw new AssertionError("no timer at " + activityId);
        }
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            throw new AssertionError("the timer at " + activityId + " is not due until " + timer.getDuedate());
        }
        management.executeJob(timer.getId());
    }

    Job timer(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    /** The referral's process instance and the activity it waits at (its open task's key). */
    String referralProcess(UUID referralId) {
        return jdbc.queryForObject("select process_instance_id from referral where id = ?", String.class, referralId);
    }

    List<String> openTaskKeysOfReferral(UUID referralId) {
        return tasks.openTasksOf(referralProcess(referralId)).stream().map(OpenTask::taskKey).toList();
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
