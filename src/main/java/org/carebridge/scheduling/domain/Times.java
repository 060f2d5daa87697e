package org.carebridge.scheduling.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "HH:MM" on a day, to and from minutes after midnight. */
public final class Times {

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)|24:00");

    private Times() {
    }

    /** Minutes after midnight, or -1 when the text is not a time of day. */
    public static int parse(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = HH_MM.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        return m.group(1) == null ? 1440 : Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    public static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
