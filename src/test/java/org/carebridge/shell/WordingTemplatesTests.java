package org.carebridge.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carebridge.guidelines.Urgency;
import org.carebridge.shared.Wording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The words of every timeline entry are part of the build: each kind of entry any module declares has
 * its template in both languages with the same parameters, and no template is left without its kind.
 */
class WordingTemplatesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Wordings wordings = new Wordings(new Translations(), null, null);

    @Test
    void everyKindOfTimelineEntryHasItsWordsInBothLanguagesWithTheSameParameters() throws Exception {
        List<Wording.Template> templates = templates();
        assertThat(templates).extracting(Wording.Template::key)
                .contains("referrals.said.ROUTED", "referrals.said.SUBMITTED_TELECONSULT_FAILED", "tasks.said.OPENED_DUE");
        List<String> problems = new ArrayList<>();
        for (Wording.Template template : templates) {
            String english = template(template.key(), Translations.ENGLISH);
            String chinese = template(template.key(), Translations.CHINESE);
            if (english == null || chinese == null) {
                problems.add(template.key() + " has no words in " + (english == null ? "English" : "Chinese"));
            } else if (!placeholders(english).equals(placeholders(chinese))) {
                problems.add(template.key() + ": English has " + placeholders(english) + ", Chinese "
                        + placeholders(chinese));
            } else if (chinese.replaceAll("\\{\\w+}", "").matches(".*[A-Za-z]{2,}.*")) {
                problems.add(template.key() + ": Latin words in the Chinese template " + chinese);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noTemplateIsLeftWithoutAKindOfEntryThatUsesIt() throws Exception {
        Set<String> declared = new TreeSet<>(templates().stream().map(Wording.Template::key).toList());
        Set<String> written = new TreeSet<>();
        for (String name : Translations.BUNDLES) {
            for (Locale locale : Translations.LOCALES) {
                file(name, locale).stringPropertyNames().stream().filter(k -> k.contains(".said.")).forEach(written::add);
            }
        }
        assertThat(written).isEqualTo(declared);
    }

    @Test
    void anOptionalPartIsLeftOutWhenItsParameterHasNoValue() {
        Wording.Template transfer = () -> "referrals.said.TRANSFER_ARRANGED";
        Wording withNote = Wording.of(transfer).text("note", "oxygen on the way")
                .label("transport", "referrals.transport", Transport.AMBULANCE);
        assertThat(wordings.say(withNote, Translations.ENGLISH)).isEqualTo("To  (Ambulance): oxygen on the way");
        assertThat(wordings.say(Wording.of(transfer).label("transport", "referrals.transport", Transport.AMBULANCE),
                Translations.CHINESE)).isEqualTo("转往（救护车）");
    }

    @Test
    void timesReadInTheProvincesZoneLengthsAndLabelsInTheReadersWords() {
        Wording.Template scheduled = () -> "referrals.said.SCHEDULED";
        Wording wording = Wording.of(scheduled).label("mode", "referrals.mode", Mode.TELECONSULT)
                .time("start", Instant.parse("2026-12-01T23:30:00Z")).duration("length", Duration.ofMinutes(30));
        String chinese = wordings.say(wording, Translations.CHINESE);
        assertThat(chinese).startsWith("远程会诊：").contains("2026年12月2日 上午7:30").contains("时长 30 分钟")
                .doesNotContain("设备", "T23:30");
        assertThat(wordings.say(Wording.of(() -> "referrals.said.NOT_REVIEWED_IN_TIME")
                .duration("within", Duration.ofHours(4)), Translations.ENGLISH)).isEqualTo("Not reviewed within 4 hours");
        assertThat(wordings.say(Wording.of(() -> "referrals.said.OUTCOME_NOT_ACKNOWLEDGED_IN_TIME")
                .duration("within", Duration.ofDays(7)), Translations.CHINESE)).isEqualTo("7 天内未确认结果");
        assertThat(wordings.say(Wording.of(() -> "referrals.said.STEP_NOW_AT").label("task", "tasks.key.ReviewReferral")
                .label("urgency", "urgency", Urgency.URGENT), Translations.CHINESE)).isEqualTo("审核转诊现按紧急的时限进行");
    }

    @Test
    void anEntryWrittenBeforeTimelinesWereTypedReadsAsItWasWritten() {
        Wording legacy = Wording.fromJson(Wording.legacy("Referred from YS-V1: cough").toJson());
        assertThat(wordings.say(legacy, Translations.CHINESE)).isEqualTo("Referred from YS-V1: cough");
    }

    private enum Transport { AMBULANCE }

    private enum Mode { TELECONSULT }

    private static List<Wording.Template> templates() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isFinal() || definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Wording.Template.class));
        List<Wording.Template> templates = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.carebridge")) {
            Class<?> type = Class.forName(found.getBeanClassName());
            if (type.isEnum() && !type.getName().contains("Tests")) {
                for (Object constant : type.getEnumConstants()) {
                    templates.add((Wording.Template) constant);
                }
            }
        }
        return templates;
    }

    /** A template as its own language's file has it: a Chinese file missing one must not borrow the English. */
    private static String template(String key, Locale locale) throws IOException {
        for (String name : Translations.BUNDLES) {
            String template = file(name, locale).getProperty(key);
            if (template != null) {
                return template;
            }
        }
        return null;
    }

    private static Properties file(String name, Locale locale) throws IOException {
        Properties file = new Properties();
        String path = name + (locale.equals(Translations.ENGLISH) ? "" : "_" + locale) + ".properties";
        try (InputStream in = WordingTemplatesTests.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
