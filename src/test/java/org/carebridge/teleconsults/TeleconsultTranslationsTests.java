package org.carebridge.teleconsults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.carebridge.shell.Translations;
import org.junit.jupiter.api.Test;

/** The teleconsult screens speak both languages: the same keys in both bundles, a word for every value shown. */
class TeleconsultTranslationsTests {

    private final Translations translations = new Translations();

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(bundle("i18n/teleconsults_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("i18n/teleconsults.properties").stringPropertyNames());
    }

    @Test
    void everyStatusTimelineStepFollowUpAndTaskHasAWordInBothLanguages() throws IOException {
        List<String> keys = Stream.of(keys("teleconsults.status.", TeleconsultStatus.values()),
                keys("teleconsults.timeline.", TeleconsultEventType.values()),
                keys("teleconsults.followUp.", TeleconsultFollowUp.values()),
                userTasks().stream().map(key -> "tasks.key." + key).toList()).flatMap(List::stream).toList();
        for (Locale locale : List.of(Translations.CHINESE, Translations.ENGLISH)) {
            assertThat(keys).allSatisfy(key ->
                    assertThat(translations.getTranslation(key, locale)).as(key + " in " + locale).doesNotStartWith("!"));
        }
    }

    private static List<String> userTasks() throws IOException {
        try (InputStream in = TeleconsultTranslationsTests.class.getClassLoader().getResourceAsStream("teleconsult.bpmn")) {
            String bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> ids = java.util.regex.Pattern.compile("<userTask [^>]*\\bid=\"([^\"]+)\"").matcher(bpmn)
                    .results().map(m -> m.group(1)).toList();
            assertThat(ids).containsExactlyInAnyOrder("ScheduleTeleconsult", "ConductTeleconsult");
            return ids;
        }
    }

    private static List<String> keys(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> prefix + v.name()).toList();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TeleconsultTranslationsTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
