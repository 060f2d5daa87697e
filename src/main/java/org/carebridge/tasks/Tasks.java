package org.carebridge.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.carebridge.cases.CaseAccessPolicy;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.JsonFieldErrors;
import org.carebridge.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's task inbox over Camunda: the open tasks they may complete (assigned to them, or to one
 * of their roles and unclaimed, and allowed by the case's {@link CaseAccessPolicy}), claim, and
 * completion through the task key's {@link TaskForm}. A task claimed or completed by someone else is a
 * conflict (409); a task of a group the caller is not in, or of a case they do not serve, 403.
 */
@Service
@Transactional
public class Tasks {

    /** Process variables every inbox row shows. */
    private static final List<String> ROW_VARIABLES = List.of("referralId", "teleconsultId", "recordRequestId", "patientId", "urgency");
    private static final int INBOX_LIMIT = 500;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Map<String, TaskForm<?>> forms;
    private final Map<String, CaseAccessPolicy> policies;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Tasks(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
            RepositoryService repository, List<TaskForm<?>> forms, List<CaseAccessPolicy> policies, ObjectMapper json,
            Validator validator, ApplicationEventPublisher events, AuditLog audit) {
        this.taskService = taskService;
        this.repository = repository;
        this.policies = policies.stream().collect(Collectors.toUnmodifiableMap(CaseAccessPolicy::processKey,
                Function.identity()));
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.forms = forms.stream().collect(Collectors.toUnmodifiableMap(TaskForm::taskKey, Function.identity()));
        this.json = json;
        this.validator = validator;
        this.events = events;
        this.audit = audit;
    }

    /**
     * The open tasks the caller may complete, most pressing first (priority, then due time). The list
     * names patients: one audit entry for each. (Not read-only: reads are audited.)
     */
    public List<OpenTask> inbox() {
        StaffMember user = CurrentStaff.get();
        List<Task> tasks = taskService.createTaskQuery()
                .or().taskAssignee(user.username()).taskCandidateGroupIn(groups(user)).endOr()
                .active()
                .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(0, INBOX_LIMIT);
        List<OpenTask> mine = rows(tasks).stream().filter(task -> mayWork(task, user)).toList();
        List<UUID> patients = mine.stream().map(OpenTask::patientId).filter(Objects::nonNull).distinct().toList();
        if (!patients.isEmpty()) {
            audit.recordBatch(AuditAction.SEARCH, patients, "task inbox", "task inbox");
        }
        return mine;
    }

    /** Open tasks of one process instance, whoever they belong to (for a referral's detail page). */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasksOf(String processInstanceId) {
        return rows(taskService.createTaskQuery().processInstanceId(processInstanceId).active()
                .orderByTaskCreateTime().asc().list());
    }

    /** One open task the caller may work on. */
    public OpenTask task(String taskId) {
        OpenTask task = workable(taskId);
        if (task.patientId() != null) {
            audit.record(AuditAction.READ, task.patientId(), "task " + taskId, "task " + task.taskKey());
        }
        return task;
    }

    private OpenTask workable(String taskId) {
        Task task = open(taskId);
        StaffMember user = CurrentStaff.get();
        OpenTask row = requireMayWork(rows(List.of(task)).get(0), user);
        requireMayWork(task, user);
        return row;
    }

    /** Whether the caller may work on this open task now (a case's page offers it only then). */
    @Transactional(readOnly = true)
    public boolean mayWorkOn(String taskId) {
        try {
            workable(taskId);
            return true;
        } catch (AccessDeniedException | ConflictException | NotFoundException e) {
            return false;
        }
    }

    public OpenTask claim(String taskId) {
        return whileOpen(taskId, () -> claimOpen(taskId));
    }

    private OpenTask claimOpen(String taskId) {
        StaffMember user = CurrentStaff.get();
        Task task = open(taskId);
        OpenTask row = requireMayWork(rows(List.of(task)).get(0), user);
        requireMayWork(task, user);
        if (user.username().equals(task.getAssignee())) {
            return row;
        }
        try {
            taskService.claim(taskId, user.username());
        } catch (TaskAlreadyClaimedException e) {
            throw new ConflictException("task", "The task was just claimed by " + e.getTaskAssignee());
        }
        OpenTask claimed = rows(List.of(open(taskId))).get(0);
        events.publishEvent(new TaskClaimed(claimed, user.username()));
        return claimed;
    }

    /**
     * Completes the task with the fields of its form, as JSON (the REST API's body, or what a screen
     * collected): read and validated by the task key's {@link TaskForm}, so every client gets the
     * same checks and the same field errors.
     */
    public void complete(String taskId, JsonNode fields) {
        whileOpen(taskId, () -> {
            Task task = open(taskId);
            TaskForm<?> form = formOf(task);
            complete(task, form, read(fields, form.formType()));
            return null;
        });
    }

    /**
     * Runs work on a task read moments ago. When someone else completes it in between, whatever is read
     * next about it may be gone — the engine finds no task, no execution, or no candidate group (so the
     * caller looks like an outsider): when the task has indeed finished meanwhile, that is a conflict,
     * not a failure nor a refusal.
     */
    private <T> T whileOpen(String taskId, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (taskService.createTaskQuery().taskId(taskId).singleResult() == null
                    && historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult() != null) {
                throw new ConflictException("task", "Someone else just finished this task");
            }
            throw e;
        }
    }

    private <F> void complete(Task task, TaskForm<F> form, Object fields) {
        StaffMember user = CurrentStaff.get();
        OpenTask row = requireMayWork(rows(List.of(task)).get(0), user);
        requireMayWork(task, user);
        F typed = form.formType().cast(fields);
        validate(typed);
        Map<String, Object> variables = form.submit(row, typed);
        if (task.getAssignee() == null) {
            taskService.setAssignee(task.getId(), user.username());
        }
        taskService.complete(task.getId(), variables);
    }

    private TaskForm<?> formOf(Task task) {
        TaskForm<?> form = forms.get(task.getTaskDefinitionKey());
        if (form == null) {
            throw new IllegalStateException("No form for task key " + task.getTaskDefinitionKey());
        }
        return form;
    }

    private <F> F read(JsonNode fields, Class<F> type) {
        try {
            return json.treeToValue(fields == null || fields.isNull() ? JsonNodeFactory.instance.objectNode() : fields,
                    type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(JsonFieldErrors.describe(e)));
        }
    }

    private void validate(Object form) {
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field)).toList());
        }
    }

    /** The open task, or 409 when it was completed already, or 404 when there never was one. */
    private Task open(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null) {
            // not who: the caller may not serve the case (its timeline says who, to those who do)
            throw new ConflictException("task", "The task was already " + ("deleted".equals(done.getDeleteReason())
                    || done.getDeleteReason() == null ? "closed" : done.getDeleteReason()));
        }
        throw new NotFoundException("No task " + taskId);
    }

    /**
     * Who holds the task, for a user the case's policy already let in: checked the other way round, a
     * user of the right group but outside the case learnt that the task exists and who claimed it (409).
     */
    private void requireMayWork(Task task, StaffMember user) {
        if (task.getAssignee() != null) {
            if (!task.getAssignee().equals(user.username())) {
                if (!inCandidateGroup(task, user)) {
                    throw new AccessDeniedException("The task belongs to someone else");
                }
                throw new ConflictException("task", "The task was claimed by " + task.getAssignee());
            }
            return;
        }
        if (!inCandidateGroup(task, user)) {
            throw new AccessDeniedException("The task belongs to a group you are not in");
        }
    }

    /**
     * The case's own policy decides, beyond the task's candidate group: a task of a process that no case
     * type declares is nobody's.
     */
    private boolean mayWork(OpenTask task, StaffMember user) {
        CaseAccessPolicy policy = policies.get(task.caseType());
        return policy != null && task.caseId() != null && policy.mayWork(user, task.caseId(), task.taskKey());
    }

    private OpenTask requireMayWork(OpenTask task, StaffMember user) {
        if (!mayWork(task, user)) {
            throw new AccessDeniedException("This task belongs to a case you do not serve");
        }
        return task;
    }

    private boolean inCandidateGroup(Task task, StaffMember user) {
        return taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroupIn(groups(user))
                .includeAssignedTasks().count() > 0;
    }

    private static List<String> groups(StaffMember user) {
        return user.roles().stream().map(Role::name).sorted().toList();
    }

    private List<OpenTask> rows(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(instances)
                .variableNameIn(ROW_VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
            // variables of the process instance itself, not of a sub-scope
            if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        // a process key per definition, not per task: an inbox holds hundreds of tasks of three processes
        Map<String, String> caseTypes = tasks.stream().map(Task::getProcessDefinitionId).distinct().collect(
                Collectors.toMap(Function.identity(), definition -> repository.getProcessDefinition(definition).getKey()));
        List<OpenTask> rows = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            Map<String, Object> vars = variables.getOrDefault(t.getProcessInstanceId(), Map.of());
            String caseType = caseTypes.get(t.getProcessDefinitionId());
            CaseAccessPolicy policy = policies.get(caseType);
            rows.add(new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), caseType,
                    policy == null ? null : uuid(vars.get(policy.caseVariable())), uuid(vars.get("referralId")),
                    uuid(vars.get("teleconsultId")), uuid(vars.get("recordRequestId")), uuid(vars.get("patientId")), (String) vars.get("urgency"),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(), t.getPriority(),
                    t.getCreateTime().toInstant(), t.getProcessInstanceId()));
        }
        return rows;
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }
}
