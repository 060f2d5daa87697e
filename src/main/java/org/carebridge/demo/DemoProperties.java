package org.carebridge.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carebridge.demo.*}: whether to seed the demo province into an empty database, from which
 * seed, and with how many patients.
 */
@ConfigurationProperties("carebridge.demo")
public record DemoProperties(boolean enabled, long seed, int patients) {

    public DemoProperties {
        if (patients <= 0) {
            patients = 2000;
        }
    }
}
