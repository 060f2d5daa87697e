package org.carebridge.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

class WeeklyAvailabilityTests {

    @Test
    void morningAndAfternoonOfTheSameDayDoNotOverlap() {
        List<WeeklyAvailability> hours = List.of(hours(DayOfWeek.MONDAY, 8, 12), hours(DayOfWeek.MONDAY, 12, 17));
        assertThat(Directory.validAvailability(hours)).isEqualTo(hours);
    }

    @Test
    void overlappingHoursOnOneDayAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> Directory.validAvailability(
                List.of(hours(DayOfWeek.MONDAY, 8, 12), hours(DayOfWeek.TUESDAY, 8, 12), hours(DayOfWeek.MONDAY, 11, 14))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("availability[2]"));
    }

    @Test
    void hoursMustEndAfterTheyStart() {
        assertThatThrownBy(() -> Directory.validAvailability(List.of(hours(DayOfWeek.FRIDAY, 14, 14))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("availability[0].end"));
    }

    @Test
    void anAppointmentFitsWhenItStartsAtOpeningAndEndsAtClosingInTheProvincesTime() {
        WeeklyAvailability monday = hours(DayOfWeek.MONDAY, 8, 17);
        // Monday 2026-11-30, 08:00 and 17:00 in Asia/Shanghai are 00:00 and 09:00 UTC
        Instant opening = Instant.parse("2026-11-30T00:00:00Z");
        assertThat(monday.covers(opening, opening.plusSeconds(1800))).isTrue();
        assertThat(monday.covers(opening.minusSeconds(60), opening.plusSeconds(1800))).isFalse();
        Instant closing = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(monday.covers(closing.minusSeconds(1800), closing)).isTrue();
        assertThat(monday.covers(closing.minusSeconds(1800), closing.plusSeconds(60))).isFalse();
        assertThat(hours(DayOfWeek.TUESDAY, 8, 17).covers(opening, opening.plusSeconds(1800))).isFalse();
    }

    private static WeeklyAvailability hours(DayOfWeek day, int from, int to) {
        return new WeeklyAvailability(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }
}
