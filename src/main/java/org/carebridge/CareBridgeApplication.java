package org.carebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CareBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareBridgeApplication.class, args);
    }
}
