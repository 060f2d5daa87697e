package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/** Reads an observation's JSON value as its type requires, refusing implausible entries. */
final class ObservationValues {

    /** Clocks of bedside devices and servers disagree a little; more than this is a wrong date. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The value in storage form: a number, or text for flags, levels and lists of signs. */
    record Stored(BigDecimal number, String text) {
    }

    private ObservationValues() {
    }

    static Stored read(ObservationType type, JsonNode value) {
        return switch (type.kind()) {
            case NUMBER -> new Stored(number(type, value), null);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw invalid("must be true or false");
                }
                yield new Stored(null, Boolean.toString(value.booleanValue()));
            }
            case CONSCIOUSNESS -> new Stored(null, consciousness(value).name());
            case DANGER_SIGNS -> new Stored(null, dangerSigns(value));
        };
    }

    static void checkEffectiveAt(Instant effectiveAt, Instant now, java.time.LocalDate birthDate) {
        if (effectiveAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequestException("effectiveAt", "must not be in the future");
        }
        if (effectiveAt.isBefore(birthDate.atStartOfDay(java.time.ZoneOffset.UTC).minusDays(1).toInstant())) {
            throw new InvalidRequestException("effectiveAt", "must not be before the patient's birth");
        }
    }

    private static BigDecimal number(ObservationType type, JsonNode value) {
        if (!value.isNumber()) {
            throw invalid("must be a number in " + type.unit());
        }
        BigDecimal number = value.decimalValue().stripTrailingZeros();
        if (number.scale() > 2) {
            throw invalid("must have at most 2 decimals");
        }
        if (!type.isPlausible(number)) {
            throw invalid("must be between " + type.min() + " and " + type.max() + " " + type.unit()
                    + "; a value outside is an entry error");
        }
        return number;
    }

    private static Consciousness consciousness(JsonNode value) {
        try {
            return Consciousness.valueOf(value.textValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("must be one of " + Arrays.toString(Consciousness.values()));
        }
    }

    private static String dangerSigns(JsonNode value) {
        if (!value.isArray()) {
            throw invalid("must be a list of " + Arrays.toString(ImciDangerSign.values()) + ", empty for none");
        }
        Set<ImciDangerSign> signs = EnumSet.noneOf(ImciDangerSign.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            try {
                signs.add(ImciDangerSign.valueOf(value.get(i).textValue()));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("value[" + i + "]", "must be one of " + Arrays.toString(ImciDangerSign.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return signs.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("value", message);
    }
}
