package org.carebridge.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** LOG_FORMAT chooses JSON lines for the console, or leaves it readable; a typo stops the start instead of being ignored. */
class LogFormatTests {

    @Test
    void jsonMeansTheElasticCommonSchema() {
        assertThat(structuredFormatFor("json")).isEqualTo("ecs");
        assertThat(structuredFormatFor("JSON")).isEqualTo("ecs");
        assertThat(structuredFormatFor("logstash")).isEqualTo("logstash");
        assertThat(structuredFormatFor("gelf")).isEqualTo("gelf");
    }

    @Test
    void unsetOrTextKeepsTheReadableLines() {
        assertThat(structuredFormatFor(null)).isNull();
        assertThat(structuredFormatFor("text")).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json")
                .withProperty(LogFormat.STRUCTURED_CONSOLE, "logstash");
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(LogFormat.STRUCTURED_CONSOLE)).isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatStopsTheStart() {
        assertThatThrownBy(() -> structuredFormatFor("jsno")).hasMessageContaining("LOG_FORMAT=jsno is not a log format");
    }

    private static String structuredFormatFor(String variable) {
        MockEnvironment environment = new MockEnvironment();
        if (variable != null) {
            environment.setProperty("LOG_FORMAT", variable);
        }
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(LogFormat.STRUCTURED_CONSOLE);
    }
}
