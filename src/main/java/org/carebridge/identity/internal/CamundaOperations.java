package org.carebridge.identity.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an administrator may do through Camunda's REST API and the API behind Cockpit: read (but not
 * process variables, which hold patient data), and give failed jobs and external tasks their retries
 * back (which resolves their incidents) — never change a case. An allow-list: reads are every GET and
 * HEAD, plus the few POSTs that only query; every other write (deployments, starting, modifying,
 * suspending or deleting instances, variables, completing, claiming or assigning tasks, messages,
 * signals, ...) is refused, including the ones a later Camunda version adds.
 */
final class CamundaOperations {

    /** Camunda's REST API serves each engine under its root and under {@code /engine/{name}} as well. */
    private static final List<String> REST_ROOTS = List.of("/engine-rest", "/engine-rest/engine/*");
    /** Cockpit reaches the engine through the webapp's copy of the REST API. */
    private static final List<String> WEBAPP_ENGINE_ROOTS = List.of("/camunda/api/engine/engine/*");

    /** The POST endpoints that take a query in the body and only read (list and count). */
    private static final List<String> QUERIES = List.of(
            "/process-instance", "/process-instance/count",
            "/execution", "/execution/count",
            "/task", "/task/count",
            "/job", "/job/count",
            "/external-task", "/external-task/count",
            "/history/process-instance", "/history/process-instance/count",
            "/history/activity-instance", "/history/activity-instance/count",
            "/history/task", "/history/task/count");

    /** Retrying: the only writes allowed. An incident of a failed job or external task ends with its retries. */
    private static final List<Operation> RETRIES = List.of(
            new Operation(PUT, "/job/*/retries"),
            new Operation(POST, "/job/retries"),
            new Operation(PUT, "/job-definition/*/retries"),
            new Operation(PUT, "/external-task/*/retries"));

    /**
     * Process variables name patients and carry what their forms said: administrators have no business
     * in charts (roles.md), so no path that reads variables (instances, local or form variables, their
     * history and its details) is open to them, and what Camunda's API does show names cases, not patients.
     */
    private static final RequestMatcher PATIENT_DATA = request -> {
        String path = request.getRequestURI().toLowerCase(Locale.ROOT);
        return path.contains("variable") || path.contains("/history/detail");
    };

    /** {@code /engine-rest/**}: what ADMIN may call; everything else there is refused. */
    static final RequestMatcher REST_READS_AND_RETRIES = readsAndRetries("/engine-rest/**", REST_ROOTS, List.of());

    /**
     * {@code /camunda/api/**}: what Cockpit needs to show and retry. Cockpit's own plugin resources only
     * query (their POSTs carry a query); signing out of the webapp changes no case.
     */
    static final RequestMatcher WEBAPP_READS_AND_RETRIES = readsAndRetries("/camunda/api/**", WEBAPP_ENGINE_ROOTS,
            List.of(new Operation(POST, "/camunda/api/cockpit/plugin/base/*/**"),
                    new Operation(POST, "/camunda/api/admin/auth/user/*/logout")));

    private CamundaOperations() {
    }

    private static RequestMatcher readsAndRetries(String everything, List<String> roots, List<Operation> more) {
        List<RequestMatcher> allowed = new ArrayList<>();
        allowed.add(matcher(GET, everything));
        allowed.add(matcher(HEAD, everything));
        for (String root : roots) {
            QUERIES.forEach(query -> allowed.add(matcher(POST, root + query)));
            RETRIES.forEach(retry -> allowed.add(matcher(retry.method(), root + retry.path())));
        }
        more.forEach(operation -> allowed.add(matcher(operation.method(), operation.path())));
        return new AndRequestMatcher(new NegatedRequestMatcher(PATIENT_DATA), new OrRequestMatcher(allowed));
    }

    private static RequestMatcher matcher(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private record Operation(HttpMethod method, String path) {
    }
}
