package org.carebridge;

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
        SpringApplication.run(CareBridgeApplication.class, args);
    }
}
