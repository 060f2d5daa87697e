package org.carebridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 13's load driver: a mixed workload (the referral loop, chart reads, assessments; see {@link ReferralWorkload})
 * against the real HTTP API of one or more running nodes, with no Spring context. Run by
 * {@code docs/bench/cluster.sh}.
 *
 * <p>Modes:
 * <ul>
 * <li>{@code --mode peak}: closed loop, {@code --concurrency} clients per node each doing one operation after
 * another, {@code --warmup} seconds left out, then {@code --seconds} measured; the TOTAL line's
 * {@code opsPerSec} is the peak.</li>
 * <li>{@code --mode hold}: open loop at {@code --rate} operations/s (constant spacing, whatever the answers take)
 * over {@code --clients} virtual clients spread over the nodes, after {@code --warmup} seconds at the same rate, for
 * {@code --seconds} or until {@code --stop-file} exists. An operation the driver could not start on time shows as
 * lag ({@code lagP99}): a lag that grows means the nodes (or this driver) fell behind.</li>
 * <li>{@code --mode verify --ids FILE}: every referral of FILE read on every node, at least at the step that got
 * a 2xx; then the consistency checker ({@code GET /api/admin/consistency} as admin), where there is one.</li>
 * </ul>
 *
 * <p>Output, one line each, {@code key=value} separated by spaces: {@code INTERVAL} every {@code --interval}
 * seconds per node (operations, requests, errors by status, p99) and for the cluster (Camunda job backlog from
 * {@code --db}, heap after GC from {@code --gc-logs}); at the end {@code RESULT} per operation (count, 2xx, 409s,
 * errors by status, p50/p95/p99 of the 2xx answers in ms), per node and a {@code TOTAL}; {@code RESULT op=OUTAGE}
 * per database outage seen (what came back while away, seconds from its return to the first 2xx per node); the
 * first few errors of each status as {@code SAMPLE}. Errors are every answer but a 2xx, a 409 and a 400 "already
 * booked" on scheduling (another booking took the slot first; retried with a new suggestion, counted as
 * {@code slotTaken}); {@code conn} is a refused or broken connection. With {@code --ids-out}, every referral whose
 * submit got a 2xx is written with the furthest step that got one, for {@code verify}. A request waits at most
 * {@code --timeout} seconds (60: longer than a node's 30 s wait for a database connection, so that the node's own
 * answer is what is counted while the database is away).
 */
public final class ClusterLoadDriver {

    private static final String DEFAULT_MIX = "step=50,chart=35,assess=15";

    private ClusterLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String mode = options.getOrDefault("mode", "hold");
        List<String> nodes = Arrays.stream(required(options, "nodes").split(",")).map(String::strip)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        String label = options.getOrDefault("label", mode);
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "60")));
        int exit = mode.equals("verify") ? verify(label, nodes, Path.of(required(options, "ids")), timeout)
                : new Run(mode, label, nodes, options, timeout).load();
        System.out.flush();
        System.exit(exit);
    }

    /** One peak or hold run. */
    private static final class Run {
        final String mode;
        final boolean closed;
        final String label;
        final List<String> nodes;
        final Map<String, String> options;
        final Api api;
        final ClusterProbes probes;
        final List<ClusterProbes.GcLog> gcLogs = new ArrayList<>();
        final Path idsOut;
        final Path stopFile;
        /** Backlog (due,failed) and each node's heap-after-GC floor, per interval. */
        final List<String> backlog = new ArrayList<>();
        final List<List<Long>> heapFloors = new ArrayList<>();
        ReferralWorkload work;
        Recorder recorder;
        long t0;

        Run(String mode, String label, List<String> nodes, Map<String, String> options, Duration timeout) {
            this.mode = mode;
            this.closed = mode.equals("peak");
            if (!closed && !mode.equals("hold")) {
                throw new IllegalArgumentException("--mode peak, hold or verify, not " + mode);
            }
            this.label = label;
            this.nodes = nodes;
            this.options = options;
            this.api = new Api(nodes, new Recorder(nodes.size()), timeout);
            this.probes = new ClusterProbes(options.get("db"), options.getOrDefault("db-user", "postgres"),
                    options.getOrDefault("db-password", ""));
            String[] gcPaths = options.getOrDefault("gc-logs", "").split(",");
            for (int i = 0; i < nodes.size(); i++) {
                boolean logged = i < gcPaths.length && !gcPaths[i].isBlank();
                gcLogs.add(new ClusterProbes.GcLog(logged ? Path.of(gcPaths[i]) : null));
                heapFloors.add(new ArrayList<>());
            }
            this.idsOut = options.containsKey("ids-out") ? Path.of(options.get("ids-out")) : null;
            // how the script ends a run once a killed node or the database has been back a while
            this.stopFile = options.containsKey("stop-file") ? Path.of(options.get("stop-file")) : null;
        }

        int option(String name, int otherwise) {
            return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
        }

        int load() throws Exception {
            int seconds = option("seconds", 60);
            int warmup = option("warmup", 15);
            int maxConcurrency = option("max-concurrency", 256);
            String mixSpec = options.getOrDefault("mix", DEFAULT_MIX);
            Map<String, Double> mix = mix(mixSpec);
            List<ReferralWorkload.Doctor> doctors = ReferralWorkload.doctors(api);
            List<ReferralWorkload.Patient> patients = ReferralWorkload.adults(api, 500);
            work = new ReferralWorkload(api, patients, option("in-flight", 4), option("inbox-ttl-ms", 1000),
                    mix.get("step"), mix.get("chart"), mix.get("assess"));
            int clientCount = closed ? option("concurrency", 8) * nodes.size() : option("clients", 12);
            List<ReferralWorkload.Client> clients = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                // sticky: client i on node i mod n; its own doctor while there are enough
                clients.add(new ReferralWorkload.Client(i, i % nodes.size(), doctors.get(i % doctors.size())));
            }
            double rate = closed ? 0 : Double.parseDouble(required(options, "rate"));
            new Line("CONFIG").with("label", label).with("mode", mode).with("nodes", String.join(",", nodes))
                    .with("seconds", seconds).with("rate", closed ? null : rate).with("warmup", warmup)
                    .with("clients", clientCount).with("doctors", Math.min(doctors.size(), clientCount))
                    .with("patients", patients.size()).with("mix", mixSpec).with("inFlight", option("in-flight", 4))
                    .with("inboxTtlMs", option("inbox-ttl-ms", 1000)).with("db", probes.enabled())
                    .with("gcLogs", options.containsKey("gc-logs")).print();

            if (warmup > 0) {
                // the JIT, the pools and the caches warmed at the same load, and left out
                if (closed) {
                    closedLoop(work, clients, warmup);
                } else {
                    openLoop(work, clients, rate, warmup, maxConcurrency, null);
                }
            }
            Recorder warm = api.recorder();
            // also the script's cue that the measured run starts
            new Line("WARMUP").with("label", label).with("seconds", warmup).with("ops", warm.operations())
                    .with("errors", warm.all().errors).with("byStatus", warm.all().statuses()).print();
            recorder = new Recorder(nodes.size());
            api.recordTo(recorder);
            for (ClusterProbes.GcLog log : gcLogs) {
                log.sample(); // the start's and the warm-up's collections are not the run's
            }
            long completedBefore = work.completed.get();
            t0 = System.nanoTime();
            probes.watchAvailability(t0);
            ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "interval");
                t.setDaemon(true);
                return t;
            });
            int every = option("interval", 10);
            reporter.scheduleAtFixedRate(() -> interval(false), every, every, TimeUnit.SECONDS);
            double window = closed ? closedLoop(work, clients, seconds)
                    : openLoop(work, clients, rate, seconds, maxConcurrency, stopFile);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            reporter.shutdown();
            reporter.awaitTermination(30, TimeUnit.SECONDS);
            interval(true); // the last, partial one
            results(rate, window, elapsed, work.completed.get() - completedBefore);
            outages();
            return 0;
        }

        synchronized void interval(boolean tail) {
            long t = Math.round((System.nanoTime() - t0) / 1e9);
            long ops = 0;
            long errors = 0;
            List<String> heaps = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Recorder.Interval i = recorder.swapInterval(n);
                long[] gc = gcLogs.get(n).sample();
                if (gc[0] >= 0) {
                    heapFloors.get(n).add(gc[0]);
                }
                heaps.add("n" + (n + 1) + ":" + (gc[0] >= 0 ? gc[0] : "-"));
                ops += i.operations;
                errors += i.requests.errors;
                new Line("INTERVAL").with("label", label).with("t", t).then(tail ? "tail=true" : "")
                        .with("node", "n" + (n + 1)).with("ops", i.operations).with(i.requests, 99)
                        .with("lagP99", i.lagP99()).with("heapAfterGcMinMB", gc[0] >= 0 ? gc[0] : null).print();
            }
            ClusterProbes.Jobs jobs = probes.enabled() ? probes.jobs() : null;
            if (jobs != null) {
                backlog.add(jobs.toString());
            }
            new Line("INTERVAL").with("label", label).with("t", t).then(tail ? "tail=true" : "").with("node", "all")
                    .with("ops", ops).with("errors", errors)
                    .with("jobsDue", jobs != null ? jobs.due() : probes.enabled() ? "db-away" : null)
                    .with("jobsFailed", jobs == null ? null : jobs.failed())
                    .with("heapAfterGcMinMB", String.join(",", heaps))
                    .with("referralsCompleted", work.completed.get()).print();
            writeIds(idsOut, work);
        }

        void results(double rate, double window, double elapsed, long completed) {
            for (Map.Entry<String, Recorder.Counts> e : recorder.byOperation().entrySet()) {
                long[] ok = e.getValue().sortedOk();
                new Line("RESULT").with("label", label).with("op", e.getKey()).with(e.getValue(), 50, 95, 99)
                        .with("max", ok.length == 0 ? -1 : ok[ok.length - 1]).print();
            }
            for (int n = 0; n < nodes.size(); n++) {
                new Line("RESULT").with("label", label).with("op", "NODE").with("node", "n" + (n + 1))
                        .with(recorder.node(n), 50, 99).print();
            }
            Recorder.Counts all = recorder.all();
            Recorder.Counts submits = recorder.byOperation().get("submit");
            new Line("RESULT").with("label", label).with("op", "TOTAL").with("mode", mode)
                    .with("targetRate", closed ? null : rate).with("seconds", window).with("elapsed", elapsed)
                    .with("ops", recorder.operations()).with("opsPerSec", recorder.operations() / window)
                    .with(all, 50, 99).with("e500", all.errorsWith("500")).with("e503", all.errorsWith("503"))
                    .with("econn", all.errorsWith("conn")).with("lagP99", recorder.lagP99())
                    .with("referralsSubmitted", submits == null ? 0 : submits.ok).with("referralsCompleted", completed)
                    .with("abandoned", work.abandoned.get()).with("deferred", work.deferred.get())
                    .with("jobsFirst", backlog.isEmpty() ? null : backlog.get(0))
                    .with("jobsLast", backlog.isEmpty() ? null : backlog.get(backlog.size() - 1))
                    .with("jobsDueMax", backlog.stream().mapToLong(s -> Long.parseLong(s.split(",")[0])).max()
                            .stream().boxed().findFirst().orElse(null))
                    .with("heapAfterGcFirstMB", heapFloors.stream().map(l -> l.isEmpty() ? "-" : l.get(0).toString())
                            .collect(Collectors.joining(",")))
                    .with("heapAfterGcLastMB", heapFloors.stream().map(l -> l.isEmpty() ? "-"
                            : l.get(l.size() - 1).toString()).collect(Collectors.joining(",")))
                    .print();
        }

        /**
         * Per database outage and node: what came back while it was away and after, the seconds from its return to
         * the first 2xx (any request, and a write), and to the last error after it.
         */
        void outages() {
            List<long[]> outages = probes.outages();
            if (probes.downSince() >= 0) {
                new Line("RESULT").with("label", label).with("op", "OUTAGE").with("awayAtEnd", true)
                        .with("downAt", (probes.downSince() - t0) / 1e9).print();
            }
            List<Api.Event> events = api.events();
            for (int o = 0; o < outages.size(); o++) {
                long down = outages.get(o)[0];
                long up = outages.get(o)[1];
                long until = o + 1 < outages.size() ? outages.get(o + 1)[0] : Long.MAX_VALUE;
                for (int n = 0; n < nodes.size(); n++) {
                    Map<String, Long> during = new HashMap<>();
                    Map<String, Long> after = new HashMap<>();
                    long first2xx = -1;
                    long firstWrite2xx = -1;
                    long lastError = -1;
                    for (Api.Event e : events) {
                        if (e.node() != n || e.endedAt() < down || e.endedAt() >= until) {
                            continue;
                        }
                        boolean ok = e.status() >= 200 && e.status() < 300;
                        if (!ok) {
                            (e.endedAt() < up ? during : after).merge(e.status() < 0 ? "conn/timeout"
                                    : Integer.toString(e.status()), 1L, Long::sum);
                        }
                        if (e.endedAt() >= up) {
                            if (ok && first2xx < 0) {
                                first2xx = e.endedAt();
                            }
                            if (ok && e.write() && firstWrite2xx < 0) {
                                firstWrite2xx = e.endedAt();
                            }
                            if (!ok && e.status() != 409 && e.status() != 400) {
                                lastError = Math.max(lastError, e.endedAt());
                            }
                        }
                    }
                    new Line("RESULT").with("label", label).with("op", "OUTAGE").with("n", o + 1)
                            .with("node", "n" + (n + 1)).with("downAt", (down - t0) / 1e9).with("upAt", (up - t0) / 1e9)
                            .with("awaySec", (up - down) / 1e9).with("nonOkWhileAway", statuses(during))
                            .with("nonOkAfterReturn", statuses(after))
                            .with("e500", during.getOrDefault("500", 0L) + after.getOrDefault("500", 0L))
                            .with("first2xxAfterReturnSec", seconds(first2xx, up))
                            .with("firstWrite2xxAfterReturnSec", seconds(firstWrite2xx, up))
                            .with("lastErrorAfterReturnSec", seconds(lastError, up)).print();
                }
            }
        }
    }

    /** Each client one operation after another, on a thread of its own, for {@code seconds}. */
    private static double closedLoop(ReferralWorkload work, List<ReferralWorkload.Client> clients, int seconds)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> running = new ArrayList<>();
        for (ReferralWorkload.Client client : clients) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    work.operate(client, 0);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return seconds;
    }

    /**
     * Operations started at a constant rate whatever the answers take, each on a pooled thread, handed to the
     * clients in turn; one that waits for a free thread starts late and its lag is recorded. Returns the seconds
     * over which operations were started (fewer than {@code seconds} when the stop file appeared).
     */
    private static double openLoop(ReferralWorkload work, List<ReferralWorkload.Client> clients, double rate,
            int seconds, int maxConcurrency, Path stopFile) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency, r -> {
            Thread t = new Thread(r, "op");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        double spacing = 1e9 / rate;
        long stoppedAt = end;
        for (long k = 0; ; k++) {
            long due = start + (long) (k * spacing);
            if (due >= end) {
                break;
            }
            if (stopFile != null && k % 16 == 0 && Files.exists(stopFile)) {
                stoppedAt = due;
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            ReferralWorkload.Client client = clients.get((int) (k % clients.size()));
            pool.execute(() -> work.operate(client, (System.nanoTime() - due) / 1_000_000));
        }
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            System.out.println("WARNING operations still running 120 s after the end; left behind");
        }
        return (stoppedAt - start) / 1e9;
    }

    private static String seconds(long at, long from) {
        return at < 0 ? "-" : String.format("%.2f", (at - from) / 1e9);
    }

    private static String statuses(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** Every referral whose submit got a 2xx, with the furthest step that got one: {@code id STEP STATUS}. */
    private static synchronized void writeIds(Path file, ReferralWorkload work) {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        work.acknowledged().forEach((id, step) -> text.append(id).append(' ').append(step).append(' ')
                .append(step.status).append('\n'));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.out.println("WARNING cannot write " + file + ": " + e);
        }
    }

    /**
     * Reads every referral of the file on every node (as the coordinator; a 503 or a broken connection is tried
     * again, three times) and asks the consistency checker; 0 when every referral is there at least at its step.
     */
    private static int verify(String label, List<String> nodes, Path ids, Duration timeout) throws Exception {
        List<String[]> expected = Files.readAllLines(ids).stream().filter(l -> !l.isBlank()).map(l -> l.split(" "))
                .toList();
        Api api = new Api(nodes, new Recorder(nodes.size()), timeout);
        boolean allThere = true;
        for (int n = 0; n < nodes.size(); n++) {
            int node = n;
            AtomicLong present = new AtomicLong();
            AtomicLong behind = new AtomicLong();
            AtomicLong missing = new AtomicLong();
            AtomicLong unreadable = new AtomicLong();
            List<String> examples = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < expected.size(); i = next.getAndIncrement()) {
                        String[] line = expected.get(i);
                        ReferralWorkload.Step step = ReferralWorkload.Step.valueOf(line[1]);
                        Api.Answer answer = null;
                        for (int attempt = 0; attempt < 3; attempt++) {
                            answer = api.get(node, "coordinator", "verify", "/api/referrals/" + line[0]);
                            if (answer.status() != 503 && answer.status() != -1) {
                                break;
                            }
                            sleep(1000);
                        }
                        String status = answer.body().path("status").asText();
                        if (answer.ok() && ReferralWorkload.Step.rankOf(status) >= step.ordinal()) {
                            present.incrementAndGet();
                        } else if (answer.ok()) {
                            behind.incrementAndGet();
                            examples.add(line[0] + " is " + status + ", " + step + " got a 2xx");
                        } else if (answer.status() == 404) {
                            missing.incrementAndGet();
                            examples.add(line[0] + " 404 (" + step + " got a 2xx)");
                        } else {
                            unreadable.incrementAndGet();
                            examples.add(line[0] + " " + answer.statusLabel());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            pool.shutdown();
            boolean clean = present.get() == expected.size();
            allThere &= clean;
            new Line("RESULT").with("label", label).with("op", "VERIFY").with("node", "n" + (n + 1))
                    .with("referrals", expected.size()).with("present", present.get()).with("behind", behind.get())
                    .with("missing", missing.get()).with("unreadable", unreadable.get()).with("clean", clean).print();
            examples.stream().limit(10).forEach(e -> System.out.println("  " + e));
        }
        checker(label, new Api(nodes, new Recorder(nodes.size()), Duration.ofMinutes(5)));
        return allThere ? 0 : 1;
    }

    /** The consistency checker of issue 13 (another engineer's), when the jar has it. */
    private static void checker(String label, Api api) {
        Api.Answer answer = api.get(0, "admin", "checker", "/api/admin/consistency");
        Line line = new Line("CHECKER").with("label", label).with("status", answer.statusLabel());
        if (answer.status() == 404 || answer.status() == 403 || answer.status() == 405) {
            // deny by default: a path the jar does not know is 403 to admin, not 404
            line.then("checker not available").print();
            return;
        }
        JsonNode body = answer.body();
        JsonNode violations = body.isArray() ? body : body.has("violations") ? body.path("violations") : null;
        if (!answer.ok()) {
            line.then("checker failed: " + abbreviate(body)).print();
        } else if (body.path("clean").isBoolean()) {
            line.then((body.path("clean").asBoolean() ? "clean " : "VIOLATIONS ") + abbreviate(body)).print();
        } else if (violations != null && violations.isArray()) {
            line.with("violations", violations.size())
                    .then((violations.isEmpty() ? "clean " : "VIOLATIONS ") + abbreviate(body)).print();
        } else {
            line.then("answer not understood: " + abbreviate(body)).print();
        }
    }

    private static String abbreviate(JsonNode body) {
        String text = body.toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Double> mix(String spec) {
        Map<String, Double> mix = new HashMap<>(Map.of("step", 0.0, "chart", 0.0, "assess", 0.0));
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            if (!mix.containsKey(kv[0].strip())) {
                throw new IllegalArgumentException("--mix knows step, chart and assess, not " + kv[0]);
            }
            mix.put(kv[0].strip(), Double.parseDouble(kv[1]));
        }
        return mix;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            String key = args[i].substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                options.put(key.substring(0, eq), key.substring(eq + 1));
            } else {
                options.put(key, i + 1 < args.length ? args[++i] : "");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
