package org.carebridge.consistency.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camunda's running instances of the case processes, read from its runtime tables in three queries whatever
 * their number (no engine needed, so the command line starts none): each instance with its business key, the
 * activities it waits at, and the variable that names its case. An instance waits where
 * {@code RuntimeService.getActiveActivityIds} would say: every active execution at an activity.
 */
@Component
public class RunningProcesses {

    /**
     * A running process instance.
     *
     * @param caseId    the value of its case variable, else its business key; null when it has neither
     * @param waitingAt the activities its active executions are at
     */
    public record Instance(String id, String processKey, String caseId, Set<String> waitingAt) {
    }

    private final JdbcTemplate jdbc;

    RunningProcesses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The running instances of the processes given as key → the variable naming an instance's case. */
    public List<Instance> of(Map<String, String> caseVariableByKey) {
        if (caseVariableByKey.isEmpty()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>(caseVariableByKey.keySet());
        String keysIn = placeholders(keys);
        Map<String, String[]> instances = new LinkedHashMap<>();   // id → {key, business key}
        jdbc.query("select e.ID_ as id, e.BUSINESS_KEY_ as business_key, d.KEY_ as process_key"
                + " from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                + " where e.ID_ = e.PROC_INST_ID_ and d.KEY_ in (" + keysIn + ")", rs -> {
                    instances.put(rs.getString("id"), new String[] {rs.getString("process_key"), rs.getString("business_key")});
                }, keys.toArray());
        Map<String, Set<String>> waiting = new HashMap<>();
        List<Object> activeArgs = new ArrayList<>();
        activeArgs.add(Boolean.TRUE);
        activeArgs.addAll(keys);
        jdbc.query("select e.PROC_INST_ID_ as instance, e.ACT_ID_ as activity"
                + " from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                + " where e.IS_ACTIVE_ = ? and e.ACT_ID_ is not null and d.KEY_ in (" + keysIn + ")", rs -> {
                    waiting.computeIfAbsent(rs.getString("instance"), i -> new TreeSet<>()).add(rs.getString("activity"));
                }, activeArgs.toArray());
        List<Object> names = new ArrayList<>(new TreeSet<>(caseVariableByKey.values()));
        Map<String, Map<String, String>> variables = new HashMap<>();   // instance → name → value
        jdbc.query("select v.PROC_INST_ID_ as instance, v.NAME_ as name, v.TEXT_ as text from ACT_RU_VARIABLE v"
                + " where v.EXECUTION_ID_ = v.PROC_INST_ID_ and v.TASK_ID_ is null and v.NAME_ in (" + placeholders(names) + ")", rs -> {
                    variables.computeIfAbsent(rs.getString("instance"), i -> new HashMap<>())
                            .put(rs.getString("name"), rs.getString("text"));
                }, names.toArray());
        List<Instance> running = new ArrayList<>();
        instances.forEach((id, keyAndBusinessKey) -> {
            String key = keyAndBusinessKey[0];
            String caseId = variables.getOrDefault(id, Map.of()).get(caseVariableByKey.get(key));
            running.add(new Instance(id, key, caseId != null ? caseId : keyAndBusinessKey[1],
                    Collections.unmodifiableSet(waiting.getOrDefault(id, new TreeSet<>()))));
        });
        return running;
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
