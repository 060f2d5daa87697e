package org.carebridge.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.carebridge.scheduling.ScheduleChange;
import org.carebridge.scheduling.ScheduleRun;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The solver runs of every node, in table {@code schedule_run}. Each write of the node solving a run names
 * the run's {@code node} and {@code attempt} and finds no row once another node has taken the run over (to
 * solve it again) or has marked it FAILED for a silent heartbeat: a node that lost its run learns so from the
 * count, and writes nothing over the run's new state.
 */
@Component
public class ScheduleRunStore {

    private static final String SUMMARY = "id, name, status, score, appointments, history, error, node, attempt,"
            + " stop_requested, started_at, heartbeat_at, deadline, finished_at";
    private static final int NAME_LENGTH = 1000;
    private static final int ERROR_LENGTH = 2000;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<ScheduleRun.ScorePoint>> HISTORY = new TypeReference<>() {
    };
    private static final TypeReference<List<ScheduleChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public ScheduleRunStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A run that starts solving on {@code node}, with no best schedule yet. */
    public void insert(String id, String name, String problem, int appointments, String node, Instant now) {
        jdbc.update("insert into schedule_run (id, name, status, problem, appointments, history, changes, node,"
                + " attempt, stop_requested, started_at, heartbeat_at) values (?, ?, 'SOLVING', ?, ?, '[]', '[]', ?,"
                + " 1, false, ?, ?)", id, cut(name, NAME_LENGTH), problem, appointments, node, at(now), at(now));
    }

    /** The whole run: problem, best schedule and changes included. */
    public Optional<StoredRun> find(String id) {
        return jdbc.query("select " + SUMMARY + ", problem, best, changes from schedule_run where id = ?",
                this::wholeRow, id).stream().findFirst();
    }

    /** The run without its problem, best schedule and changes. */
    public Optional<StoredRun> summary(String id) {
        return jdbc.query("select " + SUMMARY + " from schedule_run where id = ?", this::summaryRow, id).stream()
                .findFirst();
    }

    /** Every run without its problem, best schedule and changes; the newest first. */
    public List<StoredRun> summaries() {
        return jdbc.query("select " + SUMMARY + " from schedule_run order by started_at desc, id", this::summaryRow);
    }

    /** The solving node's best schedule so far; false when the run is no longer its to write. */
    public boolean saveBest(String id, String node, int attempt, String best, String score, int appointments,
            List<ScheduleRun.ScorePoint> history, Instant now) {
        return jdbc.update("update schedule_run set best = ?, score = ?, appointments = ?, history = ?,"
                + " heartbeat_at = ? where id = ? and node = ? and attempt = ? and status = 'SOLVING'", best, score,
                appointments, json(history), at(now), id, node, attempt) == 1;
    }

    /** The solving node is alive; false when the run is no longer its to write. */
    public boolean heartbeat(String id, String node, int attempt, Instant now) {
        return jdbc.update("update schedule_run set heartbeat_at = ? where id = ? and node = ? and attempt = ?"
                + " and status = 'SOLVING'", at(now), id, node, attempt) == 1;
    }

    /** The solving under way began: it reaches its time limit at {@code deadline}. */
    public void deadline(String id, String node, int attempt, Instant deadline) {
        jdbc.update("update schedule_run set deadline = ? where id = ? and node = ? and attempt = ?"
                + " and status = 'SOLVING'", at(deadline), id, node, attempt);
    }

    /** The changes made to a run so far, written by the node solving it. */
    public void saveChanges(String id, String node, int attempt, List<ScheduleChange> changes) {
        jdbc.update("update schedule_run set changes = ? where id = ? and node = ? and attempt = ?", json(changes),
                id, node, attempt);
    }

    /**
     * The solving ended: SOLVED, or FAILED with {@code error}; {@code best} null keeps the stored one. A
     * second call for the same attempt (the solver's final best schedule after a stop wrote what there was)
     * writes again; nothing is written over a run marked FAILED for a silent heartbeat or taken over.
     */
    public boolean finish(String id, String node, int attempt, ScheduleRun.Status status, String best, String score,
            int appointments, List<ScheduleRun.ScorePoint> history, String error, Instant now) {
        String where = " where id = ? and node = ? and attempt = ? and (status = 'SOLVING' or status = ?)";
        if (best == null) {
            return jdbc.update("update schedule_run set status = ?, history = ?, error = ?, heartbeat_at = ?,"
                    + " finished_at = ?" + where, status.name(), json(history), cut(error, ERROR_LENGTH), at(now),
                    at(now), id, node, attempt, status.name()) == 1;
        }
        return jdbc.update("update schedule_run set status = ?, best = ?, score = ?, appointments = ?, history = ?,"
                + " error = ?, heartbeat_at = ?, finished_at = ?" + where, status.name(), best, score, appointments,
                json(history), cut(error, ERROR_LENGTH), at(now), at(now), id, node, attempt, status.name()) == 1;
    }

    /**
     * {@code node} takes a finished run to solve it again from {@code best}, as attempt {@code attempt + 1};
     * false when another request took it first (the run is no longer at {@code attempt}, or solves).
     */
    public boolean takeOver(String id, int attempt, String node, String best, String score, int appointments,
            List<ScheduleChange> changes, Instant now) {
        return jdbc.update("update schedule_run set status = 'SOLVING', node = ?, attempt = ?, best = ?, score = ?,"
                + " appointments = ?, changes = ?, error = null, stop_requested = false, heartbeat_at = ?,"
                + " deadline = null, finished_at = null where id = ? and attempt = ? and status <> 'SOLVING'", node,
                attempt + 1, best, score, appointments, json(changes), at(now), id, attempt) == 1;
    }

    /** Asks the node solving a run to stop it; false when it does not solve any more. */
    public boolean requestStop(String id) {
        return jdbc.update("update schedule_run set stop_requested = true where id = ? and status = 'SOLVING'",
                id) == 1;
    }

    /** The runs {@code node} solves that someone asked to stop. */
    public List<String> stopsRequested(String node) {
        return jdbc.queryForList("select id from schedule_run where node = ? and status = 'SOLVING'"
                + " and stop_requested = true", String.class, node);
    }

    /** The runs solving by their rows whose node has been silent since before {@code before}. */
    public List<StoredRun> silentSince(Instant before) {
        return jdbc.query("select " + SUMMARY + " from schedule_run where status = 'SOLVING' and heartbeat_at < ?",
                this::summaryRow, at(before));
    }

    /** Marks a run FAILED that is still at the attempt it was found silent in, and still silent. */
    public boolean failSilent(StoredRun run, Instant silentBefore, String error, Instant now) {
        return jdbc.update("update schedule_run set status = 'FAILED', error = ?, finished_at = ? where id = ?"
                + " and attempt = ? and status = 'SOLVING' and heartbeat_at < ?", cut(error, ERROR_LENGTH), at(now),
                run.id(), run.attempt(), at(silentBefore)) == 1;
    }

    /** Deletes the finished runs beyond the newest {@code kept}; runs still solving stay whatever their age. */
    public int deleteFinishedBeyond(int kept) {
        List<StoredRun> all = summaries();
        int deleted = 0;
        for (StoredRun run : all.subList(Math.min(kept, all.size()), all.size())) {
            if (!run.solving()) {
                deleted += jdbc.update("delete from schedule_run where id = ? and status <> 'SOLVING'", run.id());
            }
        }
        return deleted;
    }

    /** How many runs there are of each status. */
    public Map<ScheduleRun.Status, Long> countByStatus() {
        Map<ScheduleRun.Status, Long> counts = new EnumMap<>(ScheduleRun.Status.class);
        for (ScheduleRun.Status status : ScheduleRun.Status.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("select status, count(*) from schedule_run group by status", (ResultSet row) -> {
            counts.put(ScheduleRun.Status.valueOf(row.getString(1)), row.getLong(2));
        });
        return counts;
    }

    private StoredRun summaryRow(ResultSet row, int rowNumber) throws SQLException {
        return read(row, false);
    }

    private StoredRun wholeRow(ResultSet row, int rowNumber) throws SQLException {
        return read(row, true);
    }

    private StoredRun read(ResultSet row, boolean whole) throws SQLException {
        return new StoredRun(row.getString("id"), row.getString("name"),
                ScheduleRun.Status.valueOf(row.getString("status")), row.getString("score"),
                row.getInt("appointments"), parse(row.getString("history"), HISTORY), row.getString("error"),
                row.getString("node"), row.getInt("attempt"), row.getBoolean("stop_requested"),
                instant(row, "started_at"), instant(row, "heartbeat_at"), instant(row, "deadline"),
                instant(row, "finished_at"), whole ? row.getString("problem") : null,
                whole ? row.getString("best") : null, whole ? parse(row.getString("changes"), CHANGES) : null);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored run is not readable", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
