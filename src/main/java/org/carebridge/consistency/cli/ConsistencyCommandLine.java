package org.carebridge.consistency.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.carebridge.consistency.ConsistencyCheck;
import org.carebridge.consistency.ConsistencyReport;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * {@code check [--spring.profiles.active=...] [--spring.datasource.url=...] [other Spring properties]}: the
 * consistency report of the database the {@code postgres} profile connects to ({@code DB_URL}, {@code DB_USER},
 * {@code DB_PASSWORD}), as JSON on stdout and a summary on stderr. Exit 0 when clean, 1 with violations, 2 when
 * it could not check (database unreachable, tables missing). It only reads: its connections are read-only and
 * nothing but them is started.
 */
public final class ConsistencyCommandLine {

    public static final String COMMAND = "check";
    static final int CLEAN = 0;
    static final int VIOLATIONS = 1;
    static final int NOT_CHECKED = 2;

    /**
     * Above application.yml, below the command line: a small pool that gives up quickly, read-only connections,
     * and no web server.
     */
    private static final Map<String, Object> CHECK_PROPERTIES = Map.of(
            "spring.main.web-application-type", "none",
            "spring.jmx.enabled", "false",
            "spring.datasource.hikari.pool-name", "consistency-check",
            "spring.datasource.hikari.maximum-pool-size", "2",
            "spring.datasource.hikari.minimum-idle", "0",
            // a database that does not answer fails the check within seconds, not the pool's default 30 s
            "spring.datasource.hikari.connection-timeout", "5000",
            "spring.datasource.hikari.read-only", "true");

    private ConsistencyCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /**
     * From {@code main}: stdout carries the JSON alone (whatever logs goes to stderr, warnings only), and the
     * process exits with the returned code.
     */
    public static int run(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        }
        return check(args, stdout, System.err);
    }

    /** The check itself; {@code args} as given to {@code main}, {@code check} first. Leaves logging as it is. */
    static int check(String[] args, PrintStream out, PrintStream err) {
        String[] springArgs = Arrays.copyOfRange(args, handles(args) ? 1 : 0, args.length);
        if (Arrays.asList(springArgs).contains("--help") || Arrays.asList(springArgs).contains("-h")) {
            usage(err);
            return CLEAN;
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        SpringApplication application = new SpringApplication(CheckConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        // the application's logging setup would reconfigure logging for the whole JVM (and to stdout)
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        if (!profileChosen(springArgs)) {
            application.setAdditionalProfiles("postgres");
        }
        application.addInitializers(context -> {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource check = new MapPropertySource("consistencyCheck", CHECK_PROPERTIES);
            if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, check);
            } else {
                sources.addFirst(check);
            }
        });
        String database = "the database";
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            database = withoutParameters(context.getEnvironment().getProperty("spring.datasource.url", database));
            long checking = System.nanoTime();
            ConsistencyReport report = context.getBean(ConsistencyCheck.class).run();
            out.println(json.writeValueAsString(report));
            out.flush();
            summary(report, database, (checking - started) / 1_000_000, (System.nanoTime() - checking) / 1_000_000, err);
            return report.clean() ? CLEAN : VIOLATIONS;
        } catch (Exception e) {
            String why = rootCause(e);
            try {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("error", "could not check: " + why);
                out.println(json.writeValueAsString(failure));
            } catch (Exception ignored) {
                // stderr says it below
            }
            err.println("Could not check " + database + ": " + why);
            return NOT_CHECKED;
        }
    }

    private static boolean profileChosen(String[] springArgs) {
        return Arrays.stream(springArgs).anyMatch(arg -> arg.startsWith("--spring.profiles.active="))
                || System.getProperty("spring.profiles.active") != null
                || System.getenv("SPRING_PROFILES_ACTIVE") != null;
    }

    private static void summary(ConsistencyReport report, String database, long startMillis, long checkMillis,
            PrintStream err) {
        err.println("Consistency of " + database + " (started in " + startMillis + " ms, checked in " + checkMillis
                + " ms): " + report.checked().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));
        if (report.clean()) {
            err.println("Clean: case rows, processes, bookings and the audit log agree.");
            return;
        }
        err.println(report.violations().size() + " violation" + (report.violations().size() == 1 ? "" : "s") + ":");
        for (ConsistencyReport.Violation violation : report.violations()) {
            String which = violation.caseType() + " " + violation.caseId();
            err.println("  " + violation.kind() + "  " + (violation.message().startsWith(which) ? ""
                    : which + ": ") + violation.message());
        }
    }

    /** A JDBC URL without what follows {@code ?} or {@code ;}, where a password could be. */
    private static String withoutParameters(String url) {
        int end = url.length();
        for (char c : List.of('?', ';')) {
            int at = url.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return url.substring(0, end);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static void usage(PrintStream err) {
        err.println("""
                Usage: java -jar carebridge.jar check [--spring.profiles.active=postgres] [--spring.datasource.url=...]
                  Checks that case rows, process instances, bookings and the audit log agree; changes nothing.
                  Connects as the postgres profile does (DB_URL, DB_USER, DB_PASSWORD) unless told otherwise.
                  Prints the report as JSON on stdout and a summary on stderr.
                  Exit 0: clean; 1: violations; 2: could not check (database unreachable, tables missing).""");
    }
}
