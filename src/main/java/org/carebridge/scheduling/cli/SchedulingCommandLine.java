package org.carebridge.scheduling.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ProblemGenerator;
import org.carebridge.scheduling.Solution;
import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.solver.Solving;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.slf4j.LoggerFactory;

/**
 * {@code solve --input problem.json --output solution.json --seconds N [--baseline]} and
 * {@code generate --appointments N --doctors M --seed S [--output file]}. Exit 0 on success, 2 on bad input
 * (the message names the items), 1 on any other failure.
 */
public final class SchedulingCommandLine {

    public static final Set<String> COMMANDS = Set.of("solve", "generate");
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private SchedulingCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietLogging();
        try {
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "solve" -> solve(options, out, err);
                case "generate" -> generate(options, out, err);
                default -> usage(err);
            };
        } catch (InvalidRequestException e) {
            err.println("Invalid problem:");
            for (FieldError error : e.errors()) {
                err.println("  " + error.field() + ": " + error.message());
            }
            return BAD_INPUT;
        } catch (UsageException e) {
            err.println(e.getMessage());
            usage(err);
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("Failed: " + e);
            return FAILED;
        }
    }

    private static int solve(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        Path input = Path.of(required(options, "input"));
        if (!Files.isReadable(input)) {
            throw new UsageException("Cannot read " + input);
        }
        long seconds = number(options, "seconds", 30);
        Problem problem = ProblemJson.read(Files.readString(input));
        Schedule schedule = ScheduleFactory.build(problem, false);
        Solving solving = new Solving();
        Schedule solved = options.containsKey("baseline") ? solving.firstComeFirstServed(schedule)
                : solving.solve(schedule, Duration.ofSeconds(seconds));
        Solution solution = Solving.toSolution(solved);
        String json = ProblemJson.write(solution);
        if (options.containsKey("output")) {
            Files.writeString(Path.of(options.get("output")), json);
        } else {
            out.println(json);
        }
        err.println("Score " + solution.score() + " (" + solution.assignments().size() + " assigned, "
                + solution.unassigned().size() + " unassigned)");
        return OK;
    }

    private static int generate(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        int appointments = (int) number(options, "appointments", 200);
        int doctors = (int) number(options, "doctors", 20);
        long seed = number(options, "seed", 1);
        if (appointments < 1 || doctors < 1) {
            throw new UsageException("--appointments and --doctors must be at least 1");
        }
        String json = ProblemJson.write(ProblemGenerator.generate(appointments, doctors, seed));
        if (options.containsKey("output")) {
            Files.writeString(Path.of(options.get("output")), json);
        } else {
            out.println(json);
        }
        return OK;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new UsageException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("baseline")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static long number(Map<String, String> options, String name, long fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not " + value);
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: java -jar carebridge.jar solve --input problem.json [--output solution.json] [--seconds N]"
                + " [--baseline]");
        err.println("       java -jar carebridge.jar generate --appointments N --doctors M --seed S [--output file]");
        return BAD_INPUT;
    }

    /** Without Spring, Logback would print every solver step; the command line says what matters itself. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
