package org.carebridge.analytics.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.carebridge.CareBridgeApplication;
import org.carebridge.analytics.EquityAnalytics;
import org.carebridge.analytics.HistoryGenerator;
import org.carebridge.analytics.Period;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/bench/analytics.sh: starts CareBridge on the database of DB_URL (postgres profile, demo province, no
 * demo history), generates {@code referrals} referrals over the last year, then times the equity query over
 * the whole year and over the last 30 days against {@code select count(*) from referral} in the same run.
 * Usage: EquityBenchmark [referrals] [runs]
 */
public final class EquityBenchmark {

    private EquityBenchmark() {
    }

    public static void main(String[] args) {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CareBridgeApplication.class).run(
                "--spring.profiles.active=postgres", "--carebridge.demo.enabled=true",
                "--carebridge.demo.history-months=0", "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
        try {
            HistoryGenerator generator = context.getBean(HistoryGenerator.class);
            EquityAnalytics analytics = context.getBean(EquityAnalytics.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            HistoryGenerator.Generated generated = generator.generate(referrals,
                    Instant.now().truncatedTo(ChronoUnit.HOURS), 365, 11);
            System.out.printf(Locale.ROOT, "generated %,d referrals, %,d appointments, %,d events in %.1f s%n",
                    generated.referrals(), generated.appointments(), generated.events(),
                    generated.took().toMillis() / 1000.0);
            long analyze = System.nanoTime();
            jdbc.execute("analyze");
            System.out.printf(Locale.ROOT, "analyze: %.1f s%n", (System.nanoTime() - analyze) / 1e9);
            System.out.printf(Locale.ROOT, "referral rows: %,d%n",
                    jdbc.queryForObject("select count(*) from referral", Long.class));
            Period year = Period.lastDays(365, analytics.today());
            Period month = Period.lastDays(30, analytics.today());
            time("select count(*) from referral", runs, () -> jdbc.queryForObject("select count(*) from referral", Long.class));
            time("equity, last 365 days", runs, () -> analytics.equity(year));
            time("equity, last 30 days", runs, () -> analytics.equity(month));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void time(String label, int runs, Supplier<?> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(null);
        System.out.printf(Locale.ROOT, "%-32s runs %d  p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms%n", label, runs,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                millis.get(millis.size() - 1));
    }
}
