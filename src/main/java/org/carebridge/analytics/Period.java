package org.carebridge.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;

/**
 * The days whose referrals are measured, both included, in the province's clock. The measures follow the
 * referrals created in these days (a cohort) with all their appointments, whenever those fall.
 */
public record Period(LocalDate from, LocalDate to) {

    /** The province's clock (as the staff read it). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_DAYS = 30;

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidRequestException(List.of(new FieldError("from", "must not be after to"),
                    new FieldError("to", "must not be before from")));
        }
    }

    /** The last {@value #DEFAULT_DAYS} days up to today. */
    public static Period lastDays(int days, LocalDate today) {
        return new Period(today.minusDays(days - 1L), today);
    }

    /** From request parameters: either may be missing (the last 30 days, or 30 days from/to the given one). */
    public static Period parse(String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (start == null && end == null) {
            return lastDays(DEFAULT_DAYS, today);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1L);
        }
        if (end == null) {
            end = start.plusDays(DEFAULT_DAYS - 1L);
        }
        return new Period(start, end);
    }

    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
