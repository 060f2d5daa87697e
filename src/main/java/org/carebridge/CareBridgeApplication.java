package org.carebridge;

import org.carebridge.consistency.cli.ConsistencyCommandLine;
import org.carebridge.scheduling.cli.SchedulingCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareBridgeApplication {

    public static void main(String[] args) {
        // `solve` and `generate` run the scheduler from the command line: no Spring, no web server
        if (SchedulingCommandLine.handles(args)) {
            System.exit(SchedulingCommandLine.run(args, System.out, System.err));
        }
        // `check` proves that case rows and process state agree: a database connection only, nothing written
        if (ConsistencyCommandLine.handles(args)) {
            System.exit(ConsistencyCommandLine.run(args));
        }
        SpringApplication.run(CareBridgeApplication.class, args);
    }
}
