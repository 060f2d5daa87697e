package org.carebridge.recordrelease;

import java.time.Duration;
import java.time.LocalDate;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carebridge.patients.Consent;
import org.carebridge.patients.ConsentRequest;
import org.carebridge.patients.PatientConsents;
import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
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
 * Drives record requests through the service layer as the demo staff would. Built from the shared test
 * context's beans, not registered in it (a bean of its own would give its tests a second Spring context).
 * Records go from the county hospital (YL-CH) to the prefecture hospital (YL-PH), where the demo
 * coordinator, doctor and records officer work.
 */
class RecordReleaseScenario {

    final RecordRequests requests;
    final PatientConsents consents;
    final Tasks tasks;
    final ManagementService management;
    final RuntimeService runtime;
    final HistoryService history;
    final JdbcTemplate jdbc;
    final ObjectMapper json;
    private final UserDetailsService users;
    private final Map<String, UserDetails> signedIn = new ConcurrentHashMap<>();

    RecordReleaseScenario(ApplicationContext context) {
        this.requests = context.getBean(RecordRequests.class);
        this.consents = context.getBean(PatientConsents.class);
        this.tasks = context.getBean(Tasks.class);
        this.management = context.getBean(ManagementService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.history = context.getBean(HistoryService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.json = context.getBean(ObjectMapper.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    <T> T as(String username, Supplier<T> work) {
        UserDetails user = signedIn.computeIfAbsent(username, users::loadUserByUsername);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    long facility(String code) {
        return jdbc.queryForObject("select id from facility where code = ?", Long.class, code);
    }

    long source() {
        return facility("YL-CH");
    }

    long receiver() {
        return facility("YL-PH");
    }

    /** A demo patient of the county no test has given a consent yet: consents of other tests do not decide here. */
    UUID patientWithoutConsents() {
        return jdbc.queryForObject("select p.id from patient p join facility f on f.id = p.home_facility_id"
                + " join region r on r.id = f.region_id where r.code = 'YS' and not exists"
                + " (select 1 from patient_consent c where c.patient_id = p.id) order by p.id limit 1", UUID.class);
    }

    /**
     * A demo patient registered at the source facility (so the source holds their record) whom no test has
     * given a consent: breaking the glass is for a patient the source holds.
     */
    UUID patientHeldBySource() {
        return jdbc.queryForObject("select p.id from patient p where p.home_facility_id = ? and not exists"
                + " (select 1 from patient_consent c where c.patient_id = p.id) order by p.id limit 1", UUID.class, source());
    }

    static LocalDate today() {
        return ReleaseTimeline.today();
    }

    Consent consent(UUID patientId, String grantee, Set<ReleasePurpose> purposes, Set<RecordScope> scope,
            Consent.Decision decision) {
        return as("coordinator", () -> consents.record(patientId, new ConsentRequest(grantee, purposes, scope,
                today().minusDays(1), today().plusDays(60), decision, "Signed form")));
    }

    RecordRequestDetails submit(String username, UUID patientId, ReleasePurpose purpose, Set<RecordScope> scope,
            String reason) {
        return as(username, () -> requests.submit(new RecordRequestSubmission(patientId, source(), receiver(), purpose,
                scope, reason)));
    }

    RecordRequestDetails request(UUID id) {
        return as("coordinator", () -> requests.request(id));
    }

    List<ReleaseEventType> timelineTypes(UUID id) {
        return as("coordinator", () -> requests.timeline(id)).stream().map(ReleaseTimelineEntry::type).toList();
    }

    /** What the timeline's latest entry of this type says. */
    Wording said(UUID id, ReleaseEventType type) {
        return as("coordinator", () -> requests.timeline(id)).stream().filter(e -> e.type() == type)
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("No " + type + " in the timeline"))
                .wording();
    }

    OpenTask task(RecordRequestDetails request, String taskKey) {
        return tasks.openTasksOf(processInstanceId(request)).stream().filter(t -> t.taskKey().equals(taskKey))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + taskKey + " for " + request.id()));
    }

    void complete(String username, RecordRequestDetails request, String taskKey, Map<String, Object> form) {
        OpenTask task = task(request, taskKey);
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

    /** Moves the engine's clock on and runs the request's timer on that activity. */
    void fireTimer(RecordRequestDetails request, String activityId, Duration after) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(after)));
        Job timer = management.createJobQuery().processInstanceId(processInstanceId(request)).activityId(activityId)
                .singleResult();
        if (timer == null) {
            throw new AssertionError("no timer at " + activityId);
        }
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            throw new AssertionError("the timer at " + activityId + " is not due until " + timer.getDuedate());
        }
        management.executeJob(timer.getId());
    }

    /**
     * The activities a process passed, from history: a process that ended inside the call that started it
     * has no runtime instance for camunda-bpm-assert to hold.
     */
    List<String> passed(RecordRequestDetails request) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId(request)).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
    }

    boolean ended(RecordRequestDetails request) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId(request)).singleResult()
                .getEndTime() != null;
    }

    ProcessInstance process(RecordRequestDetails request) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId(request)).singleResult();
    }

    String processInstanceId(RecordRequestDetails request) {
        return jdbc.queryForObject("select process_instance_id from record_request where id = ?", String.class,
                request.id());
    }

    long recordRequestsOf(UUID patientId) {
        return jdbc.queryForObject("select count(*) from record_request where patient_id = ?", Long.class, patientId);
    }
}
