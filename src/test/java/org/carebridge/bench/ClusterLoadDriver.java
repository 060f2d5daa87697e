package org.carebridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * against the real HTTP API of one or more running nodes, with no Spring context. Run by {@code docs/bench/cluster.sh}.
 *
 * <p>Modes:
 * <ul>
 * <li>{@code --mode peak}: closed loop, {@code --concurrency} clients per node each doing one operation after
 * another, {@code --warmup} seconds left out, then {@code --seconds} measured; the TOTAL line's
 * {@code opsPerSec} is the peak.</li>
 * <li>{@code --mode hold}: open loop at {@code --rate} operations/s (constant spacing, whatever the answers take)
 * over {@code --clients} virtual clients spread over the nodes, for {@code --seconds}. An operation the driver could
 * not start on time shows as lag ({@code lagP99}): a lag that grows means the nodes (or this driver) fell behind.</li>
 * <li>{@code --mode verify --ids FILE}: every referral of FILE read on every node, at least at the step that got
 * a 2xx; then the consistency checker ({@code GET /api/admin/consistency} as admin), where there is one.</li>
 * </ul>
 *
 * <p>Output, one line each, {@code key=value} separated by spaces: {@code INTERVAL} every {@code --interval}
 * seconds per node (operations/s, requests, errors by status, p99) and for the cluster (Camunda job backlog from
 * {@code --db}, heap after GC from {@code --gc-logs}); at the end {@code RESULT} per operation (count, 2xx, 409s,
 * errors by status, p50/p95/p99 of the 2xx answers in ms) and a {@code TOTAL}; {@code RESULT op=OUTAGE} per database
 * outage seen (503s and 500s while away, seconds from its return to the first 2xx per node). Errors are every answer
 * but a 2xx, a 409 and a 400 "already booked" on scheduling (two clients took the same slot; retried with a new
 * suggestion, counted as {@code slotTaken}); {@code conn} is a refused or broken connection.
 */
public final class ClusterLoadDriver {

    private ClusterLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String mode = options.getOrDefault("mode", "hold");
        List<String> nodes = Arrays.stream(required(options, "nodes").split(",")).map(String::strip)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        String label = options.getOrDefault("label", mode);
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "30")));
        int exit;
        if (mode.equals("verify")) {
            exit = verify(label, nodes, Path.of(required(options, "ids")), timeout);
        } else {
            exit = load(mode, label, nodes, options, timeout);
        }
        System.out.flush();
        System.exit(exit);
    }

    private static int load(String mode, String label, List<String> nodes, Map<String, String> options,
            Duration timeout) throws Exception {
        boolean closed = mode.equals("peak");
        if (!closed && !mode.equals("hold")) {
            throw new IllegalArgumentException("--mode peak, hold or verify, not " + mode);
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int intervalSeconds = Integer.parseInt(options.getOrDefault("interval", "10"));
        Map<String, Double> mix = mix(options.getOrDefault("mix", "step=50,chart=35,assess=15"));
        ClusterProbes probes = new ClusterProbes(options.get("db"), options.getOrDefault("db-user", "postgres"),
                options.getOrDefault("db-password", ""));
        List<ClusterProbes.GcLog> gcLogs = new ArrayList<>();
        String[] gcPaths = options.getOrDefault("gc-logs", "").split(",");
        for (int i = 0; i < nodes.size(); i++) {
            gcLogs.add(new ClusterProbes.GcLog(i < gcPaths.length && !gcPaths[i].isBlank() ? Path.of(gcPaths[i]) : null));
        }
        Path idsOut = options.containsKey("ids-out") ? Path.of(options.get("ids-out")) : null;
        // the script's way to end a run early (after a killed node is back): at most --seconds, until this file exists
        Path stopFile = options.containsKey("stop-file") ? Path.of(options.get("stop-file")) : null;

        Api api = new Api(nodes, new Recorder(nodes.size()), timeout);
        List<ReferralWorkload.Doctor> doctors = ReferralWorkload.doctors(api);
        List<ReferralWorkload.Patient> patients = ReferralWorkload.adults(api, 500);
        ReferralWorkload work = new ReferralWorkload(api, patients, Integer.parseInt(options.getOrDefault("in-flight", "4")),
                Long.parseLong(options.getOrDefault("inbox-ttl-ms", "1000")), mix.get("step"), mix.get("chart"),
                mix.get("assess"));
        int clientCount = closed ? Integer.parseInt(options.getOrDefault("concurrency", "8")) * nodes.size()
                : Integer.parseInt(options.getOrDefault("clients", "12"));
        List<ReferralWorkload.Client> clients = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            // sticky: client i on node i mod n; its own doctor while there are enough
            clients.add(new ReferralWorkload.Client(i, i % nodes.size(), doctors.get(i % doctors.size())));
        }
        double rate = closed ? 0 : Double.parseDouble(required(options, "rate"));
        System.out.printf("CONFIG label=%s mode=%s nodes=%s seconds=%d %s clients=%d doctors=%d patients=%d mix=%s"
                        + " inFlight=%s inboxTtlMs=%s db=%s gcLogs=%s%n", label, mode, String.join(",", nodes), seconds,
                (closed ? "" : String.format("rate=%.2f ", rate)) + "warmup=" + options.getOrDefault("warmup", "15"), clientCount,
                Math.min(doctors.size(), clientCount), patients.size(), options.getOrDefault("mix", "step=50,chart=35,assess=15"),
                options.getOrDefault("in-flight", "4"), options.getOrDefault("inbox-ttl-ms", "1000"), probes.enabled(),
                options.containsKey("gc-logs"));

        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        int maxConcurrency = Integer.parseInt(options.getOrDefault("max-concurrency", "256"));
        if (warmup > 0) {
            // the JIT, the pools and the caches warmed at the same load, and left out
            if (closed) {
                closedLoop(work, clients, warmup);
            } else {
                openLoop(work, clients, rate, warmup, maxConcurrency);
            }
        }
        // also the script's cue that the measured run starts
        System.out.printf("WARMUP label=%s seconds=%d ops=%d errors=%d byStatus=%s%n", label, warmup,
                api.recorder().operations(), api.recorder().all().errors, api.recorder().all().statuses());
        System.out.flush();
        Recorder recorder = new Recorder(nodes.size());
        api.recordTo(recorder);
        for (ClusterProbes.GcLog log : gcLogs) {
            log.sample(); // the warm-up's and the start's collections are not the run's
        }
        long t0 = System.nanoTime();
        probes.watchAvailability(t0);
        Summary summary = new Summary(nodes.size());
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "interval");
            t.setDaemon(true);
            return t;
        });
        long completedBefore = work.completed.get();
        reporter.scheduleAtFixedRate(() -> interval(label, t0, nodes.size(), recorder, probes, gcLogs, summary, work, idsOut,
                false), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        double window = closed ? closedLoop(work, clients, seconds)
                : openLoop(work, clients, rate, seconds, maxConcurrency, stopFile);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        reporter.shutdown();
        reporter.awaitTermination(30, TimeUnit.SECONDS);
        interval(label, t0, nodes.size(), recorder, probes, gcLogs, summary, work, idsOut, true); // the last, partial one
        results(label, mode, rate, window, elapsed, nodes.size(), recorder, summary, work, work.completed.get() - completedBefore);
        outages(label, t0, nodes.size(), probes, api.events());
        return 0;
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
     * clients in turn; one that waits for a free thread starts late and its lag is recorded.
     */
    private static void openLoop(ReferralWorkload work, List<ReferralWorkload.Client> clients, double rate, int seconds,
            int maxConcurrency) throws InterruptedException {
        openLoop(work, clients, rate, seconds, maxConcurrency, null);
    }

    /** Returns the seconds over which operations were started (less than {@code seconds} when stopped by the file). */
    private static double openLoop(ReferralWorkload work, List<ReferralWorkload.Client> clients, double rate, int seconds,
            int maxConcurrency, Path stopFile) throws InterruptedException {
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

    /** What the summary keeps of the intervals: backlog and heap after GC, first and last. */
    private static final class Summary {
        final List<String> backlog = new ArrayList<>();
        final List<List<Long>> heapFloors = new ArrayList<>();

        Summary(int nodes) {
            for (int i = 0; i < nodes; i++) {
                heapFloors.add(new ArrayList<>());
            }
        }
    }

    private static synchronized void interval(String label, long t0, int nodes, Recorder recorder, ClusterProbes probes,
            List<ClusterProbes.GcLog> gcLogs, Summary summary, ReferralWorkload work, Path idsOut, boolean tail) {
        long t = Math.round((System.nanoTime() - t0) / 1e9);
        long ops = 0;
        long errors = 0;
        List<String> heaps = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            Recorder.Interval i = recorder.swapInterval(n);
            Recorder.Counts c = i.requests;
            long[] gc = gcLogs.get(n).sample();
            if (gc[0] >= 0) {
                summary.heapFloors.get(n).add(gc[0]);
            }
            heaps.add("n" + (n + 1) + ":" + (gc[0] >= 0 ? gc[0] : "-"));
            ops += i.operations;
            errors += c.errors;
            System.out.printf("INTERVAL label=%s t=%d%s node=n%d ops=%d requests=%d ok=%d conflicts=%d slotTaken=%d errors=%d"
                            + " byStatus=%s p99=%d lagP99=%d heapAfterGcMinMB=%s%n", label, t, tail ? " tail=true" : "", n + 1, i.operations, c.count,
                    c.ok, c.conflicts, c.slotTaken, c.errors, c.statuses(), Recorder.percentile(c.sortedOk(), 99),
                    i.lagP99(), gc[0] >= 0 ? gc[0] : "-");
        }
        ClusterProbes.Jobs jobs = probes.enabled() ? probes.jobs() : null;
        String backlog = jobs == null ? (probes.enabled() ? "db-away" : "-") : Long.toString(jobs.due());
        if (jobs != null) {
            summary.backlog.add(jobs.toString());
        }
        System.out.printf("INTERVAL label=%s t=%d%s node=all ops=%d errors=%d jobsDue=%s jobsFailed=%s heapAfterGcMinMB=%s"
                        + " referralsCompleted=%d%n", label, t, tail ? " tail=true" : "", ops, errors, backlog, jobs == null ? "-" : jobs.failed(),
                String.join(",", heaps), work.completed.get());
        writeIds(idsOut, work);
    }

    private static void results(String label, String mode, double rate, double window, double elapsed, int nodes,
            Recorder recorder,
            Summary summary, ReferralWorkload work, long completed) {
        for (Map.Entry<String, Recorder.Counts> e : recorder.byOperation().entrySet()) {
            Recorder.Counts c = e.getValue();
            long[] ok = c.sortedOk();
            System.out.printf("RESULT label=%s op=%s count=%d ok=%d conflicts=%d slotTaken=%d errors=%d byStatus=%s"
                            + " p50=%d p95=%d p99=%d max=%d%n", label, e.getKey(), c.count, c.ok, c.conflicts, c.slotTaken,
                    c.errors, c.statuses(), Recorder.percentile(ok, 50), Recorder.percentile(ok, 95),
                    Recorder.percentile(ok, 99), ok.length == 0 ? -1 : ok[ok.length - 1]);
        }
        for (int n = 0; n < nodes; n++) {
            Recorder.Counts c = recorder.node(n);
            long[] ok = c.sortedOk();
            System.out.printf("RESULT label=%s op=NODE node=n%d requests=%d ok=%d conflicts=%d slotTaken=%d errors=%d"
                            + " byStatus=%s p50=%d p99=%d%n", label, n + 1, c.count, c.ok, c.conflicts, c.slotTaken, c.errors,
                    c.statuses(), Recorder.percentile(ok, 50), Recorder.percentile(ok, 99));
        }
        Recorder.Counts all = recorder.all();
        long[] ok = all.sortedOk();
        Recorder.Counts submits = recorder.byOperation().get("submit");
        long submitted = submits == null ? 0 : submits.ok;
        String heapFirst = summary.heapFloors.stream().map(l -> l.isEmpty() ? "-" : Long.toString(l.get(0)))
                .collect(Collectors.joining(","));
        String heapLast = summary.heapFloors.stream().map(l -> l.isEmpty() ? "-" : Long.toString(l.get(l.size() - 1)))
                .collect(Collectors.joining(","));
        String backlogMax = summary.backlog.isEmpty() ? "-" : Long.toString(summary.backlog.stream()
                .mapToLong(s -> Long.parseLong(s.split(",")[0])).max().orElse(0));
        System.out.printf("RESULT label=%s op=TOTAL mode=%s targetRate=%s seconds=%.1f elapsed=%.1f ops=%d opsPerSec=%.2f"
                        + " requests=%d ok=%d conflicts=%d slotTaken=%d errors=%d e500=%d e503=%d"
                        + " econn=%d byStatus=%s p50=%d p99=%d lagP99=%d referralsSubmitted=%d referralsCompleted=%d"
                        + " abandoned=%d deferred=%d jobsFirst=%s jobsLast=%s jobsDueMax=%s heapAfterGcFirstMB=%s"
                        + " heapAfterGcLastMB=%s%n", label, mode, mode.equals("peak") ? "-" : String.format("%.2f", rate),
                window, elapsed, recorder.operations(), recorder.operations() / window, all.count, all.ok,
                all.conflicts, all.slotTaken, all.errors, all.errorsWith("500"), all.errorsWith("503"),
                all.errorsWith("conn"), all.statuses(), Recorder.percentile(ok, 50), Recorder.percentile(ok, 99),
                recorder.lagP99(), submitted, completed, work.abandoned.get(),
                work.deferred.get(), summary.backlog.isEmpty() ? "-" : summary.backlog.get(0),
                summary.backlog.isEmpty() ? "-" : summary.backlog.get(summary.backlog.size() - 1), backlogMax, heapFirst,
                heapLast);
    }

    /**
     * Per database outage and node: the answers while it was away and after, the seconds from its return to the
     * first 2xx (any request, and a write), and to the last error.
     */
    private static void outages(String label, long t0, int nodes, ClusterProbes probes, List<Api.Event> events) {
        List<long[]> outages = probes.outages();
        if (probes.downSince() >= 0) {
            System.out.printf("RESULT label=%s op=OUTAGE still-away-at-end downAt=%.1f%n", label,
                    (probes.downSince() - t0) / 1e9);
        }
        for (int o = 0; o < outages.size(); o++) {
            long down = outages.get(o)[0];
            long up = outages.get(o)[1];
            long until = o + 1 < outages.size() ? outages.get(o + 1)[0] : Long.MAX_VALUE;
            for (int n = 0; n < nodes; n++) {
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
                    String status = e.status() < 0 ? "conn/timeout" : Integer.toString(e.status());
                    if (!ok) {
                        (e.endedAt() < up ? during : after).merge(status, 1L, Long::sum);
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
                System.out.printf("RESULT label=%s op=OUTAGE n=%d node=n%d downAt=%.1f upAt=%.1f awaySec=%.1f"
                                + " nonOkWhileAway=%s nonOkAfterReturn=%s e500=%d first2xxAfterReturnSec=%s"
                                + " firstWrite2xxAfterReturnSec=%s lastErrorAfterReturnSec=%s%n", label, o + 1, n + 1,
                        (down - t0) / 1e9, (up - t0) / 1e9, (up - down) / 1e9, statuses(during), statuses(after),
                        during.getOrDefault("500", 0L) + after.getOrDefault("500", 0L), seconds(first2xx, up),
                        seconds(firstWrite2xx, up), seconds(lastError, up));
            }
        }
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
            List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < expected.size(); i = next.getAndIncrement()) {
                        String[] line = expected.get(i);
                        Api.Answer answer = null;
                        for (int attempt = 0; attempt < 3; attempt++) {
                            answer = api.get(node, "coordinator", "verify", "/api/referrals/" + line[0]);
                            if (answer.status() != 503 && answer.status() != -1) {
                                break;
                            }
                            sleep(1000);
                        }
                        if (answer.ok()) {
                            String status = answer.body().path("status").asText();
                            if (ReferralWorkload.Step.rankOf(status) >= ReferralWorkload.Step.valueOf(line[1]).ordinal()) {
                                present.incrementAndGet();
                            } else {
                                behind.incrementAndGet();
                                examples.add(line[0] + " is " + status + ", " + line[1] + " got a 2xx");
                            }
                        } else if (answer.status() == 404) {
                            missing.incrementAndGet();
                            examples.add(line[0] + " 404 (" + line[1] + " got a 2xx)");
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
            System.out.printf("RESULT label=%s op=VERIFY node=n%d referrals=%d present=%d behind=%d missing=%d"
                    + " unreadable=%d clean=%s%n", label, n + 1, expected.size(), present.get(), behind.get(),
                    missing.get(), unreadable.get(), clean);
            examples.stream().limit(10).forEach(e -> System.out.println("  " + e));
        }
        checker(label, new Api(nodes, new Recorder(nodes.size()), Duration.ofMinutes(5)));
        return allThere ? 0 : 1;
    }

    /** The consistency checker of issue 13 (another engineer's), when the node has it. */
    private static void checker(String label, Api api) {
        Api.Answer answer = api.get(0, "admin", "checker", "/api/admin/consistency");
        if (answer.status() == 404 || answer.status() == 403 || answer.status() == 405) {
            System.out.printf("CHECKER label=%s checker not available (HTTP %s)%n", label, answer.statusLabel());
            return;
        }
        if (!answer.ok()) {
            System.out.printf("CHECKER label=%s error HTTP %s %s%n", label, answer.statusLabel(), abbreviate(answer.body()));
            return;
        }
        JsonNode body = answer.body();
        JsonNode violations = body.isArray() ? body : body.has("violations") ? body.path("violations") : null;
        if (body.has("clean") && body.path("clean").isBoolean()) {
            System.out.printf("CHECKER label=%s %s %s%n", label, body.path("clean").asBoolean() ? "clean" : "VIOLATIONS",
                    abbreviate(body));
        } else if (violations != null && violations.isArray()) {
            System.out.printf("CHECKER label=%s %s violations=%d %s%n", label, violations.isEmpty() ? "clean" : "VIOLATIONS",
                    violations.size(), abbreviate(body));
        } else {
            System.out.printf("CHECKER label=%s answered 200, shape not understood: %s%n", label, abbreviate(body));
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
