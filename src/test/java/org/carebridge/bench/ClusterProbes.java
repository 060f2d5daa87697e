package org.carebridge.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the driver reads beside the API: the Camunda job backlog from the database, whether the database
 * answers at all (polled every 250 ms, to time an outage), and each node's heap after GC from its GC log
 * ({@code -Xlog:gc:file=...}, which the script starts the nodes with).
 */
final class ClusterProbes {

    /** Executable jobs due now, and failed jobs (no retries left). */
    record Jobs(long due, long failed) {
        @Override
        public String toString() {
            return due + "," + failed;
        }
    }

    private final String url;
    private final Properties credentials = new Properties();
    private Connection sampling;
    private Connection polling;
    private volatile boolean up = true;
    private volatile long downAt = -1;
    private volatile long upAt = -1;
    private final List<long[]> outages = new ArrayList<>();

    ClusterProbes(String url, String user, String password) {
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        // short timeouts: a database that is away must not hold up the interval report
        credentials.setProperty("connectTimeout", "2");
        credentials.setProperty("socketTimeout", "5");
        credentials.setProperty("loginTimeout", "3");
        credentials.setProperty("ApplicationName", "cluster-load-driver");
    }

    boolean enabled() {
        return url != null;
    }

    /** The job backlog now, or null while the database does not answer. */
    synchronized Jobs jobs() {
        if (url == null) {
            return null;
        }
        try {
            if (sampling == null || sampling.isClosed()) {
                sampling = DriverManager.getConnection(url, credentials);
            }
            try (Statement s = sampling.createStatement();
                    ResultSet r = s.executeQuery("select"
                            + " count(*) filter (where retries_ > 0 and suspension_state_ = 1"
                            + " and (duedate_ is null or duedate_ <= now())),"
                            + " count(*) filter (where retries_ = 0) from act_ru_job")) {
                r.next();
                return new Jobs(r.getLong(1), r.getLong(2));
            }
        } catch (SQLException e) {
            close(sampling);
            sampling = null;
            return null;
        }
    }

    /** Polls {@code select 1} every 250 ms on a daemon thread; records when the database goes away and comes back. */
    void watchAvailability(long t0) {
        if (url == null) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                boolean answers = ping();
                long now = System.nanoTime();
                synchronized (this) {
                    if (up && !answers) {
                        up = false;
                        downAt = now;
                        System.out.printf("DB down at +%.1fs%n", (now - t0) / 1e9);
                    } else if (!up && answers) {
                        up = true;
                        upAt = now;
                        outages.add(new long[] {downAt, upAt});
                        System.out.printf("DB up at +%.1fs (away %.1fs)%n", (now - t0) / 1e9, (upAt - downAt) / 1e9);
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "db-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private boolean ping() {
        try {
            if (polling == null || polling.isClosed()) {
                polling = DriverManager.getConnection(url, credentials);
            }
            try (Statement s = polling.createStatement()) {
                s.setQueryTimeout(2);
                s.execute("select 1");
            }
            return true;
        } catch (SQLException e) {
            close(polling);
            polling = null;
            return false;
        }
    }

    /** Outages seen so far as {@code [downAt, upAt]} in nanoTime; one still going has no entry. */
    synchronized List<long[]> outages() {
        return new ArrayList<>(outages);
    }

    synchronized boolean isUp() {
        return up;
    }

    synchronized long downSince() {
        return up ? -1 : downAt;
    }

    private static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /**
     * Heap after GC of one node, from its unified GC log: the lowest after-GC occupancy in the lines written since
     * the last call (the floor a leak would raise) and the last one. A log written afresh (a restarted node) is
     * read from its start again.
     */
    static final class GcLog {
        // [12.345s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 150M->60M(256M) 5.123ms
        private static final Pattern PAUSE =
                Pattern.compile("GC\\(\\d+\\) Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
        private final Path file;
        private long offset;
        private long lastAfterMb = -1;

        GcLog(Path file) {
            this.file = file;
        }

        /** {@code [floor since last call, last]} in MB; -1 where no GC ran (the floor) or none ever (the last). */
        synchronized long[] sample() {
            long floor = -1;
            if (file == null || !Files.exists(file)) {
                return new long[] {-1, lastAfterMb};
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length < offset) {
                    offset = 0;
                }
                in.seek(offset);
                byte[] bytes = new byte[(int) Math.min(length - offset, 64 * 1024 * 1024)];
                in.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                int complete = text.lastIndexOf('\n') + 1;
                offset += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
                for (String line : text.substring(0, complete).split("\n")) {
                    Matcher m = PAUSE.matcher(line);
                    if (m.find()) {
                        long after = megabytes(Long.parseLong(m.group(3)), m.group(4));
                        floor = floor < 0 ? after : Math.min(floor, after);
                        lastAfterMb = after;
                    }
                }
            } catch (IOException e) {
                return new long[] {-1, lastAfterMb};
            }
            return new long[] {floor, lastAfterMb};
        }

        private static long megabytes(long value, String unit) {
            return switch (unit) {
                case "K" -> value / 1024;
                case "G" -> value * 1024;
                default -> value;
            };
        }
    }
}
