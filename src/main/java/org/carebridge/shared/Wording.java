package org.carebridge.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.carebridge.shared.Wording;

/**
 * What a timeline entry says, kept as a message key and typed parameters instead of prose, so that each
 * reader gets it in their own language and time zone, with people by name and enums by their labels.
 * Parameters keep the order they were given; a parameter given no value is left out and reads as nothing.
 */
public record Wording(String key, Map<String, Part> parameters) {

    /** The words of one kind of entry: a key in a module's message bundle, in both languages. */
    public interface Template {
        String key();
    }

    /** How a parameter's value is read: as it is, or looked up in the reader's language or directory. */
    public enum Kind {
        /** Free text a person wrote (a reason, a note): shown as written. */
        TEXT,
        NUMBER,
        /** An instant, shown in the reader's time zone. */
        TIME,
        /** A message key (an enum's label such as {@code urgency.EMERGENCY}). */
        LABEL,
        /** Message keys, comma-separated: their labels listed as the reader's language lists (、 in Chinese). */
        LABELS,
        /** A user name, shown as the person's display name. */
        STAFF,
        /** A practitioner's id, shown as their name. */
        DOCTOR,
        /** A facility's id, shown as its name. */
        FACILITY,
        /** A length of time ({@code PT4H}), in the reader's words: 4 小时. */
        DURATION
    }

    public record Part(Kind kind, String value) {
    }

    /** The key of entries written as prose before timelines were typed; their one parameter is the text. */
    public static final String LEGACY = "timeline.legacy";

    static final int LONGEST_TEXT = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    public Wording {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Wording of(Template template) {
        return new Wording(template.key(), Map.of());
    }

    /** An entry kept from before timelines were typed, shown as it was written. */
    public static Wording legacy(String text) {
        return new Wording(LEGACY, Map.of()).text("text", text);
    }

    /** Free text, cut at {@value #LONGEST_TEXT} characters so that an entry always fits its row. */
    public Wording text(String name, Object value) {
        String text = value == null || value.toString().isBlank() ? null : value.toString().strip();
        return with(name, Kind.TEXT, text == null || text.length() <= LONGEST_TEXT ? text
                : text.substring(0, LONGEST_TEXT - 1) + "…");
    }

    public Wording number(String name, Number value) {
        return with(name, Kind.NUMBER, value == null ? null : value.toString());
    }

    public Wording time(String name, Instant value) {
        return with(name, Kind.TIME, value == null ? null : value.toString());
    }

    /** A message key's words, such as a task's name ({@code tasks.key.ReviewReferral}). */
    public Wording label(String name, String key) {
        return with(name, Kind.LABEL, key);
    }

    /** The label of an enum value: its key is the prefix and the constant's name ({@code urgency.SOON}). */
    public Wording label(String name, String prefix, Enum<?> value) {
        return with(name, Kind.LABEL, value == null ? null : prefix + "." + value.name());
    }

    public Wording duration(String name, Duration value) {
        return with(name, Kind.DURATION, value == null ? null : value.toString());
    }

    /** The labels of enum values, in the order given; no value when there are none. */
    public Wording labels(String name, String prefix, Collection<? extends Enum<?>> values) {
        return with(name, Kind.LABELS, values == null || values.isEmpty() ? null
                : values.stream().map(value -> prefix + "." + value.name()).collect(Collectors.joining(",")));
    }

    public Wording staff(String name, String username) {
        return with(name, Kind.STAFF, username);
    }

    public Wording doctor(String name, Long practitionerId) {
        return with(name, Kind.DOCTOR, practitionerId == null ? null : practitionerId.toString());
    }

    public Wording facility(String name, Long facilityId) {
        return with(name, Kind.FACILITY, facilityId == null ? null : facilityId.toString());
    }

    private Wording with(String name, Kind kind, String value) {
        if (value == null) {
            return this;
        }
        Map<String, Part> more = new LinkedHashMap<>(parameters);
        more.put(name, new Part(kind, value));
        return new Wording(key, more);
    }

    /** The parameters' values as stored, for machines (the API's {@code parameters}). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, part) -> values.put(name, part.value()));
        return values;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A wording is always writable as JSON", e);
        }
    }

    public static Wording fromJson(String json) {
        try {
            return JSON.readValue(json, Wording.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a stored wording: " + json, e);
        }
    }
}
