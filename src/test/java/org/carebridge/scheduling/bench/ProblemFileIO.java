package org.carebridge.scheduling.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.carebridge.scheduling.domain.ProblemJson;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.ScheduleFactory;
import org.carebridge.scheduling.solver.Solving;
import org.optaplanner.persistence.common.api.domain.solution.SolutionFileIO;

/** Lets the benchmarker read problem JSON files and write the best solutions as solution JSON. */
public class ProblemFileIO implements SolutionFileIO<Schedule> {

    @Override
    public String getInputFileExtension() {
        return "json";
    }

    @Override
    public Schedule read(File inputSolutionFile) {
        try {
            return ScheduleFactory.build(ProblemJson.read(Files.readString(inputSolutionFile.toPath())), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Schedule schedule, File outputSolutionFile) {
        try {
            Files.writeString(outputSolutionFile.toPath(), ProblemJson.write(Solving.toSolution(schedule)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
