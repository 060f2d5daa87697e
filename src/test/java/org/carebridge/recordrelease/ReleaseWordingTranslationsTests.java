package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** A record request's timeline reads in both languages: every wording has its words, the Chinese ones all Chinese. */
class ReleaseWordingTranslationsTests {

    @Test
    void everyTimelineWordingHasATemplateInBothLanguagesAndTheChineseOneHasNoEnglishWords() throws IOException {
        Properties english = bundle("i18n/records.properties");
        Properties chinese = bundle("i18n/records_zh_CN.properties");
        for (ReleaseWording wording : ReleaseWording.values()) {
            assertThat(english.getProperty(wording.key())).as(wording.key()).isNotBlank();
            assertThat(chinese.getProperty(wording.key())).as(wording.key()).isNotBlank();
            assertThat(chinese.getProperty(wording.key()).replaceAll("\\{\\w+}", "")).as(wording.key())
                    .doesNotContainPattern("[A-Za-z]");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReleaseWordingTranslationsTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
