package org.carebridge.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The REST API of the nodes over plain HTTP, HTTP Basic per request as the API's scripts sign in (the API keeps
 * no session). Every request is recorded: operation, node, status ({@code conn} when the connection failed,
 * {@code timeout}) and, for a 2xx, its latency.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer; {@code status} is -1 when there was none (connection failed, timed out). */
    record Answer(int status, JsonNode body, String statusLabel) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A request as it happened, for timing an outage afterwards: when it ended, on which node, what came back. */
    record Event(long endedAt, int node, boolean write, int status) {
    }

    private final List<String> nodes;
    private final List<HttpClient> clients = new ArrayList<>();
    private volatile Recorder recorder;
    private final Duration timeout;
    private final List<Event> events = new ArrayList<>();
    private static final int SAMPLES = 3;
    private final Map<String, AtomicInteger> samples = new ConcurrentHashMap<>();

    Api(List<String> nodes, Recorder recorder, Duration timeout) {
        this.nodes = nodes;
        this.recorder = recorder;
        this.timeout = timeout;
        for (int i = 0; i < nodes.size(); i++) {
            ExecutorService io = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-io");
                t.setDaemon(true);
                return t;
            });
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(io).build());
        }
    }

    /** Records from now on into {@code recorder} (a warm-up is left behind so). */
    void recordTo(Recorder recorder) {
        this.recorder = recorder;
        synchronized (events) {
            events.clear();
        }
    }

    Recorder recorder() {
        return recorder;
    }

    Answer get(int node, String user, String operation, String path) {
        return send(node, user, operation, "GET", path, null);
    }

    Answer post(int node, String user, String operation, String path, Object body) {
        return send(node, user, operation, "POST", path, body);
    }

    Answer send(int node, String user, String operation, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + path)).timeout(timeout)
                .header("Authorization", basic(user))
                // without it a write with no JSON body is refused as a possible cross-site form
                .header("X-Requested-With", "CareBridge cluster load driver")
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
        }
        long started = System.nanoTime();
        int status;
        String label;
        JsonNode parsed = MissingNode.getInstance();
        String location = null;
        try {
            HttpResponse<String> response = clients.get(node).send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            label = Integer.toString(status);
            location = response.headers().firstValue("Location").orElse(null);
            parsed = parse(response.body());
        } catch (HttpTimeoutException e) {
            status = -1;
            label = "timeout";
        } catch (ConnectException e) {
            status = -1;
            label = "conn";
        } catch (IOException e) {
            // reset, closed mid-answer, refused under another name
            status = -1;
            label = "conn";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            label = "interrupted";
        }
        long ended = System.nanoTime();
        Answer answer = new Answer(status, parsed, label);
        sample(operation, method, path, answer, location);
        recorder.request(node, operation, label, outcome(operation, answer), (ended - started) / 1_000_000);
        synchronized (events) {
            events.add(new Event(ended, node, !"GET".equals(method) && !operation.equals("assess"), status));
        }
        return answer;
    }

    /** The first few errors of each status, printed as they come: what a 500 or a redirect said. */
    private void sample(String operation, String method, String path, Answer answer, String location) {
        if (outcome(operation, answer) != Recorder.Outcome.ERROR) {
            return;
        }
        if (samples.computeIfAbsent(answer.statusLabel(), s -> new AtomicInteger()).incrementAndGet() > SAMPLES) {
            return;
        }
        String body = answer.body().toString();
        new Line("SAMPLE").with("status", answer.statusLabel()).with("op", operation)
                .then(method + " " + path + (location == null ? "" : " location=" + location))
                .then(body.length() > 300 ? body.substring(0, 300) + "..." : body).print();
    }

    List<Event> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    static Recorder.Outcome outcome(String operation, Answer answer) {
        if (answer.ok()) {
            return Recorder.Outcome.OK;
        }
        if (answer.status() == 409) {
            return Recorder.Outcome.CONFLICT;
        }
        if (answer.status() == 400 && operation.equals("schedule")
                && answer.body().toString().contains("already booked")) {
            return Recorder.Outcome.SLOT_TAKEN;
        }
        return Recorder.Outcome.ERROR;
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** Demo users sign in with their name as password. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
