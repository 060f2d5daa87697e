package org.carebridge.operations;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} writes the console log as one JSON object per line, in the Elastic Common
 * Schema (Spring Boot's structured logging); {@code ecs}, {@code logstash} and {@code gelf} choose that
 * format by name. Unset (or {@code text}), the log stays the usual readable lines. An explicit
 * {@code logging.structured.format.console} wins over it.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    static final String VARIABLE = "LOG_FORMAT";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "", "text" -> null;
            case "json" -> "ecs";
            case "ecs", "logstash", "gelf" -> format;
            default -> throw new IllegalArgumentException(VARIABLE + "=" + format
                    + " is not a log format: json (= ecs), ecs, logstash, gelf or text");
        };
        if (structured != null) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("LOG_FORMAT", Map.of(STRUCTURED_CONSOLE, structured)));
        }
    }
}
