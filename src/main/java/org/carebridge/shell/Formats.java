package org.carebridge.shell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;

import com.vaadin.flow.server.VaadinSession;
import java.util.stream.Collectors;

/**
 * Names, dates and numbers as a reader of the locale expects them. Chinese names are written family
 * name first without a space (王伟); in English the pinyin is shown with the family name in capitals
 * (WANG Wei), as Chinese names usually are in English documents.
 */
public final class Formats {

    /** The province's clock: staff read times in local time, whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The session attribute holding the zone a user chose to read times in, when not the province's. */
    static final String CHOSEN_ZONE = "carebridge.zone";

    private Formats() {
    }

    public static String personName(String familyName, String givenName, String latinName, Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        if (!chinese && latinName != null && !latinName.isBlank()) {
            String[] parts = latinName.strip().split("\\s+", 2);
            return parts.length == 1 ? parts[0].toUpperCase(Locale.ROOT)
                    : parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
        }
        if (isHan(familyName) && isHan(givenName)) {
            return familyName + givenName;
        }
        return chinese ? familyName + " " + givenName : givenName + " " + familyName;
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .format(instant.atZone(zone()));
    }

    public static String shortDate(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone()));
    }

    public static String shortDateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone()));
    }

    /** The zone the signed-in user reads times in: the one they chose, else the province's. */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object chosen = session == null ? null : session.getAttribute(CHOSEN_ZONE);
        return chosen instanceof ZoneId zone ? zone : ZONE;
    }

    public static String number(Number value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal d ? d : value);
    }

    /** A language tag (zh, ii, bo) named in the reader's language: 彝语 / Sichuan Yi. */
    public static String language(String tag, Locale locale) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name;
    }

    /**
     * Labels read as one list: 心内科、内科 in Chinese (the enumeration comma, no space), "Cardiology,
     * Internal medicine" otherwise. Blank items are left out.
     */
    public static String list(Collection<String> items, Locale locale) {
        String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
        return items.stream().filter(item -> item != null && !item.isBlank())
                .collect(Collectors.joining(separator));
    }

    private static boolean isHan(String text) {
        return text != null && !text.isEmpty()
                && text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
