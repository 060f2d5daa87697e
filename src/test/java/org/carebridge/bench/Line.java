package org.carebridge.bench;

import java.util.Locale;

/** One machine-readable output line: a kind, then {@code key=value} pairs separated by spaces. */
final class Line {

    private final StringBuilder text;

    Line(String kind) {
        this.text = new StringBuilder(kind);
    }

    Line with(String key, Object value) {
        String shown = value == null ? "-" : value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                : value.toString();
        text.append(' ').append(key).append('=').append(shown.isEmpty() ? "-" : shown.replace(' ', '_'));
        return this;
    }

    /** Counts, errors by status and percentiles of the 2xx answers. */
    Line with(Recorder.Counts c, int... percentiles) {
        with("requests", c.count).with("ok", c.ok).with("conflicts", c.conflicts).with("slotTaken", c.slotTaken)
                .with("errors", c.errors).with("byStatus", c.statuses());
        long[] ok = c.sortedOk();
        for (int p : percentiles) {
            with("p" + p, Recorder.percentile(ok, p));
        }
        return this;
    }

    /** Words that are not a pair (nothing when empty). */
    Line then(String words) {
        if (!words.isEmpty()) {
            text.append(' ').append(words);
        }
        return this;
    }

    void print() {
        synchronized (System.out) {
            System.out.println(text);
            System.out.flush();
        }
    }
}
