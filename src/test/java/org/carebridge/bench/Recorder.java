package org.carebridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the load driver saw: every HTTP request by operation (status and latency) over the whole run, and by
 * node over the current interval, swapped out by the interval reporter. Latencies are of 2xx answers only;
 * errors are counted by status ({@code conn} for a refused or reset connection, {@code timeout}).
 */
final class Recorder {

    /** How an answer counts: 2xx, a 409 conflict, a slot another client booked first (400, retried), or an error. */
    enum Outcome { OK, CONFLICT, SLOT_TAKEN, ERROR }

    static final class Counts {
        long count;
        long ok;
        long conflicts;
        long slotTaken;
        long errors;
        final Map<String, Long> byStatus = new TreeMap<>();
        private long[] okMillis = new long[64];
        private int okSize;

        synchronized void add(String status, Outcome outcome, long millis) {
            count++;
            switch (outcome) {
                case OK -> {
                    ok++;
                    if (okSize == okMillis.length) {
                        okMillis = Arrays.copyOf(okMillis, okSize * 2);
                    }
                    okMillis[okSize++] = millis;
                }
                case CONFLICT -> conflicts++;
                case SLOT_TAKEN -> slotTaken++;
                case ERROR -> {
                    errors++;
                    byStatus.merge(status, 1L, Long::sum);
                }
            }
        }

        synchronized long[] sortedOk() {
            long[] copy = Arrays.copyOf(okMillis, okSize);
            Arrays.sort(copy);
            return copy;
        }

        synchronized long errorsWith(String status) {
            return byStatus.getOrDefault(status, 0L);
        }

        synchronized String statuses() {
            if (byStatus.isEmpty()) {
                return "-";
            }
            List<String> parts = new ArrayList<>();
            byStatus.forEach((status, n) -> parts.add(status + ":" + n));
            return String.join(",", parts);
        }

        /** Errors other than a 503 (the answer while the database is away) or a refused connection (a node down). */
        synchronized long otherErrors() {
            return errors - errorsWith("503") - errorsWith("conn");
        }
    }

    /** Counts of one node in one interval, with how late the open loop started its operations. */
    static final class Interval {
        final Counts requests = new Counts();
        long operations;
        private long[] lagMillis = new long[64];
        private int lagSize;

        synchronized void operation(long lagMillis) {
            operations++;
            if (lagSize == this.lagMillis.length) {
                this.lagMillis = Arrays.copyOf(this.lagMillis, lagSize * 2);
            }
            this.lagMillis[lagSize++] = lagMillis;
        }

        synchronized long lagP99() {
            long[] copy = Arrays.copyOf(lagMillis, lagSize);
            Arrays.sort(copy);
            return percentile(copy, 99);
        }
    }

    private final Map<String, Counts> byOperation = new ConcurrentHashMap<>();
    private final Counts all = new Counts();
    private final List<Counts> byNode = new ArrayList<>();
    private final List<AtomicReference<Interval>> nodeIntervals = new ArrayList<>();
    private final Interval totalLag = new Interval();

    Recorder(int nodes) {
        for (int i = 0; i < nodes; i++) {
            nodeIntervals.add(new AtomicReference<>(new Interval()));
            byNode.add(new Counts());
        }
    }

    void request(int node, String operation, String status, Outcome outcome, long millis) {
        byOperation.computeIfAbsent(operation, o -> new Counts()).add(status, outcome, millis);
        all.add(status, outcome, millis);
        byNode.get(node).add(status, outcome, millis);
        nodeIntervals.get(node).get().requests.add(status, outcome, millis);
    }

    /** One operation of the mix started, {@code lagMillis} after the open loop meant it to. */
    void operation(int node, long lagMillis) {
        nodeIntervals.get(node).get().operation(lagMillis);
        totalLag.operation(lagMillis);
    }

    Interval swapInterval(int node) {
        return nodeIntervals.get(node).getAndSet(new Interval());
    }

    Map<String, Counts> byOperation() {
        return new TreeMap<>(byOperation);
    }

    Counts node(int node) {
        return byNode.get(node);
    }

    Counts all() {
        return all;
    }

    long operations() {
        synchronized (totalLag) {
            return totalLag.operations;
        }
    }

    long lagP99() {
        return totalLag.lagP99();
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
