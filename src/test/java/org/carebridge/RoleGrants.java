package org.carebridge;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.carebridge.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * What each cell of the table in {@code docs/roles.md} means in API paths: resource row × the words of a
 * role's cell → the endpoints it grants. A row or a cell this mapping does not know fails the tests
 * ({@link #endpoints}), so that a change in roles.md forces a change here, in words a reviewer can hold
 * against the table.
 * <p>
 * Placeholders in paths: {@code {patient}} is a patient every chart reader serves, {@code {missing}} a case
 * that does not exist (the role decides whether the path is reached at all; which cases a user sees is
 * {@code AccessMatrixIT}'s business).
 */
public final class RoleGrants {

    public record Endpoint(HttpMethod method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every signed-in user, whatever the table grants (the prose above it: "a signed-in user"). */
    static final List<Endpoint> SIGNED_IN = List.of(e(GET, "/api/me"));

    /** Paths nobody is granted: what no row names is refused (deny by default). */
    static final List<Endpoint> NOBODY = List.of(e(GET, "/api/nothing-here"), e(DELETE, "/api/patients/{patient}"));

    static final String NOTHING = "—";

    private static final List<Endpoint> CHART_READS = List.of(
            e(GET, "/api/patients"), e(GET, "/api/patients/{patient}"), e(GET, "/api/patients/{patient}/observations"),
            e(GET, "/api/patients/{patient}/encounters"), e(GET, "/api/patients/{patient}/consents"),
            e(GET, "/api/patients/{patient}/assessments"));
    /** Observations and care documented on the chart, or sent with a case of the patient. */
    private static final List<Endpoint> CHART_OBSERVATIONS = List.of(
            e(POST, "/api/patients/{patient}/observations"), e(POST, "/api/patients/{patient}/encounters"),
            e(POST, "/api/referrals/{missing}/observations"), e(POST, "/api/referrals/{missing}/urgency"),
            e(POST, "/api/teleconsults/{missing}/observations"));
    private static final List<Endpoint> CHART_WRITES = List.of(
            e(POST, "/api/patients"), e(PUT, "/api/patients/{patient}"), e(POST, "/api/patients/{patient}/consents"));

    private static final List<Endpoint> ASSESSMENTS = List.of(
            e(POST, "/api/assessments"), e(POST, "/api/patients/{patient}/assessments"));

    private static final List<Endpoint> REFERRAL_READS = List.of(
            e(GET, "/api/referrals"), e(GET, "/api/referrals/{missing}"), e(GET, "/api/referrals/{missing}/timeline"));
    private static final List<Endpoint> TELECONSULT_READS = List.of(
            e(GET, "/api/teleconsults"), e(GET, "/api/teleconsults/{missing}"),
            e(GET, "/api/teleconsults/{missing}/timeline"), e(GET, "/api/teleconsults/{missing}/vitals"));

    /** Whoever asks for records or reviews their release follows the request and reads what was released. */
    private static final List<Endpoint> RECORD_REQUEST_READS = List.of(
            e(GET, "/api/record-requests"), e(GET, "/api/record-requests/{missing}"),
            e(GET, "/api/record-requests/{missing}/timeline"), e(GET, "/api/record-requests/{missing}/bundle"));
    private static final List<Endpoint> RECORD_REQUEST_WRITES = List.of(
            e(POST, "/api/record-requests"), e(POST, "/api/record-requests/{missing}/cancel"));

    /** Which tasks are a user's is decided per task (AccessMatrixIT); the role opens the inbox. */
    private static final List<Endpoint> TASKS = List.of(
            e(GET, "/api/tasks"), e(GET, "/api/tasks/no-such-task"), e(POST, "/api/tasks/no-such-task/claim"),
            e(POST, "/api/tasks/no-such-task/complete"));

    private static final List<Endpoint> DIRECTORY_READS = List.of(
            e(GET, "/api/regions"), e(GET, "/api/regions/travel-times"), e(GET, "/api/facilities"),
            e(GET, "/api/practitioners"), e(GET, "/api/practitioners/1"), e(GET, "/api/equipment"));
    private static final List<Endpoint> AVAILABILITY_AND_EQUIPMENT = List.of(
            e(PUT, "/api/practitioners/1/availability"), e(POST, "/api/equipment"), e(PUT, "/api/equipment/1"));
    private static final List<Endpoint> DIRECTORY_WRITES = List.of(
            e(POST, "/api/regions"), e(PUT, "/api/regions/1"), e(POST, "/api/facilities"), e(PUT, "/api/facilities/1"),
            e(POST, "/api/practitioners"), e(PUT, "/api/practitioners/1"));

    // solving is left out: a role-level test has no business starting a solver
    private static final List<Endpoint> SCHEDULE_READS = List.of(
            e(GET, "/api/schedules/{missing}"), e(GET, "/api/analytics/equity"));
    private static final List<Endpoint> SCHEDULE_WRITES = List.of(
            e(POST, "/api/schedules/{missing}/publish"), e(DELETE, "/api/schedules/{missing}"));

    private static final List<Endpoint> ADMINISTRATION = List.of(
            e(GET, "/api/audit"), e(GET, "/api/users"), e(POST, "/api/users"),
            // an empty body is refused (400) before anything changes
            e(PUT, "/api/users/doctor/enabled"), e(PUT, "/api/users/doctor/password"),
            e(POST, "/api/admin/rules/reload"));

    /** The report names cases, steps and resources by id only; no chart is read through it. */
    private static final List<Endpoint> CONSISTENCY_CHECK = List.of(e(GET, "/api/admin/consistency"));

    private static final List<Endpoint> CAMUNDA_READS = List.of(e(GET, "/engine-rest/user"));

    /** Row → the words of a cell → what they grant. "—" grants nothing in every row. */
    private static final Map<String, Map<String, List<Endpoint>>> MEANING = new LinkedHashMap<>();

    static {
        row("patients, observations, consents",
                "read, write", all(CHART_READS, CHART_OBSERVATIONS, CHART_WRITES),
                "read, add observations", all(CHART_READS, CHART_OBSERVATIONS),
                "read", CHART_READS);
        row("assessments",
                "run", ASSESSMENTS);
        row("referrals, teleconsults",
                "create, read, cancel", all(REFERRAL_READS, TELECONSULT_READS, List.of(
                        e(POST, "/api/referrals"), e(POST, "/api/referrals/{missing}/cancel"),
                        // the free slots to book: coordinators book the appointment of what they read
                        e(GET, "/api/referrals/{missing}/suggestions"),
                        e(POST, "/api/teleconsults"), e(POST, "/api/teleconsults/{missing}/cancel"))),
                // which referrals are routed to them is decided per referral (AccessMatrixIT)
                "read those routed to them, create teleconsults", all(REFERRAL_READS, TELECONSULT_READS,
                        List.of(e(POST, "/api/teleconsults"))),
                // the paths are reached; a referral shows its demand and refuses its timeline (AccessMatrixIT)
                "read demand, no chart", REFERRAL_READS);
        row("record requests",
                "create", all(RECORD_REQUEST_READS, RECORD_REQUEST_WRITES),
                "review", RECORD_REQUEST_READS);
        row("their tasks",
                "COORDINATOR tasks", TASKS,
                "tasks assigned to them", TASKS,
                "RECORDS_OFFICER tasks", TASKS,
                "emergency-access reviews", TASKS);
        row("directory (regions, facilities, practitioners, equipment)",
                "read", DIRECTORY_READS,
                "read, write availability and equipment", all(DIRECTORY_READS, AVAILABILITY_AND_EQUIPMENT),
                "write", all(DIRECTORY_READS, AVAILABILITY_AND_EQUIPMENT, DIRECTORY_WRITES));
        row("schedules (solve, publish), analytics",
                "read", SCHEDULE_READS,
                // a doctor's own schedule is their calendar in the application: no API path of its own
                "own schedule", List.of(),
                "all", all(SCHEDULE_READS, SCHEDULE_WRITES));
        row("audit log, users, rule reload",
                "yes", ADMINISTRATION);
        row("consistency check (case rows against process state, bookings, audit)",
                "run", CONSISTENCY_CHECK);
        row("Camunda cockpit and REST",
                "read, retry jobs and incidents; never change a case", CAMUNDA_READS);
    }

    private RoleGrants() {
    }

    /** What the cell of that row grants; fails for a row or words this mapping does not know. */
    public static List<Endpoint> endpoints(String row, String cell) {
        if (NOTHING.equals(cell)) {
            return List.of();
        }
        Map<String, List<Endpoint>> meanings = MEANING.get(row);
        if (meanings == null) {
            throw new IllegalStateException("roles.md has a row RoleGrants does not know: \"" + row
                    + "\"; say in RoleGrants which endpoints it covers");
        }
        List<Endpoint> endpoints = meanings.get(cell);
        if (endpoints == null) {
            throw new IllegalStateException("roles.md grants \"" + cell + "\" on \"" + row
                    + "\", which RoleGrants does not know; say there which endpoints it grants");
        }
        return endpoints;
    }

    /** The rows and the words of each that this mapping knows, to compare with the table. */
    static Map<String, Set<String>> knownCells() {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        MEANING.forEach((row, cells) -> known.put(row, cells.keySet()));
        return known;
    }

    /** Every endpoint the table grants to each role, read from {@code docs/roles.md}. */
    public static Map<Role, Set<Endpoint>> grantsOf(RolesTable table) {
        Map<Role, Set<Endpoint>> grants = new LinkedHashMap<>();
        for (Role role : table.roles()) {
            Set<Endpoint> granted = new LinkedHashSet<>(SIGNED_IN);
            table.rows().forEach((row, cells) -> granted.addAll(endpoints(row, cells.get(role))));
            grants.put(role, granted);
        }
        return grants;
    }

    /** Every endpoint the table names, then those nobody is granted. */
    public static Set<Endpoint> everyEndpoint() {
        Set<Endpoint> all = new LinkedHashSet<>(SIGNED_IN);
        MEANING.values().forEach(cells -> cells.values().forEach(all::addAll));
        all.addAll(NOBODY);
        return all;
    }

    private static void row(String row, Object... cellsAndEndpoints) {
        Map<String, List<Endpoint>> cells = new LinkedHashMap<>();
        for (int i = 0; i < cellsAndEndpoints.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Endpoint> endpoints = (List<Endpoint>) cellsAndEndpoints[i + 1];
            cells.put((String) cellsAndEndpoints[i], endpoints);
        }
        MEANING.put(row, cells);
    }

    @SafeVarargs
    private static List<Endpoint> all(List<Endpoint>... lists) {
        List<Endpoint> all = new ArrayList<>();
        Stream.of(lists).forEach(all::addAll);
        return List.copyOf(all);
    }

    private static Endpoint e(HttpMethod method, String path) {
        return new Endpoint(method, path);
    }
}
