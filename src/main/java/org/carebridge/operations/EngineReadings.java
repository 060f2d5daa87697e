package org.carebridge.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carebridge.operations.WorkInProgress.Step;
import org.carebridge.operations.WorkInProgress.Tasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@link WorkInProgress} from the process engine's tables: one grouped query for the open tasks of
 * every step (Camunda's task query counts one filter at a time, which would be a query per step), and the
 * engine's own queries for jobs and incidents.
 */
@Component
class EngineReadings {

    /** Open tasks of running processes; a task past its due date has missed its service level. */
    private static final String OPEN_TASKS_PER_STEP = """
            select d.KEY_ as process_key, t.TASK_DEF_KEY_ as task_key, count(*) as open_tasks,
                   sum(case when t.DUE_DATE_ < ? then 1 else 0 end) as overdue_tasks
            from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
            group by d.KEY_, t.TASK_DEF_KEY_
            """;

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final ManagementService management;
    private final RuntimeService runtime;

    EngineReadings(JdbcTemplate jdbc, RepositoryService repository, ManagementService management,
            RuntimeService runtime) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.management = management;
        this.runtime = runtime;
    }

    WorkInProgress read() {
        // the engine's clock, which due dates and the job executor go by (tests move it)
        Date now = ClockUtil.getCurrentTime();
        Map<Step, Tasks> steps = new TreeMap<>(Comparator.comparing(Step::process).thenComparing(Step::task));
        // every step of the deployed processes, so that a step with no open task reads 0, not nothing
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                steps.put(new Step(definition.getKey(), task.getId()), Tasks.NONE);
            }
        }
        jdbc.query(OPEN_TASKS_PER_STEP, row -> {
            steps.put(new Step(row.getString("process_key"), row.getString("task_key")),
                    new Tasks(row.getLong("open_tasks"), row.getLong("overdue_tasks")));
        }, new Timestamp(now.getTime()));
        long due = management.createJobQuery().executable().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        long incidents = runtime.createIncidentQuery().count();
        return new WorkInProgress(steps, due, failed, incidents, Instant.now());
    }
}
