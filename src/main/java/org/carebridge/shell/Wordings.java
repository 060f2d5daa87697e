package org.carebridge.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carebridge.identity.StaffAccounts;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/**
 * Puts timeline entries into the reader's words: the entry's template from the module's bundle, each
 * parameter by its kind — times in the province's zone, labels translated, people and facilities by
 * name — and actors as the people they are, or as CareBridge itself or an import.
 */
@Component
public class Wordings {

    /** Names that no person signs in with: work CareBridge does itself, and records brought in from elsewhere. */
    private static final Map<String, String> NOT_PEOPLE = Map.of("system", "actor.system", "import", "actor.imported",
            "history-generator", "actor.imported");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** A part of a template that is left out when a parameter in it has no value: {@code [: {note}]}. */
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)]");

    /** The names of the directory's practitioners and facilities; the directory provides them (it sits below the shell). */
    public interface Names {

        /** A practitioner as staff know them, or null when there is none of that id. */
        String practitioner(long id, Locale locale);

        /** A facility's name, or null when there is none of that id. */
        String facility(long id);
    }

    private final Translations translations;
    private final StaffAccounts staff;
    private final Names names;

    Wordings(Translations translations, StaffAccounts staff, Names names) {
        this.translations = translations;
        this.staff = staff;
        this.names = names;
    }

    public String say(Wording wording, Locale locale) {
        Matcher optional = OPTIONAL.matcher(translations.getTranslation(wording.key(), locale));
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            Matcher inside = PLACEHOLDER.matcher(optional.group(1));
            boolean complete = inside.results().allMatch(p -> wording.parameters().containsKey(p.group(1)));
            optional.appendReplacement(kept, Matcher.quoteReplacement(complete ? optional.group(1) : ""));
        }
        optional.appendTail(kept);
        String template = kept.toString();
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder said = new StringBuilder();
        while (placeholders.find()) {
            Wording.Part part = wording.parameters().get(placeholders.group(1));
            placeholders.appendReplacement(said, Matcher.quoteReplacement(part == null ? "" : value(part, locale)));
        }
        placeholders.appendTail(said);
        return said.toString().strip();
    }

    /** The people behind these actors, looked up once for a whole timeline. */
    public Function<String, String> actors(Collection<String> usernames, Locale locale) {
        Map<String, String> names = new HashMap<>(staff.displayNames(Set.copyOf(usernames)));
        return username -> names.computeIfAbsent(username, u -> notAPerson(u, locale));
    }

    private String notAPerson(String username, Locale locale) {
        String key = NOT_PEOPLE.get(username);
        return key == null ? username : translations.getTranslation(key, locale);
    }

    private String value(Wording.Part part, Locale locale) {
        return switch (part.kind()) {
            case TEXT -> part.value();
            case NUMBER -> Formats.number(new BigDecimal(part.value()), locale);
            case TIME -> Formats.dateTime(Instant.parse(part.value()), locale);
            case LABEL -> translations.getTranslation(part.value(), locale);
            case LABELS -> Formats.list(Arrays.stream(part.value().split(","))
                    .map(key -> translations.getTranslation(key, locale)).toList(), locale);
            case STAFF -> actors(Set.of(part.value()), locale).apply(part.value());
            case DOCTOR -> orId(names.practitioner(Long.parseLong(part.value()), locale), part);
            case FACILITY -> orId(names.facility(Long.parseLong(part.value())), part);
            case DURATION -> duration(Duration.parse(part.value()), locale);
        };
    }

    private String duration(Duration duration, Locale locale) {
        if (duration.toMinutes() % (24 * 60) == 0) {
            return translations.getTranslation("duration.days", locale, duration.toDays());
        }
        return duration.toMinutes() % 60 == 0 ? translations.getTranslation("duration.hours", locale, duration.toHours())
                : translations.getTranslation("duration.minutes", locale, duration.toMinutes());
    }

    private static String orId(String name, Wording.Part part) {
        return name == null ? "#" + part.value() : name;
    }
}
