package org.carebridge.scheduling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, as a planner runs it: generate a week, solve it, and be told plainly what is wrong. */
class SchedulingCommandLineTests {

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SchedulingCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesAProblemAndSolvesItIntoASolutionFile() throws Exception {
        Path problem = folder.resolve("problem.json");
        Path solution = folder.resolve("solution.json");

        assertThat(run("generate", "--appointments", "30", "--doctors", "4", "--seed", "3", "--output",
                problem.toString())).isZero();
        assertThat(run("solve", "--input", problem.toString(), "--output", solution.toString(), "--seconds", "1"))
                .isZero();

        String json = Files.readString(solution);
        assertThat(json).contains("\"score\" : \"0hard/").contains("\"assignments\"").contains("\"equipmentLocations\"");
    }

    @Test
    void aBadProblemExitsWithTwoNamingTheItems() throws Exception {
        Path problem = folder.resolve("bad.json");
        Files.writeString(problem, """
                {"name": "bad", "horizon": {"days": 5, "slotMinutes": 15},
                 "regions": [{"id": "R1", "name": "City"}, {"id": "R1", "name": "Again"}],
                 "doctors": [{"id": "D1", "specialties": ["CARDIOLOGY"], "homeRegion": "R1", "maxMinutes": 600,
                              "availability": [{"day": 0, "start": "12:00", "end": "08:00"}]}],
                 "equipment": [],
                 "appointments": [{"id": "A1", "region": "R1", "specialty": "CARDIOLOGY", "durationMinutes": 30,
                                   "urgency": "URGENT", "modes": ["IN_PERSON"], "preferredDoctorId": "D9",
                                   "earliestDay": 0, "latestDay": 1}]}
                """);

        int exit = run("solve", "--input", problem.toString(), "--seconds", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("regions[R1].id")
                .contains("doctors[D1].availability[0].end").contains("appointments[A1].preferredDoctorId");
    }

    @Test
    void malformedJsonAndMissingFilesAreBadInput() throws Exception {
        Path problem = folder.resolve("broken.json");
        Files.writeString(problem, "{\"name\": ");
        assertThat(run("solve", "--input", problem.toString())).isEqualTo(2);
        assertThat(run("solve", "--input", folder.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(run("generate", "--appointments", "many")).isEqualTo(2);
    }
}
