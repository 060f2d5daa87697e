package org.carebridge.guidelines.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carebridge.clinical.Consciousness;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.Finding;
import org.carebridge.guidelines.Assessment.PaediatricTriggers.AgeBand;
import org.carebridge.guidelines.Urgency;

/**
 * The words of the findings, from {@code messages_en.properties} and {@code messages_zh.properties} beside
 * the rules: a template per finding code ({@code NEWS2_HIGH_RISK=NEWS2 {score} (7 or more): ...}) and the
 * words of the values a parameter may hold ({@code consciousness.VOICE=responds to voice}). They are part
 * of the ruleset: checked when it compiles, reloaded with it.
 */
public final class FindingMessages {

    /** The languages every finding is written in. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    /** The values a parameter of that name may hold, each needing its words in both languages. */
    static final Map<String, Class<? extends Enum<?>>> VALUE_WORDS = Map.of("urgency", Urgency.class,
            "specialty", Specialty.class, "consciousness", Consciousness.class, "ageBand", AgeBand.class);

    private static final String GUIDELINE = "guideline.";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Properties english;
    private final Properties chinese;

    private FindingMessages(Properties english, Properties chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The bundle file of a language, relative to the rules root. */
    static String path(Locale language) {
        return RuleSource.PACKAGE_FOLDER + "/messages_" + language.getLanguage() + ".properties";
    }

    /** Reads the two bundles among the rule sources; a missing one is reported by {@link #problems}. */
    static FindingMessages of(Collection<RuleSource> sources) {
        return new FindingMessages(read(sources, Locale.ENGLISH), read(sources, Locale.CHINESE));
    }

    private static Properties read(Collection<RuleSource> sources, Locale language) {
        Properties properties = new Properties();
        sources.stream().filter(s -> s.path().equals(path(language))).findFirst().ifPresent(source -> {
            try {
                properties.load(new StringReader(new String(source.content(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return properties;
    }

    /**
     * What is wrong with the words for these finding codes: a code without a template in either language,
     * a template no rule uses, a template whose parameters differ between the languages, a value without
     * its words.
     */
    List<String> problems(Set<String> codes) {
        List<String> problems = new ArrayList<>();
        for (Locale language : LANGUAGES) {
            Properties words = words(language);
            for (String code : new TreeSet<>(codes)) {
                if (!words.containsKey(code)) {
                    problems.add(path(language) + ": no words for the finding " + code);
                }
            }
            for (String key : new TreeSet<>(words.stringPropertyNames())) {
                if (CODE.matcher(key).matches() && !codes.contains(key)) {
                    problems.add(path(language) + ": " + key + " is the finding of no rule");
                }
            }
            VALUE_WORDS.forEach((parameter, type) -> {
                for (Enum<?> value : type.getEnumConstants()) {
                    if (!words.containsKey(parameter + "." + value.name())) {
                        problems.add(path(language) + ": no words for " + parameter + "." + value.name());
                    }
                }
            });
        }
        Set<String> namedInEnglish = guidelineKeys(english);
        Set<String> namedInChinese = guidelineKeys(chinese);
        if (!namedInEnglish.equals(namedInChinese)) {
            problems.add("the two languages name different guidelines: " + namedInEnglish + " and " + namedInChinese);
        }
        for (String code : new TreeSet<>(codes)) {
            if (english.containsKey(code) && chinese.containsKey(code)
                    && !placeholders(english.getProperty(code)).equals(placeholders(chinese.getProperty(code)))) {
                problems.add(code + ": the English and the Chinese words speak of different parameters");
            }
        }
        return problems;
    }

    /** The guideline a finding cites, in the language closest to the locale ({@code 儿童急救呼叫标准}). */
    public String guideline(Finding finding, Locale locale) {
        return words(locale).getProperty(GUIDELINE + finding.guideline(), finding.guideline());
    }

    private static Set<String> guidelineKeys(Properties words) {
        return new TreeSet<>(words.stringPropertyNames().stream().filter(k -> k.startsWith(GUIDELINE)).toList());
    }

    /** The finding in the language closest to the locale (Chinese unless English is asked for). */
    public String render(Finding finding, Locale locale) {
        Properties words = words(locale);
        String template = finding.code() == null ? null : words.getProperty(finding.code());
        if (template == null) {
            // an assessment stored before its findings had codes, or by rules since retired
            return finding.message() != null ? finding.message() : finding.rule();
        }
        Map<String, Object> parameters = finding.parameters() == null ? Map.of() : finding.parameters();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            Object value = parameters.get(placeholder.group(1));
            placeholder.appendReplacement(text, Matcher.quoteReplacement(show(placeholder.group(1), value, words)));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String show(String name, Object value, Properties words) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Number number) {
            return Case.show(number.doubleValue());
        }
        return words.getProperty(name + "." + value, value.toString());
    }

    private Properties words(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : chinese;
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
